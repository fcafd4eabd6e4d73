"""Live resources: tables generated from the portal's own records.

A generator is `(agency) -> (columns, rows)`; apps may add their own with `register_generator`.
Only aggregate or already public fields are ever exposed — never personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

Generator = Callable[[object], tuple[Sequence[str], list[Sequence[object]]]]


@dataclass(frozen=True)
class LiveSource:
    key: str
    label: str
    generate: Generator


GENERATORS: dict[str, LiveSource] = {}


def register_generator(key: str, label: str) -> Callable[[Generator], Generator]:
    def decorator(function: Generator) -> Generator:
        GENERATORS[key] = LiveSource(key=key, label=str(label), generate=function)
        return function

    return decorator


def generator_choices() -> list[tuple[str, str]]:
    return [(source.key, source.label) for source in GENERATORS.values()]


@register_generator("ppid-statistik", _("Statistik permohonan informasi PPID"))
def ppid_statistics(agency) -> tuple[list[str], list[list[object]]]:
    """Requests per year, status and decision — counts only."""
    from lontar.ppid.models import InformationRequest

    counts = (
        InformationRequest.objects.filter(agency=agency)
        .values("year", "status", "decision")
        .annotate(total=Count("pk"))
        .order_by("year", "status", "decision")
    )
    columns = ["tahun", "status", "keputusan", "jumlah"]
    return columns, [[c["year"], c["status"], c["decision"] or "", c["total"]] for c in counts]


@register_generator("ppid-register", _("Register permohonan informasi (tanpa data pribadi)"))
def ppid_register(agency) -> tuple[list[str], list[list[object]]]:
    """The same columns as the public register page: no name, NIK, address or contact."""
    from lontar.ppid.selectors import public_register_table

    return public_register_table(agency)


@register_generator("skm-hasil", _("Hasil Survei Kepuasan Masyarakat yang diterbitkan"))
def survey_results(agency) -> tuple[list[str], list[list[object]]]:
    from lontar.survey.models import SurveyPeriod

    periods = (
        SurveyPeriod.objects.filter(agency=agency, published_at__isnull=False)
        .select_related("unit")
        .order_by("starts_on", "pk")
    )
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
        for period in periods
    ]
    return columns, rows


@register_generator("regulasi", _("Daftar regulasi (JDIH)"))
def regulations(agency) -> tuple[list[str], list[list[object]]]:
    from lontar.regulations.models import LegalDocument

    documents = LegalDocument.objects.filter(agency=agency, is_published=True).order_by(
        "-year", "kind", "number"
    )
    columns = ["jenis", "nomor", "tahun", "judul", "tanggal_penetapan", "status"]
    rows = [
        [doc.kind, doc.number, doc.year, doc.title, doc.enacted_on, doc.status]
        for doc in documents.only("kind", "number", "year", "title", "enacted_on", "status")
    ]
    return columns, rows


@register_generator("asn", _("Data ASN dari berkas unggahan terbaru"))
def civil_servants(agency) -> tuple[list[str], list[list[object]]]:
    """The civil-servant figures: the newest uploaded resource of a dataset tagged "ASN"."""
    from lontar.opendata import selectors

    resource = selectors.latest_uploaded_resource(agency, tag="ASN")
    if resource is None:
        return [], []
    table = selectors.table_of(resource)
    return table.columns, [[row.get(name) for name in table.columns] for row in table.rows]
