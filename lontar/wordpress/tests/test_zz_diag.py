import pytest
from io import StringIO
from django.core.management import call_command
from lontar.agencies.models import Agency
from lontar.agencies.tests.factories import agency_with_site
from lontar.wordpress.tests.roundtrip import snapshot
from lontar.wordpress.tests.test_roundtrip import export, load

@pytest.mark.django_db
def test_diag(tmp_path):
    call_command("load_demo", stdout=StringIO())
    bkd = Agency.objects.get(short_name="BKD")
    target = agency_with_site(hostname="baru.localhost", short_name="BARU")
    before = snapshot(bkd)
    export(bkd, tmp_path / "keluar")
    load(target, tmp_path / "keluar")
    after = snapshot(target)
    names = ["title","date","lead","first_pub","category","tags","author","hero","alt","body"]
    with open("/tmp/rtdiag.txt","w") as out:
        for key in before:
            if before[key] == after[key]: continue
            if isinstance(before[key], dict):
                for path in before[key]:
                    b, a = before[key][path], after[key].get(path)
                    if b != a:
                        if a is None: out.write(f"{key} {path} missing\n"); continue
                        for i,(x,y) in enumerate(zip(b,a)):
                            if x != y: out.write(f"{key} {path} field {names[i] if key=='news' else i}: {str(x)[:300]!r} != {str(y)[:300]!r}\n")
            else:
                out.write(f"{key} differs\n")
