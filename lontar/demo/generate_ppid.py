"""The PPID, Q&A and open-data part of `lontar generate_data` (issue 22), in bulk inserts.

Information requests come with their events (registered, answered, completed) and their
notices (receipt, answer), spread over ten years and numbered per agency and year as the
register numbers them; the registration counters are set to the last number so that a request
filed afterwards continues the sequence. Questions are published with their public answer,
objections cite a generated request, datasets carry one variable each. Personal data is
invented ("Pemohon 123"), never real.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from lontar.agencies.models import Agency

BATCH = 2000
_TOPICS = [
    "daftar gaji pegawai",
    "rencana kerja tahunan",
    "laporan keuangan",
    "data formasi CPNS",
    "hasil seleksi PPPK",
    "anggaran perjalanan dinas",
    "kontrak pengadaan",
    "statistik pelayanan",
]
_CATEGORIES = ["kenaikan-pangkat", "pensiun", "mutasi", "cuti", "cpns-pppk", "gaji", "lainnya"]


def _batches(total: int, size: int = BATCH) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time(8 + rng.randint(0, 7), rng.randint(0, 59)))
    )


def make_requests(count: int, agencies: list[Agency], rng: random.Random) -> list[int]:
    """`count` information requests, most completed, the newest still open; returns some ids
    (one in fifty) for objections to cite."""
    from lontar.ppid.models import InformationRequest, Notice, RegistrationCounter, RequestEvent
    from lontar.ppid.notices import NoticeChannel, NoticeKind
    from lontar.ppid.states import Decision, Status

    if not agencies or count <= 0:
        return []
    today = timezone.localdate()
    sequences: dict[tuple[int, int], int] = defaultdict(int)
    for agency_id, year, last in InformationRequest.objects.values_list("agency", "year").annotate(
        last=Max("sequence")
    ):
        sequences[(agency_id, year)] = last
    cited: list[int] = []
    for batch in _batches(count):
        rows = []
        for n in batch:
            agency = agencies[n % len(agencies)]
            day = today - timedelta(days=(count - n) * 3650 // count)
            received = _moment(day, rng)
            key = (agency.pk, day.year)
            sequences[key] += 1
            recent = (today - day).days < 10
            status = Status.REGISTERED if recent else Status.COMPLETED
            topic = rng.choice(_TOPICS)
            rows.append(
                InformationRequest(
                    agency=agency,
                    number=f"{sequences[key]:05d}/PPID-GEN/{day.year}",
                    year=day.year,
                    sequence=sequences[key],
                    tracking_code_hash=hashlib.sha256(secrets.token_bytes(8)).hexdigest(),
                    channel=InformationRequest.Channel.WEB,
                    received_at=received,
                    registered_at=received,
                    name=f"Pemohon {n + 1}",
                    identity_kind=InformationRequest.IdentityKind.PERSON,
                    address="Jl. Contoh No. 1, Kupang",
                    email=f"pemohon{n + 1}@example.org",
                    information_requested=f"Salinan {topic} tahun {day.year - 1}.",
                    purpose="Penelitian dan pengawasan publik.",
                    obtain_method=InformationRequest.ObtainMethod.SOFTCOPY,
                    delivery_method=InformationRequest.DeliveryMethod.EMAIL,
                    public_summary=f"Salinan {topic} tahun {day.year - 1}",
                    status=status,
                    notice_due=day + timedelta(days=14),
                    extended_due=day + timedelta(days=21),
                    decision="" if recent else Decision.GRANTED,
                    material_given="" if recent else f"Salinan {topic}.",
                    delivery_format="" if recent else "Softcopy melalui surel",
                    information_form="" if recent else InformationRequest.InformationForm.SOFTCOPY,
                    information_given_on=None if recent else day + timedelta(days=7),
                    answered_at=None if recent else received + timedelta(days=7),
                    completed_at=None if recent else received + timedelta(days=8),
                    retain_personal_data_until=day + timedelta(days=5 * 365),
                )
            )
        InformationRequest.objects.bulk_create(rows, batch_size=BATCH)
        if rows[0].pk is None:  # no RETURNING: look the ids up by their unique number
            ids = {
                (a, y, s): pk
                for pk, a, y, s in InformationRequest.objects.filter(
                    received_at__gte=rows[0].received_at
                ).values_list("pk", "agency", "year", "sequence")
            }
            for row in rows:
                row.pk = row.id = ids[(row.agency_id, row.year, row.sequence)]
        events, notices = [], []
        for row in rows:
            events.append(
                RequestEvent(
                    information_request_id=row.pk,
                    at=row.received_at,
                    kind="registered",
                    to_status=Status.REGISTERED,
                )
            )
            notices.append(
                Notice(
                    information_request_id=row.pk,
                    kind=NoticeKind.RECEIPT,
                    sequence=1,
                    number=f"{row.number}/TT",
                    issued_on=row.received_at.date(),
                    signatory="PPID Pelaksana",
                    channel=NoticeChannel.EMAIL,
                    delivered_at=row.received_at,
                    created_at=row.received_at,
                )
            )
            if row.status == Status.COMPLETED:
                events.append(
                    RequestEvent(
                        information_request_id=row.pk,
                        at=row.answered_at,
                        kind="answered",
                        from_status=Status.REGISTERED,
                        to_status=Status.ANSWERED,
                        public_note="Informasi diberikan.",
                    )
                )
                events.append(
                    RequestEvent(
                        information_request_id=row.pk,
                        at=row.completed_at,
                        kind="completed",
                        from_status=Status.ANSWERED,
                        to_status=Status.COMPLETED,
                    )
                )
                notices.append(
                    Notice(
                        information_request_id=row.pk,
                        kind=NoticeKind.ANSWER,
                        sequence=2,
                        number=f"{row.number}/PT",
                        issued_on=row.answered_at.date(),
                        signatory="PPID Pelaksana",
                        channel=NoticeChannel.EMAIL,
                        delivered_at=row.answered_at,
                        created_at=row.answered_at,
                    )
                )
        RequestEvent.objects.bulk_create(events, batch_size=BATCH)
        Notice.objects.bulk_create(notices, batch_size=BATCH)
        cited.extend(row.pk for row in rows[::50] if row.status == Status.COMPLETED)
    for (agency_id, year), last in sequences.items():
        RegistrationCounter.objects.update_or_create(
            agency_id=agency_id, year=year, defaults={"last_number": last}
        )
    return cited


def make_questions(count: int, agencies: list[Agency], rng: random.Random) -> int:
    """`count` questions, nine in ten published with their answer, the rest waiting."""
    from lontar.qna.models import Question
    from lontar.qna.states import Status

    if not agencies or count <= 0:
        return 0
    today = timezone.localdate()
    fields = [
        f for f in Question._meta.local_concrete_fields if not f.primary_key
    ]  # raw insert: keeps the invented `created_at` (auto_now_add would overwrite it)
    for batch in _batches(count):
        rows = []
        for n in batch:
            day = today - timedelta(days=(count - n) * 3650 // count)
            created = _moment(day, rng)
            published = n % 10 != 0
            topic = rng.choice(_TOPICS)
            rows.append(
                Question(
                    agency=agencies[n % len(agencies)],
                    asker_name=f"Penanya {n + 1}",
                    email=f"penanya{n + 1}@example.org",
                    category=rng.choice(_CATEGORIES),
                    question_text=f"Bagaimana cara memperoleh {topic}? ({n + 1})",
                    status=Status.PUBLISHED if published else Status.NEW,
                    tracking_token=secrets.token_urlsafe(24),
                    public_question=f"Bagaimana cara memperoleh {topic}? ({n + 1})"
                    if published
                    else "",
                    public_answer=f"Ajukan permohonan informasi tentang {topic} melalui PPID."
                    if published
                    else "",
                    created_at=created,
                    published_at=created + timedelta(days=2) if published else None,
                )
            )
        Question._base_manager._insert(rows, fields=fields, using="default", raw=True)
    return count


def make_objections(count: int, agencies: list[Agency], cited: list[int]) -> int:
    """`count` objections (ground c), answered, each citing a generated request."""
    from lontar.objections.models import Objection, ObjectionCounter
    from lontar.objections.states import Outcome, Status
    from lontar.ppid.models import InformationRequest

    if not cited or count <= 0:
        return 0
    requests = {
        pk: (agency_id, received)
        for pk, agency_id, received in InformationRequest.objects.filter(
            pk__in=cited[:count]
        ).values_list("pk", "agency", "received_at")
    }
    sequences: dict[tuple[int, int], int] = defaultdict(int)
    for agency_id, year, last in Objection.objects.values_list("agency", "year").annotate(
        last=Max("sequence")
    ):
        sequences[(agency_id, year)] = last
    rows = []
    for n, pk in enumerate(cited[:count]):
        agency_id, received = requests[pk]
        at = received + timedelta(days=20)
        key = (agency_id, at.year)
        sequences[key] += 1
        rows.append(
            Objection(
                agency_id=agency_id,
                number=f"{sequences[key]:04d}/KEB-GEN/{at.year}",
                year=at.year,
                sequence=sequences[key],
                tracking_code_hash=hashlib.sha256(secrets.token_bytes(8)).hexdigest(),
                information_request_id=pk,
                grounds="c",
                case_summary="Permohonan tidak ditanggapi dalam jangka waktu.",
                received_at=at,
                objector_name=f"Pemohon keberatan {n + 1}",
                address="Jl. Contoh No. 2, Kupang",
                status=Status.ANSWERED,
                answer_due=at.date() + timedelta(days=30),
                outcome=Outcome.GRANTED,
                answer_text="Keberatan dikabulkan; informasi diberikan.",
                answered_at=at + timedelta(days=10),
                superior_name="Sekretaris Daerah",
            )
        )
    Objection.objects.bulk_create(rows, batch_size=BATCH)
    for (agency_id, year), last in sequences.items():
        ObjectionCounter.objects.update_or_create(
            agency_id=agency_id, year=year, defaults={"last_number": last}
        )
    return len(rows)


def make_datasets(count: int, agencies: list[Agency], rng: random.Random) -> int:
    """`count` public datasets with one variable each (no files: a resource is an upload)."""
    from lontar.opendata.models import Dataset, Variable

    if not agencies or count <= 0:
        return 0
    start = Dataset.objects.filter(slug__startswith="gen-data-").count()
    for batch in _batches(count):
        rows = []
        for n in batch:
            topic = rng.choice(_TOPICS)
            rows.append(
                Dataset(
                    agency=agencies[n % len(agencies)],
                    title=f"{topic.capitalize()} {n + 1}",
                    slug=f"gen-data-{start + n + 1}",
                    description=f"Data {topic} yang dihimpun setiap tahun.",
                    frequency=Dataset.Frequency.YEARLY,
                    license=Dataset.License.CC_BY,
                    tags="asn,pelayanan",
                )
            )
        Dataset.objects.bulk_create(rows, batch_size=BATCH)
        made = Dataset.objects.filter(slug__in=[row.slug for row in rows]).values_list(
            "pk", flat=True
        )
        Variable.objects.bulk_create(
            [
                Variable(dataset_id=pk, name="jumlah", data_type=Variable.DataType.INTEGER)
                for pk in made
            ],
            batch_size=BATCH,
        )
    return count
