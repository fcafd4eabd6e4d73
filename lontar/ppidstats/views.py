"""`/ppid/statistik/`: the live figures of an agency's information service for one year."""

from __future__ import annotations

import csv

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agency_for_request
from lontar.core.exports import safe_row
from lontar.core.params import parse_year
from lontar.objections.states import DisputeOutcome, Ground, Outcome
from lontar.ppid.models import InformationRequest
from lontar.ppid.states import Decision
from lontar.ppidstats.charts import bar_chart
from lontar.ppidstats.figures import MONTHS, Figures
from lontar.ppidstats.snapshots import year_figures

CHANNELS = dict(InformationRequest.Channel.choices)
DECISIONS = dict(Decision.choices)
GROUNDS = {value: value for value in Ground.values}
OUTCOMES = {**dict(Outcome.choices), "belum": _("Belum ditanggapi")}
DISPUTE_OUTCOMES = {**dict(DisputeOutcome.choices), "berjalan": _("Masih berjalan")}


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _figures(request: HttpRequest) -> tuple[object, Figures]:
    agency = _agency(request)
    year = parse_year(request.GET.get("tahun")) or agency.today().year
    return agency, year_figures(agency, year)


def _labelled(counter, labels: dict) -> list[tuple[str, int]]:
    return [(str(labels.get(key, key)), value) for key, value in sorted(counter.items())]


def tables(figures: Figures) -> list[tuple[str, list[tuple[str, int]]]]:
    """Every table of the page (and of the CSV), in page order."""
    return [
        (_("Permohonan per bulan"), list(zip(MONTHS, figures.per_month, strict=True))),
        (_("Permohonan per saluran"), _labelled(figures.by_channel, CHANNELS)),
        (_("Keputusan"), _labelled(figures.by_decision, DECISIONS)),
        (_("Alasan penolakan"), _labelled(figures.by_refusal_ground, {})),
        (_("Alasan keberatan (Pasal 35)"), _labelled(figures.objection_grounds, GROUNDS)),
        (_("Tanggapan Atasan PPID"), _labelled(figures.objection_outcomes, OUTCOMES)),
        (_("Hasil sengketa"), _labelled(figures.dispute_outcomes, DISPUTE_OUTCOMES)),
    ]


def statistics_page(request: HttpRequest) -> HttpResponse:
    agency, figures = _figures(request)
    charts = [bar_chart(title, rows) for title, rows in tables(figures)]
    this_year = agency.today().year
    return render(
        request,
        "ppidstats/statistics.html",
        {
            "f": figures,
            "charts": charts,
            "years": range(this_year, this_year - 6, -1),
        },
    )


def statistics_csv(request: HttpRequest) -> HttpResponse:
    agency, figures = _figures(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="statistik-ppid-{agency.slug}-{figures.year}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["tabel", "baris", "nilai"])
    summary = [
        (_("Jumlah permohonan"), figures.total),
        (_("Telah dijawab"), figures.answered),
        (_("Belum dijawab"), figures.open),
        (_("Rata-rata hari kerja menjawab"), figures.average_days),
        (_("Median hari kerja menjawab"), figures.median_days),
        (_("Dijawab tepat waktu (%)"), figures.on_time_share),
        (_("Jumlah keberatan"), figures.objections),
        (_("Jumlah sengketa"), figures.disputes),
    ]
    for label, value in summary:
        writer.writerow(safe_row([_("Ringkasan"), label, "" if value is None else value]))
    for title, rows in tables(figures):
        for label, value in rows:
            writer.writerow(safe_row([title, label, value]))
    return response
