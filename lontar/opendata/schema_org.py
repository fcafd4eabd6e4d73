"""schema.org `Dataset` for a dataset's page, so Google Dataset Search finds the data.

Google requires `name` and `description` (50 to 5,000 characters) and recommends `url`,
`identifier`, `license`, `creator`, `keywords`, `temporalCoverage`, `spatialCoverage`,
`distribution` (each a DataDownload with `contentUrl` and `encodingFormat`),
`includedInDataCatalog` and `dateModified`; all are given where the dataset has them.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import SafeString

from lontar.core import jsonld
from lontar.core.public_urls import absolute_url
from lontar.opendata.dcat import LICENSES

MEDIA_TYPES = {
    "CSV": "text/csv",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json",
}


def dataset_json_ld(dataset) -> SafeString:
    agency = dataset.agency
    organization = jsonld.organization(agency)
    url = absolute_url(agency, reverse("opendata:detail", args=[dataset.slug]))
    data: dict = {
        "@context": jsonld.CONTEXT,
        "@type": "Dataset",
        "name": dataset.title,
        "description": jsonld.plain(dataset.description),
        "url": url,
        "identifier": url,
        "inLanguage": "id",
        "isAccessibleForFree": True,
        "creator": organization,
        "publisher": organization,
        "dateModified": jsonld.iso(dataset.updated_at),
        "dateCreated": jsonld.iso(dataset.created_at),
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": f"Data terbuka {agency.name}",
            "url": absolute_url(agency, reverse("opendata:list")),
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "name": resource.name,
                "encodingFormat": MEDIA_TYPES.get(resource.format, resource.format),
                "contentUrl": absolute_url(
                    agency, reverse("opendata:download", args=[resource.pk])
                ),
            }
            for resource in dataset.resources.all()
        ],
    }
    if dataset.license in LICENSES:
        data["license"] = LICENSES[dataset.license]
    if dataset.tag_list:
        data["keywords"] = dataset.tag_list
    if dataset.period_start or dataset.period_end:
        start = jsonld.iso(dataset.period_start) or ".."
        end = jsonld.iso(dataset.period_end) or ".."
        data["temporalCoverage"] = f"{start}/{end}"
    if dataset.region_code_list:
        data["spatialCoverage"] = {
            "@type": "Place",
            "name": ", ".join(dataset.region_code_list),
            "address": {"@type": "PostalAddress", "addressCountry": "ID"},
        }
    if dataset.variables.all():
        data["variableMeasured"] = [variable.name for variable in dataset.variables.all()]
    return jsonld.script(data)
