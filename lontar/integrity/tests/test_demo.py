"""The demo province is a clean site: a full scan of it finds nothing (no false positives)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from lontar.integrity.models import Finding

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_site_gives_no_finding(settings, tmp_path, capsys):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.LONTAR_INTEGRITY_MANIFEST = str(tmp_path / "manifest.json")
    call_command("load_demo")
    call_command("integrity_manifest")

    call_command("scan_integrity", "--no-mail")

    output = capsys.readouterr().out
    found = list(Finding.objects.values_list("kind", "object_repr", "location", "snippet"))
    assert found == [], output
