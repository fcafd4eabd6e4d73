"""Officer-side helpers: the access log for personal files and the agency of the queue."""

from __future__ import annotations

from django.http import Http404

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.ppid.models import InformationRequest, PersonalFileAccess

# What an officer may open through the authenticated file view, by name in the URL.
PRIVATE_FILES = {
    "identitas": "identity_scan",
    "kuasa": "proxy_letter",
    "kuasa-kelompok": "group_mandate",
    "pemberitahuan": "notice_pdf",
}


def log_personal_access(
    information_request: InformationRequest, *, which: str, by, ip: str | None = None
) -> PersonalFileAccess:
    return PersonalFileAccess.objects.create(
        information_request=information_request,
        user=by,
        which=which[:30],
        ip_address=ip,
    )


def queue_agency(user, agency_id: str | int | None) -> Agency:
    """The agency whose queue to show: the one asked for if visible to the user, else 404.

    Without a choice, staff see their own agency and platform admins the first agency.
    """
    from lontar.ppid.utama import pelaksana_of  # a PPID Utama may open its Pelaksana's queue

    visible = agencies_visible_to(user)
    own = agency_of_user(user)
    if own is not None and not user.is_superuser:
        visible = visible | pelaksana_of(own)
    if agency_id:
        try:
            return visible.get(pk=int(agency_id))
        except (Agency.DoesNotExist, ValueError, TypeError) as exc:
            raise Http404 from exc
    agency = agency_of_user(user)
    if agency is None or not visible.filter(pk=agency.pk).exists():
        agency = visible.order_by("name").first()
    if agency is None:
        raise Http404
    return agency
