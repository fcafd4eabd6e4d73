"""The DIP as a live open-data table (lontar/opendata/generators.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django.utils.translation import gettext_lazy as _

from lontar.core.public_urls import absolute_url_for_request
from lontar.infolist.selectors import dip_rows
from lontar.opendata.content_api import ContentFilter, ContentSource, register_content
from lontar.opendata.generators import Table, register_generator


@register_generator("dip", _("Daftar informasi publik (DIP)"))
def dip_table(agency) -> Table:
    columns = [
        "ringkasan",
        "penguasa_informasi",
        "penanggung_jawab",
        "waktu_tempat_pembuatan",
        "bentuk",
        "retensi",
        "kategori",
        "tautan",
        "terakhir_diperbarui",
    ]
    rows = [
        [
            row.summary,
            row.holder,
            row.responsible,
            row.made_when_where,
            row.form_label,
            row.retention,
            row.category,
            row.url,
            row.last_updated,
        ]
        for row in dip_rows(agency)
    ]
    return columns, rows


def _row_json(row, request) -> dict:
    return {
        "summary": row.summary,
        "category": row.category,
        "holder": row.holder,
        "responsible": row.responsible,
        "made_when_where": row.made_when_where,
        "form": row.form_label,
        "retention": row.retention,
        "owner_unit": row.owner_unit,
        "url": absolute_url_for_request(request, row.url) if row.url.startswith("/") else row.url,
        "last_updated": row.last_updated.isoformat() if row.last_updated else None,
        "next_review": row.next_review.isoformat() if row.next_review else None,
        "source": row.source or None,
    }


def _row_modified(row) -> datetime | None:
    if row.last_updated is None:
        return None
    return datetime.combine(row.last_updated, time.min, tzinfo=UTC)


# The DIP in the content API (/api/v1/dip/): the same rows as the public page, hand-kept and
# automatic alike, as a list (Paginator takes any sequence); the filters work on the rows.
register_content(
    ContentSource(
        key="dip",
        title="Daftar informasi publik (DIP)",
        queryset_for_agency=dip_rows,  # type: ignore[arg-type]
        serialize=_row_json,
        modified_of=_row_modified,
        fields={
            "summary": "string",
            "category": "string",
            "holder": "string",
            "responsible": "string",
            "made_when_where": "string",
            "form": "string",
            "retention": "string",
            "owner_unit": "string",
            "url": "string",
            "last_updated": "string|null",
            "next_review": "string|null",
            "source": "string|null",
        },
        filters=[
            ContentFilter(
                "q",
                "Kata dalam ringkasan",
                lambda rows, v: [r for r in rows if str(v).casefold() in r.summary.casefold()],  # type: ignore[arg-type, return-value]
            ),
            ContentFilter(
                "category",
                "Kategori: berkala, serta_merta, setiap_saat",
                lambda rows, v: [r for r in rows if r.category == v],  # type: ignore[arg-type, return-value]
            ),
        ],
    )
)
