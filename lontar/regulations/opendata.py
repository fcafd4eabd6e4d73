"""The regulations library in open data — the example to copy for a new app.

An app offers its records to open data in its own `opendata.py`; `OpendataConfig.ready()`
imports this module (`autodiscover_modules("opendata")`), nothing else has to be edited.

- A *live dataset* is a function `(agency) -> (columns, rows)` decorated with
  `register_generator(key, label)`. Staff pick it by label when adding a resource to a dataset;
  the key is stored on the resource, so it never changes. Columns are short lower-case names.
- A *content-API source* is a `ContentSource` given to `register_content`; it is served at
  `/api/v1/<key>/` and described in `/api/v1/openapi.json`. `fields` lists what `serialize`
  returns, with its JSON type; `filters` are the query parameters it accepts.

Read records only through this app's `selectors.py` (published, this agency's) and expose
only public fields — never personal data. Test both in the app's own tests or in
`lontar/opendata/tests/`; `test_registry.py` checks that each key comes from its app's module.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lontar.core.public_urls import absolute_url_for_agency_id
from lontar.opendata.content_api import ContentFilter, ContentSource, register_content
from lontar.opendata.generators import Table, register_generator
from lontar.regulations.models import LegalDocument
from lontar.regulations.selectors import published_documents

# -- Live dataset: the JDIH list as a table ------------------------------------------------


@register_generator("regulasi", _("Daftar regulasi (JDIH)"))
def regulations_table(agency) -> Table:
    documents = (
        published_documents(agency)
        .order_by("-year", "kind", "number")
        .only("kind", "number", "year", "title", "enacted_on", "status")
    )
    columns = ["jenis", "nomor", "tahun", "judul", "tanggal_penetapan", "status"]
    rows = [
        [doc.kind, doc.number, doc.year, doc.title, doc.enacted_on, doc.status] for doc in documents
    ]
    return columns, rows


# -- Content API: /api/v1/regulations/ ----------------------------------------------------


def _documents_of(agency) -> QuerySet[LegalDocument]:
    return published_documents(agency).order_by("-year", "-pk")


def _document_json(document: LegalDocument, request) -> dict:
    return {
        "id": document.pk,
        "type": document.document_type,
        "kind": document.kind,
        "number": document.number,
        "year": document.year,
        "title": document.title,
        "status": document.status,
        "enacted_on": document.enacted_on.isoformat() if document.enacted_on else None,
        "url": absolute_url_for_agency_id(document.agency_id, document.get_absolute_url(), request),
        "updated_at": document.updated_at.isoformat(),
    }


register_content(
    ContentSource(
        key="regulations",
        title="Regulasi (JDIH)",
        queryset_for_agency=_documents_of,
        serialize=_document_json,
        modified_of=lambda document: document.updated_at,
        fields={
            "id": "integer",
            "type": "string",
            "kind": "string",
            "number": "string",
            "year": "integer",
            "title": "string",
            "status": "string",
            "enacted_on": "string|null",
            "url": "string",
            "updated_at": "string",
        },
        filters=[
            ContentFilter("q", "Kata dalam judul", lambda qs, v: qs.filter(title__icontains=v)),
            ContentFilter("year", "Tahun", lambda qs, v: qs.filter(year=v), type="integer"),
            ContentFilter("type", "Jenis dokumen", lambda qs, v: qs.filter(document_type=v)),
            ContentFilter("status", "Status", lambda qs, v: qs.filter(status=v)),
        ],
    )
)
