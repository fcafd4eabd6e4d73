"""schema.org `Legislation` for a regulation's page (other JDIH documents: `CreativeWork`).

The properties follow schema.org's Legislation type (the ELI vocabulary's mapping): name,
identifier, type, date, jurisdiction, who passed it, whether it is in force, and the PDF as a
`LegislationObject`.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import SafeString

from lontar.core import jsonld
from lontar.core.public_urls import absolute_url
from lontar.regulations.models import DocumentType
from lontar.regulations.status import Status

LEGAL_FORCE = {
    Status.IN_FORCE.value: "https://schema.org/InForce",
    Status.AMENDED.value: "https://schema.org/PartiallyInForce",
    Status.NOT_IN_FORCE.value: "https://schema.org/NotInForce",
}


def document_json_ld(document, agency, url: str) -> SafeString:
    is_regulation = document.document_type == DocumentType.REGULATION
    data: dict = {
        "@context": jsonld.CONTEXT,
        "@type": "Legislation" if is_regulation else "CreativeWork",
        "name": document.full_name,
        "url": url,
        "inLanguage": "id",
        "publisher": jsonld.organization(agency),
        "dateModified": jsonld.iso(document.updated_at),
    }
    if document.abstract:
        data["abstract"] = jsonld.plain(document.abstract)
    if is_regulation:
        data.update(
            {
                "legislationIdentifier": str(document.short_name),
                "legislationType": document.kind,
                "legislationJurisdiction": document.teu_body or agency.name,
                "legislationPassedBy": {
                    "@type": "GovernmentOrganization",
                    "name": document.teu_body or agency.name,
                },
            }
        )
        if document.enacted_on:
            data["legislationDate"] = document.enacted_on.isoformat()
        if document.status in LEGAL_FORCE:
            data["legislationLegalForce"] = LEGAL_FORCE[document.status]
    if document.promulgated_on:
        data["datePublished"] = document.promulgated_on.isoformat()
    if document.file:
        content_url = absolute_url(agency, reverse("regulations:download", args=[document.pk]))
        media = {
            "@type": "LegislationObject" if is_regulation else "MediaObject",
            "contentUrl": content_url,
            "encodingFormat": "application/pdf",
        }
        data["encoding" if is_regulation else "associatedMedia"] = media
    return jsonld.script(data)
