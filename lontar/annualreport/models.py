"""The annual report on information services (laporan layanan informasi publik) of one year."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lontar.agencies.owned import AgencyOwned

NARRATIVE_MAX = 6000


def _narrative(label, help_text="") -> models.TextField:
    return models.TextField(label, max_length=NARRATIVE_MAX, blank=True, help_text=help_text)


class AnnualReport(AgencyOwned):
    """One agency's report for one year: live figures while a draft, frozen when published."""

    class Status(models.TextChoices):
        DRAFT = "draf", _("Draf")
        PUBLISHED = "terbit", _("Terbit")

    year = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Item a: the general policy on information services.
    facilities = _narrative(_("sarana dan prasarana serta kondisinya"))
    staff = _narrative(_("sumber daya manusia dan kualifikasinya"))
    budget = _narrative(_("anggaran pelayanan informasi dan penggunaannya"))
    # Item b, and a comment to item c.
    overview = _narrative(_("gambaran umum pelaksanaan pelayanan informasi"))
    service_note = _narrative(_("catatan atas rincian pelayanan"))
    # Item d: how the answers to objections and the decisions on disputes were carried out.
    dispute_execution = _narrative(_("pelaksanaan tanggapan keberatan dan putusan sengketa"))
    # Items e and f.
    obstacles_external = _narrative(_("kendala eksternal"))
    obstacles_internal = _narrative(_("kendala internal"))
    recommendations = _narrative(_("rekomendasi dan rencana tindak lanjut"))
    # Frozen at publication: every figure the report states (content.snapshot).
    figures = models.JSONField(default=dict, blank=True, editable=False)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True, editable=False)
    published_on = models.DateField(_("tanggal terbit"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(auto_now=True)
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("laporan layanan informasi publik")
        verbose_name_plural = _("laporan layanan informasi publik")
        default_related_name = "annual_reports"
        ordering = ["-year"]
        permissions = [("publish_annualreport", "Menerbitkan laporan layanan informasi")]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_annual_report_per_year")
        ]

    def __str__(self) -> str:
        return f"Laporan layanan informasi publik {self.year}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def narrative(self) -> dict[str, str]:
        from lontar.annualreport.content import NARRATIVE_FIELDS

        return {name: getattr(self, name) for name in NARRATIVE_FIELDS}
