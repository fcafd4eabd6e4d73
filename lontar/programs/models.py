"""What an agency plans, does and achieves: programs and activities with their indicators and
budget, an agenda of events, and the planning and performance documents of each year."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.owned import AgencyOwned
from lontar.programs import progress

MONEY = {"max_digits": 16, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}
QUANTITY = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class SearchableQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Program(index.Indexed, AgencyOwned, ClusterableModel):
    """A program, kegiatan or sub-kegiatan of one agency in one budget year."""

    class Level(models.TextChoices):
        PROGRAM = "program", _("Program")
        ACTIVITY = "kegiatan", _("Kegiatan")
        SUB_ACTIVITY = "subkegiatan", _("Sub-kegiatan")

    class Status(models.TextChoices):
        PLANNED = "rencana", _("Direncanakan")
        ONGOING = "berjalan", _("Sedang berjalan")
        DONE = "selesai", _("Selesai")
        CANCELLED = "batal", _("Dibatalkan")

    year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    level = models.CharField(
        _("tingkat"), max_length=20, choices=Level.choices, default=Level.PROGRAM
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=255)
    goal = models.TextField(_("tujuan/sasaran"), blank=True)
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programs",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    budget = models.DecimalField(_("pagu anggaran (Rp)"), default=Decimal("0"), **MONEY)
    budget_realised = models.DecimalField(
        _("realisasi anggaran (Rp)"), default=Decimal("0"), **MONEY
    )

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("parent"), FieldPanel("code")]),
        FieldPanel("name"),
        FieldPanel("goal"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_realised")]),
        InlinePanel("indicators", heading=_("Indikator kinerja"), label=_("Indikator")),
    ]
    objects = SearchableQuerySet.as_manager()
    search_fields = [
        index.SearchField("name"),
        index.SearchField("goal"),
        index.FilterField("agency"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("program/kegiatan")
        verbose_name_plural = _("program dan kegiatan")
        default_related_name = "programs"
        ordering = ["-year", "code", "name"]
        indexes = [models.Index(fields=["agency", "year"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name} ({self.year})".strip()

    def get_absolute_url(self) -> str:
        return reverse("programs:detail", args=[self.pk])

    @property
    def budget_progress(self) -> progress.Progress:
        return progress.measure(self.budget_realised, self.budget)


class PerformanceIndicator(Orderable):
    """A performance indicator with its yearly target and what was achieved each quarter."""

    program = ParentalKey(Program, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=255)
    measure_unit = models.CharField(_("satuan"), max_length=40)
    target = models.DecimalField(_("target tahunan"), max_digits=14, decimal_places=2)
    target_q1 = models.DecimalField(_("target TW I"), **QUANTITY)
    target_q2 = models.DecimalField(_("target TW II"), **QUANTITY)
    target_q3 = models.DecimalField(_("target TW III"), **QUANTITY)
    target_q4 = models.DecimalField(_("target TW IV"), **QUANTITY)
    realised_q1 = models.DecimalField(_("realisasi TW I"), **QUANTITY)
    realised_q2 = models.DecimalField(_("realisasi TW II"), **QUANTITY)
    realised_q3 = models.DecimalField(_("realisasi TW III"), **QUANTITY)
    realised_q4 = models.DecimalField(_("realisasi TW IV"), **QUANTITY)
    cumulative = models.BooleanField(
        _("realisasi dijumlahkan"),
        default=True,
        help_text=_("Ya: capaian tahunan = jumlah realisasi triwulan. Tidak: triwulan terakhir."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("measure_unit"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel(f"target_q{q}") for q in range(1, 5)]),
        FieldRowPanel([FieldPanel(f"realised_q{q}") for q in range(1, 5)]),
        FieldPanel("cumulative"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")

    def __str__(self) -> str:
        return self.name

    @property
    def quarters(self) -> list[progress.Quarter]:
        return [
            progress.Quarter(q, getattr(self, f"target_q{q}"), getattr(self, f"realised_q{q}"))
            for q in range(1, 5)
        ]

    @property
    def realised(self) -> Decimal | None:
        return progress.yearly_realisation(
            [q.realised for q in self.quarters], cumulative=self.cumulative
        )

    @property
    def progress(self) -> progress.Progress:
        return progress.measure(self.realised, self.target)


class Event(index.Indexed, AgencyOwned):
    """An agenda item: a workshop, socialisation, selection test or service day."""

    class Category(models.TextChoices):
        WORKSHOP = "lokakarya", _("Lokakarya/Bimtek")
        SOCIALISATION = "sosialisasi", _("Sosialisasi")
        SELECTION = "seleksi", _("Seleksi/Ujian")
        SERVICE = "layanan", _("Hari layanan")
        MEETING = "rapat", _("Rapat/Koordinasi")
        OTHER = "lainnya", _("Lainnya")

    title = models.CharField(_("judul"), max_length=255)
    category = models.CharField(
        _("kategori"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    description = models.TextField(_("uraian"), blank=True)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=255, blank=True)
    audience = models.CharField(_("peserta/sasaran"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Penulis unit ini diajak menulis laporannya setelah acara selesai."),
    )
    registration_url = models.URLField(_("tautan pendaftaran"), blank=True)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program/kegiatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    report = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("berita laporan kegiatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("dokumen"), blank=True, related_name="+"
    )
    # The sitemap's lastmod: when the item last changed, not when it takes place.
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("category")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("registration_url")]),
        MultiFieldPanel(
            [FieldPanel("program"), FieldPanel("report"), FieldPanel("documents")],
            heading=_("Keterkaitan"),
        ),
    ]
    objects = SearchableQuerySet.as_manager()
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("place"),
        index.FilterField("agency"),
    ]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")
        default_related_name = "events"
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["agency", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:event", args=[self.pk])


class PlanningDocument(AgencyOwned):
    """A planning or performance document of one year: Renstra, Renja, DPA, LKjIP, LK."""

    class Kind(models.TextChoices):
        RENSTRA = "renstra", _("Rencana Strategis (Renstra)")
        RENJA = "renja", _("Rencana Kerja (Renja)")
        DPA = "dpa", _("Dokumen Pelaksanaan Anggaran (DPA)")
        LKJIP = "lkjip", _("Laporan Kinerja (LKjIP)")
        FINANCIAL = "laporan-keuangan", _("Laporan Keuangan")

    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("tahun"))
    title = models.CharField(_("judul"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField(_("tanggal terbit"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("published_on")]),
    ]

    class Meta:
        verbose_name = _("dokumen perencanaan/kinerja")
        verbose_name_plural = _("dokumen perencanaan dan kinerja")
        default_related_name = "planning_documents"
        ordering = ["-year", "kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"


class DocumentReminderSettings(models.Model):
    """Which documents an agency must publish each year, and from which month to remind."""

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="planning_reminder",
    )
    required_kinds = models.JSONField(
        _("jenis wajib"),
        default=list,
        blank=True,
        help_text=_('Kode jenis, mis. ["renja", "dpa"]. Kosong: semua kecuali Renstra.'),
    )
    remind_from_month = models.PositiveSmallIntegerField(
        _("ingatkan mulai bulan"),
        default=3,
        validators=[MinValueValidator(1)],
    )

    panels = [FieldPanel("agency"), FieldPanel("required_kinds"), FieldPanel("remind_from_month")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("pengingat dokumen perencanaan")
        verbose_name_plural = _("pengingat dokumen perencanaan")

    def __str__(self) -> str:
        return str(self.agency)
