"""Database-side steps of bench/scale_out.py, run in app server A's environment; prints JSON.

python bench/scale_out_app.py staff MARKER     # TOTP device of `admin` + a draft revision
python bench/scale_out_app.py files MARKER     # a request of the run with a KTP scan; the
                                               # image uploaded in the admin
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Site  # noqa: E402

from lontar.news.models import NewsArticlePage  # noqa: E402
from lontar.ppid.models import InformationRequest  # noqa: E402

STAFF = "admin"  # the demo's platform admin: its role requires a second factor


def staff(marker: str) -> dict:
    """What a staff member would have before the run: an enrolled authenticator (its key is
    returned so the harness can compute codes) and a saved, unpublished edit of an article."""
    user = get_user_model().objects.get(username=STAFF)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="scale-out", confirmed=True)
    site = Site.objects.get(is_default_site=True)
    article = (
        NewsArticlePage.objects.live().public().descendant_of(site.root_page).order_by("pk").first()
    )
    if article is None:
        raise SystemExit("no live news article on the default site")
    old_title = article.title
    article.title = f"{old_title.split(' [skala ')[0]} [skala {marker}]"
    article.save_revision(user=user)  # a draft: the live page keeps the old title
    return {
        "username": STAFF,
        "totp_key": device.key,
        "page_id": article.pk,
        "path": urlsplit(article.get_url()).path,
        "old_title": old_title,
        "new_title": article.title,
    }


def files(marker: str) -> dict:
    with_scan = (
        InformationRequest.objects.filter(information_requested__contains=f"[bench:{marker}:")
        .exclude(identity_scan="")
        .order_by("pk")
    )
    image = get_image_model().objects.filter(title__contains=marker).order_by("pk").last()
    first = with_scan.first()
    return {
        "scans": with_scan.count(),
        "scan_request": first.pk if first else None,
        "scan_name": first.identity_scan.name if first else "",
        "image_id": image.pk if image else None,
        "image_name": image.file.name if image else "",
    }


if __name__ == "__main__":
    action, run_marker = sys.argv[1], sys.argv[2]
    print(json.dumps({"staff": staff, "files": files}[action](run_marker)))
