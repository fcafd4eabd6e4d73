"""The four article templates every agency starts with (editable afterwards)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.newsroom.models import ArticleTemplate


def default_templates() -> list[dict[str, str]]:
    return [
        {
            "slug": "liputan-kegiatan",
            "name": _("Liputan kegiatan"),
            "category": _("Kegiatan"),
            "description": _("Laporan acara: apa, siapa, kapan, di mana, hasilnya."),
            "lead_hint": _("[Siapa] menyelenggarakan [apa] di [mana] pada [kapan]."),
            "outline": "\n".join(
                [
                    _("## Apa yang terjadi"),
                    _("[Ceritakan jalannya kegiatan dalam dua-tiga kalimat pendek.]"),
                    _("## Kata narasumber"),
                    _("[Kutip satu pernyataan pimpinan atau peserta, dengan nama dan jabatannya.]"),
                    _("## Hasil dan tindak lanjut"),
                    _("[Apa yang dihasilkan, dan apa langkah berikutnya bagi ASN atau warga.]"),
                ]
            ),
        },
        {
            "slug": "tanya-jawab-kepegawaian",
            "name": _("Tanya jawab kepegawaian"),
            "category": _("Kepegawaian"),
            "description": _("Satu pertanyaan yang sering diajukan, dijawab dengan jelas."),
            "lead_hint": _("[Pertanyaan yang sering diajukan ASN, dalam satu kalimat.]"),
            "outline": "\n".join(
                [
                    _("## Pertanyaannya"),
                    _("[Tulis pertanyaan seperti yang diajukan pembaca.]"),
                    _("## Jawabannya"),
                    _("[Jawab langsung pada kalimat pertama, lalu jelaskan langkahnya.]"),
                    _("## Dasar aturannya"),
                    _("[Sebut peraturan yang menjadi dasar, dengan nomor dan tahunnya.]"),
                ]
            ),
        },
        {
            "slug": "profil-layanan",
            "name": _("Profil layanan"),
            "category": _("Layanan"),
            "description": _("Mengenalkan satu layanan: siapa yang bisa, syarat, alur, waktu."),
            "lead_hint": _("[Layanan apa, untuk siapa, dan manfaatnya.]"),
            "outline": "\n".join(
                [
                    _("## Siapa yang dapat memakai layanan ini"),
                    _("[Sebut sasaran layanan.]"),
                    _("## Syarat dan alur"),
                    _("[Daftar syarat, lalu langkah demi langkah.]"),
                    _("## Waktu dan biaya"),
                    _("[Berapa lama, dan berapa biayanya (tulis gratis bila gratis).]"),
                ]
            ),
        },
        {
            "slug": "tips-asn",
            "name": _("Tips ASN"),
            "category": _("Tips"),
            "description": _("Kiat praktis untuk rekan ASN, dalam beberapa langkah."),
            "lead_hint": _("[Masalah yang sering dihadapi ASN, dan janji tulisan ini.]"),
            "outline": "\n".join(
                [
                    _("## Kiat pertama"),
                    _("[Satu kiat, satu paragraf pendek.]"),
                    _("## Kiat kedua"),
                    _("[Satu kiat, satu paragraf pendek.]"),
                    _("## Kiat ketiga"),
                    _("[Satu kiat, satu paragraf pendek.]"),
                ]
            ),
        },
    ]


def seed_templates(agency: Agency) -> int:
    """Create the default templates an agency lacks; never overwrite an edited one."""
    made = 0
    for order, values in enumerate(default_templates()):
        _template, created = ArticleTemplate.objects.get_or_create(
            agency=agency,
            slug=values["slug"],
            defaults={**{k: v for k, v in values.items() if k != "slug"}, "sort_order": order},
        )
        made += int(created)
    return made
