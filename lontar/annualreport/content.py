"""The annual report's content: the frozen figures (items c and d of the rule) and its sections.

Pure: the selectors hand in plain `RequestRow`/`ObjectionRow` values; `snapshot` counts them
(reusing the statistics page's arithmetic, `ppidstats.figures.compute`, so the two never
disagree) into a JSON-ready dict, which is frozen on the report when it is published.
`sections` turns a snapshot and the PPID's narrative into the report's items a–f; the HTML page,
the PDF and the XLSX all render these sections, so the three say the same thing.
See docs/domain/annual-report.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from lontar.core.calendar import WorkingCalendar
from lontar.ppidstats.figures import MONTHS, ObjectionFact, RequestFact, compute

# Working days needed per request, by class: the 10-day answer period, the 7-day extension,
# and beyond (UU 14/2008 Pasal 22 ayat (7) and (8)).
TIME_CLASSES = (("10", 10), ("17", 17), ("lebih", None))
DECISION_KEYS = ("diberikan", "sebagian", "ditolak", "tidak_dikuasai", "belum_didokumentasikan")
STAGES = ("diajukan", "mediasi", "ajudikasi", "pengadilan")

NARRATIVE_FIELDS = (
    "facilities",
    "staff",
    "budget",
    "overview",
    "service_note",
    "dispute_execution",
    "obstacles_external",
    "obstacles_internal",
    "recommendations",
)


@dataclass(frozen=True)
class RequestRow:
    number: str
    received_on: date
    channel: str
    decision: str  # "" while unanswered
    refusal_ground: str
    answered_on: date | None
    due: date
    withdrawn: bool = False


@dataclass(frozen=True)
class ObjectionRow:
    grounds: tuple[str, ...]
    outcome: str  # "" while unanswered
    answered_on: date | None
    due: date
    stages: tuple[tuple[str, str], ...] = ()  # (stage, outcome) of each recorded dispute step
    final_outcome: str = ""


def time_class(days: int) -> str:
    for key, limit in TIME_CLASSES:
        if limit is None or days <= limit:
            return key
    raise AssertionError("unreachable")


def snapshot(
    year: int,
    requests: list[RequestRow],
    objections: list[ObjectionRow],
    calendar: WorkingCalendar,
) -> dict:
    """Every figure the report states, as a JSON-ready dict."""
    facts = [
        RequestFact(r.received_on, r.channel, r.decision, r.refusal_ground, r.answered_on, r.due)
        for r in requests
    ]
    objection_facts = [
        ObjectionFact(o.grounds, o.outcome, bool(o.stages), o.final_outcome) for o in objections
    ]
    figures = compute(year, facts, objection_facts, calendar)
    withdrawn = sum(1 for r in requests if r.withdrawn and r.answered_on is None)
    classes: Counter[str] = Counter({key: 0 for key, _limit in TIME_CLASSES})
    per_request = []
    for r in sorted(requests, key=lambda row: (row.received_on, row.number)):
        days = None
        if r.answered_on is not None:
            days = calendar.working_days_between(r.received_on, r.answered_on)
            classes[time_class(days)] += 1
        per_request.append(
            {
                "number": r.number,
                "received": r.received_on.isoformat(),
                "answered": r.answered_on.isoformat() if r.answered_on else "",
                "days": days,
                "decision": r.decision if r.answered_on else "",
            }
        )
    answered_objections = [o for o in objections if o.answered_on is not None]
    stage_counts = dict.fromkeys(STAGES, 0)
    stage_outcomes: dict[str, Counter[str]] = {stage: Counter() for stage in STAGES}
    for o in objections:
        for stage in {stage for stage, _outcome in o.stages}:
            stage_counts[stage] += 1
        for stage, outcome in o.stages:
            if outcome:
                stage_outcomes[stage][outcome] += 1
    return {
        "year": year,
        "requests": {
            "total": figures.total,
            "answered": figures.answered,
            "open": figures.open - withdrawn,
            "withdrawn": withdrawn,
            **{key: figures.by_decision.get(key, 0) for key in DECISION_KEYS},
            "average_days": figures.average_days,
            "median_days": figures.median_days,
            "on_time": figures.on_time,
            "on_time_share": figures.on_time_share,
        },
        "per_month": figures.per_month,
        "by_channel": dict(sorted(figures.by_channel.items())),
        "refusal_grounds": dict(sorted(figures.by_refusal_ground.items())),
        "time_classes": dict(classes),
        "per_request": per_request,
        "objections": {
            "total": len(objections),
            "answered": len(answered_objections),
            "answered_on_time": sum(
                1
                for o in answered_objections
                if o.answered_on is not None and o.answered_on <= o.due
            ),
            "unanswered": len(objections) - len(answered_objections),
            **{key: figures.objection_outcomes.get(key, 0) for key in ANSWER_KEYS},
        },
        "objection_grounds": dict(sorted(figures.objection_grounds.items())),
        "disputes": stage_counts,
        "dispute_outcomes": {
            stage: dict(sorted(counts.items())) for stage, counts in stage_outcomes.items()
        },
        "final_outcomes": dict(sorted(figures.dispute_outcomes.items())),
    }


ANSWER_KEYS = ("menguatkan", "sebagian", "mengabulkan")


@dataclass
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[object, ...]]


@dataclass
class Section:
    letter: str
    title: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # (subheading, text)
    tables: list[Table] = field(default_factory=list)


def _shown(value: object) -> object:
    return "—" if value is None else value


def _text(narrative: dict, key: str) -> str:
    return (narrative.get(key) or "").strip() or "—"


def _rows(counts: dict, labels: dict) -> list[tuple[object, ...]]:
    return [(str(labels.get(key, key)), value) for key, value in counts.items()]


def sections(data: dict, narrative: dict, labels: dict | None = None) -> list[Section]:
    """Items a–f of the report, in order, from a snapshot and the narrative."""
    labels = labels or {}
    req = data["requests"]
    obj = data["objections"]
    number = _("Jumlah")
    a = Section("a", _("Gambaran umum kebijakan pelayanan informasi publik"))
    a.parts = [
        (_("Sarana dan prasarana serta kondisinya"), _text(narrative, "facilities")),
        (_("Sumber daya manusia dan kualifikasinya"), _text(narrative, "staff")),
        (_("Anggaran pelayanan informasi dan penggunaannya"), _text(narrative, "budget")),
    ]
    b = Section("b", _("Gambaran umum pelaksanaan pelayanan informasi publik"))
    b.parts = [("", _text(narrative, "overview"))]
    c = Section("c", _("Rincian pelayanan informasi publik"))
    c.tables = [
        Table(
            _("Ringkasan permohonan"),
            (_("Uraian"), number),
            [
                (_("Jumlah permohonan"), req["total"]),
                (_("Telah dijawab (pemberitahuan tertulis)"), req["answered"]),
                (_("Dipenuhi seluruhnya"), req["diberikan"]),
                (_("Dipenuhi sebagian"), req["sebagian"]),
                (_("Ditolak"), req["ditolak"]),
                (_("Informasi tidak dikuasai"), req["tidak_dikuasai"]),
                (_("Informasi belum didokumentasikan"), req["belum_didokumentasikan"]),
                (_("Dibatalkan pemohon"), req["withdrawn"]),
                (_("Belum dijawab pada akhir tahun"), req["open"]),
                (_("Rata-rata hari kerja menjawab"), _shown(req["average_days"])),
                (_("Median hari kerja menjawab"), _shown(req["median_days"])),
                (_("Dijawab tepat waktu"), req["on_time"]),
            ],
        ),
        Table(
            _("Waktu yang diperlukan per permohonan"),
            (_("Kelas waktu"), number),
            [
                (_("Paling lama 10 hari kerja"), data["time_classes"]["10"]),
                (_("11–17 hari kerja (dengan perpanjangan)"), data["time_classes"]["17"]),
                (_("Lebih dari 17 hari kerja"), data["time_classes"]["lebih"]),
            ],
        ),
        Table(
            _("Permohonan yang ditolak menurut alasan"),
            (_("Alasan"), number),
            _rows(data["refusal_grounds"], {}),
        ),
        Table(
            _("Permohonan per bulan"),
            (_("Bulan"), number),
            list(zip(MONTHS, data["per_month"], strict=True)),
        ),
        Table(
            _("Permohonan per saluran"),
            (_("Saluran"), number),
            _rows(data["by_channel"], labels.get("channels", {})),
        ),
    ]
    c.parts = [("", _text(narrative, "service_note"))] if narrative.get("service_note") else []
    d = Section("d", _("Rincian penyelesaian sengketa informasi publik"))
    answers = labels.get("answers", {})
    stages = labels.get("stages", {})
    outcomes = labels.get("outcomes", {})
    d.tables = [
        Table(
            _("Keberatan"),
            (_("Uraian"), number),
            [
                (_("Jumlah keberatan"), obj["total"]),
                (_("Tanggapan Atasan PPID yang diberikan"), obj["answered"]),
                (_("Ditanggapi tepat waktu"), obj["answered_on_time"]),
                (_("Belum ditanggapi"), obj["unanswered"]),
            ]
            + [(str(answers.get(key, key)), obj[key]) for key in ANSWER_KEYS],
        ),
        Table(
            _("Sengketa di Komisi Informasi dan pengadilan"),
            (_("Tahap"), number),
            [(str(stages.get(key, key)), data["disputes"][key]) for key in STAGES],
        ),
        Table(
            _("Hasil mediasi, ajudikasi dan putusan pengadilan"),
            (_("Tahap"), _("Hasil"), number),
            [
                (str(stages.get(stage, stage)), str(outcomes.get(key, key)), value)
                for stage in STAGES
                for key, value in data["dispute_outcomes"].get(stage, {}).items()
            ],
        ),
    ]
    d.parts = [(_("Pelaksanaan tanggapan dan putusan"), _text(narrative, "dispute_execution"))]
    e = Section("e", _("Kendala eksternal dan internal"))
    e.parts = [
        (_("Kendala eksternal"), _text(narrative, "obstacles_external")),
        (_("Kendala internal"), _text(narrative, "obstacles_internal")),
    ]
    f = Section("f", _("Rekomendasi dan rencana tindak lanjut"))
    f.parts = [("", _text(narrative, "recommendations"))]
    return [a, b, c, d, e, f]


def per_request_rows(data: dict, decisions: dict) -> list[tuple[object, ...]]:
    """Pasal 12 b: the time needed to fulfil each request (request numbers only, no names)."""
    return [
        (
            row["number"],
            row["received"],
            row["answered"] or "—",
            "—" if row["days"] is None else row["days"],
            str(decisions.get(row["decision"], row["decision"])) or "—",
        )
        for row in data["per_request"]
    ]
