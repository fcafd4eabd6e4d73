"""Objections (keberatan, UU 14/2008 Pasal 35–36) and the disputes after them (Pasal 37–38)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lontar.agencies.models import Agency
from lontar.objections.states import DisputeOutcome, DisputeStage, Outcome, Status

CASE_SUMMARY_MAX = 4000
ANSWER_MAX = 6000


class ObjectionCounter(models.Model):
    """The last objection number given by an agency in a year; locked while numbering."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="one_objection_counter_per_agency_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class Objection(models.Model):
    """One objection to the Atasan PPID, from receipt to the end of any dispute."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="objections")
    number = models.CharField(_("nomor keberatan"), max_length=80, db_index=True)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    tracking_code_hash = models.CharField(max_length=64)
    # Null only for ground b (periodic information not published), which needs no request.
    information_request = models.ForeignKey(
        "ppid.InformationRequest",
        verbose_name=_("permohonan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objections",
    )
    grounds = models.CharField(_("alasan keberatan"), max_length=20)  # letters, "a,c"
    case_summary = models.TextField(_("kasus posisi"), max_length=CASE_SUMMARY_MAX)
    purpose = models.TextField(_("tujuan penggunaan informasi"), max_length=2000, blank=True)
    received_at = models.DateTimeField(_("diterima"))

    # The objector (or proxy): personal data, never public. Required by the form; blank=True
    # only so that erasure (ppid.services.erase_personal_data) can empty them.
    objector_name = models.CharField(_("nama pengaju keberatan"), max_length=200, blank=True)
    address = models.TextField(_("alamat"), max_length=500, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("surel"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    answer_due = models.DateField(_("batas tanggapan Atasan PPID"))
    skipped_days = models.JSONField(default=list)

    # The Atasan PPID's written answer (register columns h–j).
    outcome = models.CharField(
        _("keputusan Atasan PPID"), max_length=20, blank=True, choices=Outcome.choices
    )
    answer_text = models.TextField(_("tanggapan tertulis"), max_length=ANSWER_MAX, blank=True)
    answered_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    superior_name = models.CharField(_("nama Atasan PPID"), max_length=200, blank=True)
    superior_position = models.CharField(_("jabatan Atasan PPID"), max_length=200, blank=True)
    dispute_outcome = models.CharField(
        _("hasil sengketa"), max_length=30, blank=True, choices=DisputeOutcome.choices
    )

    agency_scope = "agency"

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-received_at"]
        permissions = [("answer_objection", "Menanggapi keberatan (Atasan PPID)")]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "sequence"], name="objection_number_unique_per_year"
            )
        ]
        indexes = [
            models.Index(fields=["agency", "status", "answer_due"]),
            models.Index(fields=["agency", "-received_at"], name="scale_objection_received"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def ground_letters(self) -> list[str]:
        return [letter for letter in self.grounds.split(",") if letter]

    @property
    def ground_labels(self) -> list[str]:
        from lontar.objections.states import Ground

        return [str(Ground(letter).label) for letter in self.ground_letters]


class DisputeStep(models.Model):
    """A stage of the dispute at the Komisi Informasi or in court, as the officers record it."""

    objection = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="dispute_steps")
    stage = models.CharField(_("tahap"), max_length=20, choices=DisputeStage.choices)
    on = models.DateField(_("tanggal"))
    reference = models.CharField(_("nomor register/perkara"), max_length=120, blank=True)
    outcome = models.CharField(
        _("hasil"), max_length=30, blank=True, choices=DisputeOutcome.choices
    )
    note = models.TextField(_("keterangan"), max_length=2000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.objection_id} {self.stage} {self.on}"


class ObjectionReminder(models.Model):
    """A reminder to the Atasan PPID: at most one per objection, kind and day."""

    objection = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12)
    sent_on = models.DateField()
    recipient_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["objection", "kind", "sent_on"], name="one_objection_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.objection_id} {self.kind} {self.sent_on}"
