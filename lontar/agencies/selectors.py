"""Reads that decide which agency a request, a site or a staff member belongs to."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site

from lontar.agencies.models import Agency, StaffProfile
from lontar.core import content_version

_NO_AGENCY = "-"


def agency_for_site(site: Site | None) -> Agency | None:
    """The site's agency; cached until content changes (every page asks, few pages change)."""
    if site is None:
        return None
    key = f"lontar:agency-of-site:{site.pk}:{content_version.current()}"
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _NO_AGENCY else cached
    # The parent too: every page names it in its JSON-LD (parentOrganization).
    agency = Agency.objects.select_related("logo", "site", "parent").filter(site=site).first()
    cache.set(key, _NO_AGENCY if agency is None else agency, 3600)
    return agency


def agency_for_request(request: HttpRequest) -> Agency | None:
    """The agency whose site serves this request; memoised on the request."""
    if not hasattr(request, "_lontar_agency"):
        request._lontar_agency = agency_for_site(Site.find_for_request(request))
    return request._lontar_agency


def agency_of_user(user) -> Agency | None:
    """The agency a staff member belongs to, or None (citizens, platform-only accounts)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.staff_profile.agency
    except StaffProfile.DoesNotExist:
        return None


def agencies_visible_to(user) -> QuerySet[Agency]:
    """Agencies whose records a staff member may manage: all for platform admins, else own."""
    if user.is_superuser:
        return Agency.objects.all()
    agency = agency_of_user(user)
    if agency is None:
        return Agency.objects.none()
    return Agency.objects.filter(pk=agency.pk)


def ppid_page_profiles(agency: Agency) -> QuerySet[StaffProfile]:
    """The staff an agency chose to present on its PPID page (with their history, if given)."""
    return (
        StaffProfile.objects.filter(agency=agency, shown_on_ppid_page=True, user__is_active=True)
        .select_related("user", "unit")
        .order_by("position", "user__first_name")
    )


def agency_tree_roots(agency: Agency | None) -> list[Page]:
    """The roots of the agency's page trees: its site's home page and that page's translations
    (the English tree, lontar/pages/translations.py). Empty without a site."""
    if agency is None or agency.site_id is None:
        return []
    home = Page.objects.filter(sites_rooted_here__id=agency.site_id).values("translation_key")
    return list(Page.objects.filter(translation_key__in=home).order_by("path"))


def in_agency_trees(agency: Agency | None) -> Q:
    """A filter on pages: inside one of the agency's trees (matches nothing without a site)."""
    roots = agency_tree_roots(agency)
    if not roots:
        return Q(pk__in=[])
    condition = Q()
    for root in roots:
        condition |= Q(path__startswith=root.path)
    return condition
