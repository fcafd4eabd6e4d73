"""The PPID's own published registers and figures, in the DIP like everything else."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, QueryEntries, register_source


@register_source("layanan-ppid", _("Register dan statistik layanan informasi"), "setiap_saat")
def ppid_registers(agency) -> list[Entry]:
    # URL names only: the pages belong to lontar.ppid, lontar.objections and lontar.ppidstats.
    return [
        Entry(summary="Register permohonan informasi publik", url=reverse("ppid:register")),
        Entry(summary="Register keberatan", url=reverse("objections:register")),
        Entry(
            summary="Ringkasan layanan informasi (statistik permohonan)",
            url=reverse("ppidstats:statistics"),
        ),
        Entry(summary="Daftar informasi yang dikecualikan", url=reverse("infolist:dik")),
    ]


@register_source("maklumat-sop", _("Maklumat pelayanan dan SOP layanan informasi"), "setiap_saat")
def service_standards(agency) -> list[Entry]:
    from lontar.infolist.models import ServiceStandard
    from lontar.infolist.selectors import published_standards

    pages: dict[str, str] = {
        ServiceStandard.Kind.PLEDGE: "infolist:pledge",
        ServiceStandard.Kind.SOP: "infolist:procedures",
    }
    return [
        Entry(
            summary=standard.title,
            url=reverse(pages[standard.kind]),
            updated_on=standard.published_at.date() if standard.published_at else None,
        )
        for kind in pages
        for standard in published_standards(agency, kind)
    ]


@register_source("data-terbuka", _("Data terbuka (dataset)"), "setiap_saat")
def open_datasets(agency) -> QueryEntries:
    # Read through open data's own selector (infolist may import opendata, not the reverse).
    from lontar.opendata.selectors import visible_datasets

    datasets = (
        visible_datasets()
        .filter(agency=agency)
        .order_by("title", "pk")
        .values_list("slug", "title", "updated_at", "unit__name")
    )
    # Plain values and one URL reversed per list; one page read at a time (issue 22).
    pattern = reverse("opendata:detail", args=["-"])

    def entry(row) -> Entry:
        slug, title, updated_at, unit = row
        return Entry(
            summary=f"Dataset: {title}",
            url=pattern.replace("/-/", f"/{slug}/"),
            updated_on=updated_at.date(),
            holder=unit or "",
            owner_unit=unit or "",
        )

    return QueryEntries(datasets, entry, search_fields=("title", "unit__name"))
