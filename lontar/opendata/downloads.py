"""Who may download a resource, and the response that carries it.

A public dataset's resources are open to anyone. A dataset shared with partners is open only to
a request carrying a usable partner key whose agreement covers it, and to staff of the owning
agency. Every refusal looks like a missing resource (404) so that nobody learns which shared
datasets exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from lontar.agencies.selectors import agencies_visible_to
from lontar.opendata import partners, selectors, tabular
from lontar.opendata.models import Dataset, PartnerKey, Resource

CONTENT_TYPES = {
    "CSV": "text/csv; charset=utf-8",
    "JSON": "application/json",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Types a browser may show inline without running anything; the rest are always attachments.
PREVIEWABLE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Requester:
    """What the request proves: the datasets its partner key opens and the agencies its user
    belongs to as staff."""

    partner_dataset_ids: frozenset[int] = frozenset()
    staff_agency_ids: frozenset[int] = frozenset()


def may_download(dataset: Dataset, requester: Requester) -> bool:
    if dataset.is_public:
        return True
    return dataset.pk in requester.partner_dataset_ids or (
        dataset.agency_id in requester.staff_agency_ids
    )


def staff_agency_ids(user) -> frozenset[int]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    # A staff profile whose roles were all taken away no longer opens shared files.
    if not user.has_perm("wagtailadmin.access_admin"):
        return frozenset()
    return frozenset(agencies_visible_to(user).values_list("pk", flat=True))


def requester_for(request: HttpRequest, key: PartnerKey | None) -> Requester:
    return Requester(
        partner_dataset_ids=frozenset(partners.covered_dataset_ids(key)),
        staff_agency_ids=staff_agency_ids(request.user),
    )


def count_download(resource: Resource) -> None:
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)


def file_response(resource: Resource) -> HttpResponse:
    """The bytes of the resource as an attachment under its sanitised name."""
    filename = resource.download_filename()
    if resource.generator or not resource.file:
        body: bytes | str = tabular.to_csv(selectors.table_of(resource))
        content_type, inline = CONTENT_TYPES["CSV"], False
    else:
        # Uploads are at most 10 MB (MAX_UPLOAD_BYTES): reading them whole is fine.
        try:
            with resource.file.open("rb") as handle:
                body = handle.read()
        except FileNotFoundError as error:
            raise Http404("Berkas tidak tersedia.") from error
        content_type = CONTENT_TYPES.get(resource.format, "application/octet-stream")
        inline = resource.format in PREVIEWABLE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["X-Content-Type-Options"] = "nosniff"
    if not resource.dataset.is_public:
        # A shared table must not stay in a proxy or the browser cache for the next user.
        response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Authorization, X-API-Key, Cookie"
    return response
