"""Demo questions for the BKD, in every state; the published ones form the FAQ."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from lontar.core.audit import Actor
from lontar.demo.loader import add_menu_item
from lontar.qna import services
from lontar.qna.models import Question, Status
from lontar.qna.redaction import detect

# (category, asker, question, answer or "", final state). Fictional people; phone numbers are
# of the reserved-looking kind and belong to nobody.
QUESTIONS = [
    (
        "cuti",
        "Maria Goreti Bili",
        "Saya guru SD, sudah 6 tahun bekerja. Apakah saya berhak atas cuti besar dan berapa lama?",
        "Cuti besar dapat diberikan kepada PNS yang telah bekerja paling singkat 5 tahun secara "
        "terus-menerus, paling lama 3 bulan. Ajukan permohonan tertulis kepada pejabat yang "
        "berwenang memberikan cuti melalui atasan langsung.",
        Status.PUBLISHED,
    ),
    (
        "kenaikan-pangkat",
        "Yohanes Nahak",
        "Kapan periode kenaikan pangkat reguler? Saya bisa dihubungi di 0812-3456-7890.",
        "Kenaikan pangkat reguler ditetapkan pada periode 1 April dan 1 Oktober setiap tahun. "
        "Berkas usul disampaikan paling lambat tiga bulan sebelum periode "
        "melalui unit kepegawaian.",
        Status.PUBLISHED,
    ),
    (
        "pensiun",
        "Agustinus Seran",
        "Berapa batas usia pensiun bagi pejabat fungsional ahli madya?",
        "Batas usia pensiun pejabat fungsional ahli madya adalah 60 tahun. Usul pensiun diajukan "
        "paling lambat satu tahun sebelum mencapai batas usia pensiun.",
        Status.PUBLISHED,
    ),
    (
        "cpns-pppk",
        "Fransiska Luruk",
        "Apakah PPPK bisa mengikuti seleksi CPNS tanpa mengundurkan diri dulu?",
        "PPPK dapat mendaftar seleksi CPNS sesuai ketentuan usia dan kualifikasi. Bila lulus, "
        "yang bersangkutan mengundurkan diri sebagai PPPK sebelum diangkat sebagai CPNS.",
        Status.PUBLISHED,
    ),
    (
        "mutasi",
        "Lukas Tae",
        "Bagaimana prosedur mutasi antar kabupaten dalam satu provinsi?",
        "Mutasi antar kabupaten/kota dalam satu provinsi ditetapkan oleh gubernur setelah ada "
        "persetujuan kepala daerah asal dan tujuan serta pertimbangan teknis BKN.",
        Status.PUBLISHED,
    ),
    (
        "gaji",
        "Elisabeth Nenobais",
        "Gaji saya bulan lalu dipotong. Bisakah dicek? NIP saya 198703122010012004.",
        "Potongan tersebut adalah iuran BPJS Kesehatan sesuai ketentuan. Rincian dapat dilihat "
        "pada daftar gaji di bendahara unit kerja.",
        Status.ANSWERED,
    ),
    (
        "disiplin",
        "Petrus Bria",
        "Apakah terlambat masuk kerja bisa dikenai hukuman disiplin?",
        "",
        Status.ASSIGNED,
    ),
    (
        "lainnya",
        "Theresia Abuk",
        "Bagaimana cara memperbarui data keluarga di sistem kepegawaian?",
        "",
        Status.NEW,
    ),
    ("lainnya", "Anonim Iseng", "Tes tes tes.", "", Status.DECLINED),
]


def load(ctx) -> None:
    agency = ctx.agencies.get("bkd")
    if agency is None:
        return
    add_menu_item(agency, label="Tanya Jawab", url="/tanya-jawab/", after="Profil")
    if Question.objects.filter(agency=agency).exists():
        return
    unit = agency.units.exclude(kind="pimpinan").first()
    now = timezone.now()
    system = Actor.system()
    for index, (category, asker, text, answer_text, state) in enumerate(QUESTIONS):
        question = Question.objects.create(
            agency=agency,
            asker_name=asker,
            email=f"penanya{index}@contoh.id",
            category=category,
            question_text=text,
            anonymous_in_public=index % 2 == 0,
        )
        Question.objects.filter(pk=question.pk).update(
            created_at=now - timedelta(days=40 - index * 4)
        )
        if state == Status.DECLINED:
            services.decline(question, actor=system)
            continue
        if state == Status.NEW:
            continue
        if unit:
            services.assign(question, unit, actor=system)
        if not answer_text:
            continue
        services.answer(
            question,
            text=answer_text,
            unit=unit,
            regulations=[],
            actor=system,
            tracking_url="",
            notify=False,
        )
        if state == Status.PUBLISHED:
            services.publish(
                question,
                question_hits=detect(question.question_text, [asker]),
                answer_hits=detect(answer_text, [asker]),
                actor=system,
            )
