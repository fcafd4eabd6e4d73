"""Staff pages of the statistics: the provincial view and its CSV (see `province.py`)."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from lontar.core.exports import safe_row
from lontar.core.params import parse_int, parse_year
from lontar.ppidstats.province import province_figures, provinces_for

COLUMNS = [
    ("agency", gettext_lazy("Instansi")),
    ("total", gettext_lazy("Jumlah permohonan")),
    ("answered", gettext_lazy("Telah dijawab")),
    ("open", gettext_lazy("Belum dijawab")),
    ("granted", gettext_lazy("Diberikan (seluruhnya/sebagian)")),
    ("refused", gettext_lazy("Ditolak")),
    ("average_days", gettext_lazy("Rata-rata hari kerja")),
    ("median_days", gettext_lazy("Median hari kerja")),
    ("on_time_share", gettext_lazy("Tepat waktu (%)")),
    ("objections", gettext_lazy("Keberatan")),
    ("disputes", gettext_lazy("Sengketa")),
]


def _choose(request: HttpRequest):
    provinces = provinces_for(request.user)
    if not provinces:
        raise PermissionDenied
    wanted = parse_int(request.GET.get("instansi"), "instansi", minimum=1, maximum=10**9)
    root = provinces[0]
    if wanted is not None:
        chosen = next((p for p in provinces if p.pk == wanted), None)
        if chosen is None:
            raise Http404
        root = chosen
    year = parse_year(request.GET.get("tahun")) or root.today().year
    return provinces, root, year


def _values(row) -> list[object]:
    f = row.figures
    return [
        row.agency.name,
        f.total,
        f.answered,
        f.open,
        row.granted,
        row.refused,
        f.average_days,
        f.median_days,
        f.on_time_share,
        f.objections,
        f.disputes,
    ]


@require_GET
def province_view(request: HttpRequest) -> HttpResponse:
    provinces, root, year = _choose(request)
    rows = province_figures(root, year)
    context = {
        "page_title": _("Statistik layanan informasi se-provinsi"),
        "header_title": _("Statistik layanan informasi se-provinsi"),
        "header_icon": "table",
        "root": root,
        "provinces": provinces,
        "year": year,
        "years": range(root.today().year, root.today().year - 6, -1),
        "headings": [str(label) for _key, label in COLUMNS],
        "rows": [_values(row) for row in rows],
    }
    return TemplateResponse(request, "ppidstats/admin/province.html", context)


@require_GET
def province_csv(request: HttpRequest) -> HttpResponse:
    _provinces, root, year = _choose(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="statistik-ppid-provinsi-{root.slug}-{year}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in COLUMNS])
    for row in province_figures(root, year):
        writer.writerow(safe_row(["" if v is None else v for v in _values(row)]))
    return response
