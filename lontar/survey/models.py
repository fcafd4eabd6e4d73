"""The Survei Kepuasan Masyarakat (PermenPANRB 14/2017): surveyed units, periods and responses.

A period's published result is frozen on the period itself (index, grade, element scores,
respondent count and formula version), so responses arriving later never change a published
figure. The index is computed by `lontar.survey.ikm` through `lontar.survey.services` only.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.agencies.owned import AgencyOwned, AgencySlugged
from lontar.survey import ikm

# "/survei/hasil/" is the results page and "/survei/umpan-balik/" takes page feedback; a unit
# may not take their addresses.
RESERVED_UNIT_SLUGS = frozenset({"hasil", "umpan-balik"})


class SurveyUnit(AgencySlugged):
    """A service unit whose users are surveyed, e.g. "Layanan Informasi Publik (PPID)"."""

    name = models.CharField(_("nama unit layanan"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_("Alamat kuesioner: /survei/<slug>/. Dibuat dari nama bila kosong."),
    )

    class Meta(AgencySlugged.Meta):
        verbose_name = _("unit layanan survei")
        verbose_name_plural = _("unit layanan survei")
        default_related_name = "survey_units"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "slug"], name="survey_unit_slug_unique_in_agency"
            )
        ]

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        if self.slug in RESERVED_UNIT_SLUGS:
            raise ValidationError({"slug": _("Slug ini dipakai oleh halaman hasil survei.")})


class SurveyPeriodAdminForm(AgencyScopedAdminForm):
    """Once a result is published, only the follow-up plan and reopening remain editable."""

    EDITABLE_AFTER_PUBLISHING = ("follow_up_plan",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.published_at is not None:
            for name, field in self.fields.items():
                if name not in self.EDITABLE_AFTER_PUBLISHING:
                    field.disabled = True
                    field.help_text = _("Tidak dapat diubah setelah hasil diterbitkan.")


class SurveyPeriod(AgencyOwned):
    """One survey round of one unit; once published, its result never changes."""

    class Kind(models.TextChoices):
        QUARTER = "triwulan", _("Triwulan")
        SEMESTER = "semester", _("Semester")
        YEAR = "tahun", _("Tahunan")

    unit = models.ForeignKey(
        SurveyUnit,
        verbose_name=_("unit layanan"),
        on_delete=models.PROTECT,
        related_name="periods",
    )
    name = models.CharField(_("nama periode"), max_length=120, help_text=_("Mis. Triwulan I 2026."))
    kind = models.CharField(_("jenis periode"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    is_open = models.BooleanField(
        _("menerima jawaban"),
        default=True,
        help_text=_("Kuesioner tampil untuk umum selama periode berjalan dan pilihan ini aktif."),
    )
    population = models.PositiveIntegerField(
        _("populasi pengguna layanan"),
        null=True,
        blank=True,
        help_text=_("Jumlah pengguna layanan dalam periode, untuk menghitung sampel minimal."),
    )
    follow_up_plan = models.TextField(
        _("rencana tindak lanjut"),
        blank=True,
        help_text=_("Perbaikan yang direncanakan untuk unsur dengan nilai terendah."),
    )

    # The published result, written once by services.publish_period().
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    index = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("mutu"), max_length=1, blank=True)
    label = models.CharField(_("kinerja"), max_length=20, blank=True)
    respondents = models.PositiveIntegerField(_("jumlah responden"), null=True, blank=True)
    formula_version = models.CharField(_("versi rumus"), max_length=60, blank=True)
    # Element key -> NRR as a decimal string (exact, as computed), for the published result.
    element_scores = models.JSONField(_("nilai unsur"), default=dict, blank=True)
    # Profile field -> {choice value: number of respondents}, counted when published.
    respondent_profile = models.JSONField(_("profil responden"), default=dict, blank=True)
    # The newest response counted, so the open data of a period reopened later still matches.
    last_counted_response_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    # No `is_open`: opening and closing are workflow actions (survey/states.py) taken on the
    # period's actions page and audited, never a form checkbox.
    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("population"),
        MultiFieldPanel([FieldPanel("follow_up_plan")], heading=_("Tindak lanjut hasil")),
    ]
    base_form_class = SurveyPeriodAdminForm

    class Meta:
        verbose_name = _("periode survei")
        verbose_name_plural = _("periode survei")
        default_related_name = "survey_periods"
        ordering = ["agency", "unit", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="survey_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.name}" if self.unit_id else self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            errors["unit"] = _("Unit layanan ini milik instansi lain.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def required_sample(self) -> int | None:
        """The Krejcie–Morgan minimum number of respondents, when the population is known."""
        return ikm.sample_size(self.population) if self.population else None

    @property
    def published_element_scores(self) -> dict[str, Decimal]:
        return {key: Decimal(value) for key, value in self.element_scores.items()}


class SurveyResponse(models.Model):
    """One respondent's answers; no name, contact or other personal identifier is kept."""

    class Sex(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class AgeBand(models.TextChoices):
        UP_TO_20 = "sd20", _("20 tahun atau kurang")
        FROM_21 = "21-30", _("21–30 tahun")
        FROM_31 = "31-40", _("31–40 tahun")
        FROM_41 = "41-50", _("41–50 tahun")
        FROM_51 = "51-60", _("51–60 tahun")
        OVER_60 = "60plus", _("Lebih dari 60 tahun")

    class Education(models.TextChoices):
        PRIMARY = "sd", _("SD atau di bawahnya")
        JUNIOR = "smp", _("SMP/sederajat")
        SENIOR = "sma", _("SMA/SMK/sederajat")
        DIPLOMA = "diploma", _("D1–D3")
        BACHELOR = "s1", _("D4/S1")
        POSTGRADUATE = "pascasarjana", _("S2/S3")

    class Occupation(models.TextChoices):
        CIVIL_SERVANT = "asn", _("PNS/ASN")
        MILITARY_POLICE = "tni-polri", _("TNI/Polri")
        PRIVATE = "swasta", _("Pegawai swasta")
        ENTREPRENEUR = "wirausaha", _("Wirausaha")
        STUDENT = "pelajar", _("Pelajar/mahasiswa")
        OTHER = "lainnya", _("Lainnya")

    period = models.ForeignKey(
        SurveyPeriod,
        verbose_name=_("periode"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    # Element key (ikm.ELEMENT_KEYS) -> score 1..4; keys, never positions (docs/domain/skm.md).
    answers = models.JSONField(_("jawaban"))
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    age_band = models.CharField(_("usia"), max_length=10, choices=AgeBand.choices)
    education = models.CharField(_("pendidikan"), max_length=20, choices=Education.choices)
    occupation = models.CharField(_("pekerjaan"), max_length=20, choices=Occupation.choices)
    service_received = models.CharField(_("jenis layanan yang diterima"), max_length=200)
    service_date = models.DateField(_("tanggal menerima layanan"))
    suggestion = models.TextField(_("saran"), blank=True)
    created_at = models.DateTimeField(_("diisi pada"), auto_now_add=True)

    agency_scope = "period__agency"

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["period", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.period} #{self.pk}"


class SurveyInvitation(models.Model):
    """A single-use link to a unit's questionnaire, sent after a service was completed.

    The reference ("permohonan:<id>") says which service triggered it, so one service is not
    invited twice; it holds no personal data. It is cleared when the invitation is used, and
    the response keeps no link to its invitation, so an answer cannot be traced back to the
    person served (docs/decisions/0007-survey-anonymity.md).
    """

    unit = models.ForeignKey(
        SurveyUnit,
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    reference = models.CharField(
        _("rujukan layanan"),
        max_length=80,
        blank=True,
        help_text=_("Mis. permohonan:123. Tanpa data pribadi."),
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    used_at = models.DateTimeField(_("dipakai pada"), null=True, blank=True)

    agency_scope = "unit__agency"

    class Meta:
        verbose_name = _("undangan survei")
        verbose_name_plural = _("undangan survei")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["unit", "reference"], name="survey_invitation_reference")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.reference or self.pk}"

    @property
    def is_used(self) -> bool:
        return self.used_at is not None


class PageFeedback(models.Model):
    """One reader's answer to "Apakah informasi ini membantu?" at the foot of a content page.

    The comment is stored scrubbed of personal-data patterns (lontar/survey/privacy.py); the
    reader is not identified at all. A page belongs to the agency whose site root is its
    ancestor, which is how the admin report scopes it.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    helpful = models.BooleanField(_("membantu"))
    comment = models.TextField(_("komentar"), blank=True)
    created_at = models.DateTimeField(_("dikirim pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik halaman")
        verbose_name_plural = _("umpan balik halaman")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "created_at"], name="page_feedback_page_time")]

    def __str__(self) -> str:
        return f"{self.page_id} · {'ya' if self.helpful else 'tidak'}"
