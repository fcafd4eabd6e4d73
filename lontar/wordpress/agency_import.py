"""`import_agency`: a folder written by `export_agency` loaded into an agency, so its public
site stands again in another installation (or beside the old one).

Each record type is loaded by the app that owns it (`core/portability.py`), in order: media,
pages, news, regulations, datasets, FAQ, podcast, agenda. Records are matched by what stays
the same across installations (a page's address, a dataset's slug, a file's SHA-256), so a
second run updates what is there and creates nothing twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency, StaffProfile
from lontar.core import content_version
from lontar.core.audit import Actor, record
from lontar.core.portability import Bundle, portables
from lontar.wordpress.export import FORMAT
from lontar.wordpress.importer import imported_author

Progress = Callable[[str, int, int], None]


class BundleError(ValueError):
    """The folder is not an export Lontar can read; the message says why."""


def check_folder(root: Path) -> dict:
    manifest = root / "manifest.json"
    if not manifest.is_file():
        raise BundleError(_("Folder ini bukan hasil export_agency (manifest.json tidak ada)."))
    try:
        data = json.loads(manifest.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(_("manifest.json tidak dapat dibaca.")) from exc
    if not isinstance(data, dict) or data.get("format", FORMAT) != FORMAT:
        raise BundleError(_("Format ekspor tidak dikenal."))
    return data


def _authors(agency: Agency) -> Callable[[str], StaffProfile | None]:
    known: dict[str, StaffProfile] = {}
    for profile in StaffProfile.objects.filter(agency=agency).select_related("user"):
        known.setdefault(profile.display_name, profile)

    def resolve(name: str) -> StaffProfile | None:
        name = name.strip()[:150]
        if not name:
            return None
        if name not in known:
            known[name] = imported_author(agency, slugify(name)[:60], first_name=name)
        return known[name]

    return resolve


def import_agency(
    agency: Agency, root: Path, *, actor: Actor, progress: Progress | None = None
) -> Bundle:
    if agency.site_id is None:
        raise BundleError(_("Instansi ini belum punya situs."))
    manifest = check_folder(root)
    bundle = Bundle(root, resolve_author=_authors(agency))
    registered = portables()
    for number, portable in enumerate(registered, 1):
        if progress is not None:
            progress("data", number, len(registered))
        bundle.counts[portable.key] = portable.load(agency, bundle)
    with transaction.atomic():
        bundle.finish()
        record(
            actor=actor,
            action="wordpress.import_agency",
            obj=agency,
            agency=agency,
            changes=dict(bundle.counts),
            note=f"{str(manifest.get('agency', ''))[:60]} {manifest.get('exported_at', '')}"[:200],
        )
    content_version.bump()
    return bundle
