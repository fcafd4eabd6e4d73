"""The agency's public profile and its units out and back in (`core/portability.py`): what the
contact block, the footer and the units block show. The agency's identity in this installation
(name, slug, address of its site, time zone) is set when it is created and is not touched."""

from __future__ import annotations

from django.db import transaction

from lontar.agencies.models import Unit
from lontar.core.portability import (
    Bundle,
    Portable,
    plain_fields,
    register_portable,
    set_plain_fields,
)

PROFILE = (
    "tagline",
    "address",
    "phone",
    "email",
    "whatsapp",
    "office_hours",
    "ppid_name",
    "ppid_email",
    "ppid_phone",
)


def export(agency, bundle: Bundle) -> int:
    profile = {name: getattr(agency, name) for name in PROFILE}
    profile["logo"] = agency.logo_id
    bundle.write("agency", [profile])
    units = [
        {**plain_fields(unit), "parent": unit.parent.slug if unit.parent_id else None}
        for unit in agency.units.select_related("parent").order_by("sort_order", "pk")
    ]
    return bundle.write("units", units)


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    for profile in bundle.read("agency")[:1]:
        for name in PROFILE:
            if name in profile:
                setattr(agency, name, profile[name] or "")
        agency.logo_id = bundle.new_id("image", profile.get("logo")) or agency.logo_id
        agency.save()
    rows = bundle.read("units")
    for row in rows:
        unit = Unit.objects.filter(agency=agency, slug=row["slug"]).first() or Unit(agency=agency)
        set_plain_fields(unit, row)
        unit.save()
    by_slug = {unit.slug: unit for unit in Unit.objects.filter(agency=agency)}
    for row in rows:
        parent = by_slug.get(row.get("parent") or "")
        Unit.objects.filter(agency=agency, slug=row["slug"]).update(parent=parent)
    return len(rows)


register_portable(Portable("agency", "Profil instansi", 5, export, load))
