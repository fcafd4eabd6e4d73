"""The province's items on every OPD's site: what each app's `province.py` offers
(`registry.SHARED`), for the province above the agency, cached under the content version."""

from __future__ import annotations

from django.core.cache import cache

from lontar.agencies.models import Agency
from lontar.core import content_version
from lontar.province.registry import SHARED

CACHE_SECONDS = 3600


def province_above(agency: Agency) -> Agency | None:
    """The provincial government directly above an agency, if any."""
    if agency.parent_id is None:
        return None
    parent = Agency.objects.filter(pk=agency.parent_id, kind=Agency.Kind.PROVINCE).first()
    return parent


def shared_items_for(agency: Agency) -> list[tuple[str, list]]:
    """(section label, items) for each source with items; [] for the province itself and for
    agencies not under a province. One cache read once warm."""
    if agency.parent_id is None:
        return []
    key = f"province:shared:{agency.parent_id}:{content_version.current()}"
    sections = cache.get(key)
    if sections is None:
        province = province_above(agency)
        sections = []
        if province is not None:
            for source in SHARED.values():
                items = source.items_for(province)
                if items:
                    sections.append((str(source.label), items))
        cache.set(key, sections, CACHE_SECONDS)
    return sections
