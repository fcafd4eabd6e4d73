"""The public information list (DIP), the exempt information list (DIK) and urgent notices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from lontar.agencies.owned import AgencyOwned
from lontar.infolist.categories import EXEMPTION_GROUNDS, Category, Form


class InfoItem(AgencyOwned):
    """One row of the DIP, with the seven columns of the Perki format plus category and file."""

    summary = models.CharField(_("ringkasan isi informasi"), max_length=500)
    owner_unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit pemilik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    holder = models.CharField(_("pejabat/unit yang menguasai informasi"), max_length=200)
    responsible = models.CharField(_("penanggung jawab pembuatan/penerbitan"), max_length=200)
    made_when_where = models.CharField(_("waktu dan tempat pembuatan"), max_length=200)
    form = models.CharField(
        _("bentuk informasi"), max_length=12, choices=Form.choices, default=Form.ELECTRONIC
    )
    retention = models.CharField(_("jangka waktu penyimpanan/retensi"), max_length=120)
    category = models.CharField(_("kategori"), max_length=12, choices=Category.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("tautan"), max_length=500, blank=True)
    last_updated = models.DateField(_("terakhir diperbarui"), null=True, blank=True)
    next_review = models.DateField(_("tinjauan berikutnya"), null=True, blank=True)
    stale_flagged_on = models.DateField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("agency"),
        FieldPanel("summary"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldPanel("owner_unit"),
                FieldPanel("holder"),
                FieldPanel("responsible"),
                FieldPanel("made_when_where"),
                FieldRowPanel([FieldPanel("form"), FieldPanel("retention")]),
            ],
            heading=_("Kolom DIP"),
        ),
        FieldPanel("document"),
        FieldPanel("link"),
        FieldRowPanel([FieldPanel("last_updated"), FieldPanel("next_review")]),
    ]

    class Meta:
        verbose_name = _("informasi publik (DIP)")
        verbose_name_plural = _("daftar informasi publik (DIP)")
        default_related_name = "info_items"
        ordering = ["category", "summary"]

    def __str__(self) -> str:
        return self.summary


class ExemptInfo(AgencyOwned):
    """One row of the DIK: exempt information with its consequence test (Perki SLIP Pasal 49)."""

    description = models.CharField(_("informasi yang dikecualikan"), max_length=500)
    ground = models.CharField(_("dasar pengecualian"), max_length=2, choices=EXEMPTION_GROUNDS)
    legal_basis = models.CharField(_("peraturan yang menjadi dasar"), max_length=300, blank=True)
    consequence_analysis = models.TextField(_("uji konsekuensi: analisis"), max_length=6000)
    public_interest = models.TextField(
        _("pertimbangan kepentingan publik"), max_length=3000, blank=True
    )
    exempt_until = models.DateField(_("dikecualikan sampai"), null=True, blank=True)
    duration_note = models.CharField(_("jangka waktu pengecualian"), max_length=200)
    decided_by = models.CharField(_("pejabat yang menetapkan"), max_length=200)
    decision_number = models.CharField(_("nomor penetapan"), max_length=120)
    decided_on = models.DateField(_("tanggal penetapan"))
    decision_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen penetapan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("agency"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("ground"), FieldPanel("legal_basis")]),
        FieldPanel("consequence_analysis"),
        FieldPanel("public_interest"),
        FieldRowPanel([FieldPanel("duration_note"), FieldPanel("exempt_until")]),
        FieldRowPanel([FieldPanel("decided_by"), FieldPanel("decision_number")]),
        FieldRowPanel([FieldPanel("decided_on"), FieldPanel("decision_document")]),
    ]

    class Meta:
        verbose_name = _("informasi dikecualikan (DIK)")
        verbose_name_plural = _("daftar informasi dikecualikan (DIK)")
        default_related_name = "exempt_infos"
        ordering = ["-decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decision_number} — {self.description}"[:200]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from lontar.infolist.categories import TEMPORARY_GROUNDS

        if self.ground in TEMPORARY_GROUNDS and not self.exempt_until:
            raise ValidationError(
                {
                    "exempt_until": _(
                        "Pengecualian Pasal 17 huruf a–f tidak bersifat permanen (Pasal 20): "
                        "isi tanggal berakhirnya."
                    )
                }
            )


class SourceConfirmation(AgencyOwned):
    """The PPID's one-time confirmation of the category of an automatic DIP source."""

    source_key = models.CharField(max_length=60)
    category = models.CharField(_("kategori"), max_length=12, choices=Category.choices)
    confirmed_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        default_related_name = "dip_confirmations"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "source_key"], name="one_confirmation_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.source_key}: {self.category}"


class UrgentNotice(AgencyOwned):
    """Serta merta information (UU 14/2008 Pasal 10): a banner on every page while it runs."""

    class Status(models.TextChoices):
        DRAFT = "draf", _("Draf")
        PUBLISHED = "terbit", _("Terbit")
        WITHDRAWN = "ditarik", _("Ditarik")

    title = models.CharField(_("judul"), max_length=160)
    body = models.TextField(_("isi pengumuman"), max_length=2000)
    link = models.URLField(_("tautan rincian"), max_length=500, blank=True)
    ends_at = models.DateTimeField(_("tampil sampai"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # Proof of publication: SHA-256 of the text exactly as published with its moment.
    proof_digest = models.CharField(max_length=64, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("agency"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("link"),
        FieldPanel("ends_at"),
    ]

    class Meta:
        verbose_name = _("pengumuman serta merta")
        verbose_name_plural = _("pengumuman serta merta")
        default_related_name = "urgent_notices"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class ServiceStandard(AgencyOwned):
    """The maklumat pelayanan or an SOP of the information service (Perki SLIP Pasal 47–48).

    It carries at least the six items of Pasal 47 and, once published, an audio version read by
    the speech engine in the background (`infolist.jobs.read_service_standards_aloud`), so
    visitors who cannot read the page can listen to it (Pasal 48: audio, visual, braille).
    """

    class Kind(models.TextChoices):
        PLEDGE = "maklumat", _("Maklumat pelayanan")
        SOP = "sop", _("Standar operasional prosedur (SOP)")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    statement = models.TextField(_("pernyataan/pengantar"), max_length=3000, blank=True)
    legal_basis = models.TextField(_("dasar hukum"), max_length=4000)
    procedure = models.TextField(_("sistem, mekanisme, dan prosedur"), max_length=8000)
    completion_time = models.TextField(_("jangka waktu penyelesaian"), max_length=2000)
    fees = models.TextField(_("biaya/tarif"), max_length=2000)
    guarantee = models.TextField(_("jaminan pelayanan"), max_length=3000)
    evaluation = models.TextField(_("evaluasi kinerja"), max_length=3000)
    is_published = models.BooleanField(_("terbitkan"), default=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    audio = models.FileField(upload_to="layanan/audio/", blank=True, editable=False)
    audio_seconds = models.FloatField(null=True, blank=True, editable=False)
    # SHA-256 of the text the audio reads: a changed text gets a new recording.
    audio_digest = models.CharField(max_length=64, blank=True, editable=False)
    audio_error = models.CharField(max_length=300, blank=True, editable=False)

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("statement"),
        FieldPanel("legal_basis"),
        FieldPanel("procedure"),
        FieldPanel("completion_time"),
        FieldPanel("fees"),
        FieldPanel("guarantee"),
        FieldPanel("evaluation"),
        FieldPanel("is_published"),
    ]

    class Meta:
        verbose_name = _("maklumat/SOP layanan informasi")
        verbose_name_plural = _("maklumat dan SOP layanan informasi")
        default_related_name = "service_standards"
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
