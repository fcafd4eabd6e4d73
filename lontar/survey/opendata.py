"""Published SKM results in open data: the live dataset "skm-hasil" (see
regulations/opendata.py). Only the frozen figures of published periods — never a response."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.opendata.generators import Table, register_generator
from lontar.survey.selectors import published_periods


@register_generator("skm-hasil", _("Hasil Survei Kepuasan Masyarakat yang diterbitkan"))
def survey_results(agency) -> Table:
    columns = ["unit_layanan", "periode", "mulai", "selesai", "ikm", "mutu", "kinerja", "responden"]
    rows = [
        [
            period.unit.name if period.unit_id else "",
            period.name,
            period.starts_on,
            period.ends_on,
            float(period.index) if period.index is not None else None,
            period.grade,
            period.label,
            period.respondents,
        ]
        for period in published_periods(agency)
    ]
    return columns, rows
