"""The newsroom: writing prompts, article templates, unit targets and daily reach counts."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.owned import AgencyOwned


class Prompt(AgencyOwned):
    """An invitation to write about something the agency did: one per source object."""

    class Status(models.TextChoices):
        OPEN = "terbuka", _("Menunggu ditulis")
        DRAFTED = "draf", _("Sedang ditulis")
        PUBLISHED = "terbit", _("Sudah terbit")
        DISMISSED = "abaikan", _("Diabaikan")

    kind = models.CharField(_("jenis"), max_length=20)
    key = models.CharField(_("kunci sumber"), max_length=120)
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="writing_prompts",
    )
    title = models.CharField(_("judul"), max_length=255)
    prompt = models.CharField(_("ajakan"), max_length=400)
    suggestion = models.JSONField(_("bahan draf"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("berita"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    notified_at = models.DateTimeField(_("diberitahukan"), null=True, blank=True)
    published_at = models.DateTimeField(_("terbit"), null=True, blank=True)

    class Meta:
        verbose_name = _("ajakan menulis")
        verbose_name_plural = _("ajakan menulis")
        default_related_name = "writing_prompts"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="newsroom_prompt_key_unique")
        ]
        indexes = [models.Index(fields=["agency", "status"], name="newsroom_prompt_status")]

    def __str__(self) -> str:
        return self.title


class ArticleTemplate(AgencyOwned):
    """A starting structure for one kind of article, editable per agency.

    `outline` is plain text: a line starting with "## " becomes a heading, any other non-empty
    line a paragraph holding a prompt in square brackets the writer replaces.
    """

    name = models.CharField(_("nama"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.CharField(_("keterangan"), max_length=250, blank=True)
    lead_hint = models.CharField(_("petunjuk ringkasan"), max_length=250, blank=True)
    outline = models.TextField(_("kerangka"), max_length=4000)
    category = models.CharField(
        _("kategori berita"), max_length=80, blank=True, help_text=_("Nama kategori, mis. Umum.")
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("description"),
        FieldPanel("lead_hint"),
        FieldPanel("outline"),
        FieldPanel("category"),
    ]

    class Meta:
        verbose_name = _("templat berita")
        verbose_name_plural = _("templat berita")
        default_related_name = "article_templates"
        ordering = ["agency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="newsroom_template_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class UnitDesk(models.Model):
    """A unit's place in the newsroom: its monthly target and its head (the digest's reader)."""

    unit = models.OneToOneField(
        "agencies.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="desk"
    )
    monthly_target = models.PositiveSmallIntegerField(_("target berita per bulan"), default=2)
    head = models.ForeignKey(
        "agencies.StaffProfile",
        verbose_name=_("pimpinan unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Menerima ringkasan bulanan unitnya."),
    )

    agency_scope = "unit__agency"
    panels = [FieldPanel("unit"), FieldPanel("monthly_target"), FieldPanel("head")]
    base_form_class = AgencyScopedAdminForm

    class Meta:
        verbose_name = _("target unit")
        verbose_name_plural = _("target unit")

    def __str__(self) -> str:
        return str(self.unit)


class WriterPreference(models.Model):
    """A writer's choice to stay out of the public "Penulis bulan ini" block."""

    staff = models.OneToOneField(
        "agencies.StaffProfile",
        verbose_name=_("penulis"),
        on_delete=models.CASCADE,
        related_name="writer_preference",
    )
    hide_from_public_ranking = models.BooleanField(
        _("jangan tampilkan saya di “Penulis bulan ini”"), default=False
    )

    class Meta:
        verbose_name = _("preferensi penulis")
        verbose_name_plural = _("preferensi penulis")

    def __str__(self) -> str:
        return str(self.staff)


class ArticleViewDay(models.Model):
    """How many times an article was read on one day: a bare count, nothing about who."""

    article = models.ForeignKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="view_days"
    )
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("jumlah baca harian")
        verbose_name_plural = _("jumlah baca harian")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="newsroom_one_count_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}@{self.day}: {self.views}"
