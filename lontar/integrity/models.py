"""What the integrity scan found: one row per problem, open until a later scan no longer sees it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Finding(models.Model):
    class Kind(models.TextChoices):
        KEYWORD = "keyword", _("Kata judi/deface")
        HIDDEN_LINK = "hidden_link", _("Tautan tersembunyi")
        REDIRECT = "redirect", _("Pengalihan mencurigakan")
        EXTERNAL_REDIRECT = "external_redirect", _("Pengalihan ke situs luar")
        UNPUBLISHED_REACHABLE = "unpublished_reachable", _("Halaman belum terbit dapat dibuka")
        CLOAKING = "cloaking", _("Isi berbeda untuk mesin pencari")
        CODE_EXTRA = "code_extra", _("Berkas kode tambahan")
        CODE_CHANGED = "code_changed", _("Berkas kode berubah")
        CODE_MISSING = "code_missing", _("Berkas kode hilang")
        MANIFEST = "manifest", _("Manifes kode tidak ada atau tidak sah")

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Kosong untuk temuan seluruh platform (kode, templat)."),
    )
    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices)
    object_type = models.CharField(_("jenis objek"), max_length=60)
    object_id = models.CharField(_("ID objek"), max_length=255, blank=True)
    object_repr = models.CharField(_("objek"), max_length=255)
    location = models.CharField(_("lokasi"), max_length=500, blank=True)
    snippet = models.TextField(_("cuplikan"), blank=True)
    fingerprint = models.CharField(_("sidik"), max_length=64)
    found_at = models.DateTimeField(_("ditemukan"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("terakhir terlihat"))
    resolved_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("temuan integritas")
        verbose_name_plural = _("temuan integritas")
        default_related_name = "integrity_findings"
        ordering = ("-found_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=models.Q(resolved_at__isnull=True),
                name="integrity_one_open_finding_per_fingerprint",
            )
        ]
        indexes = [models.Index(fields=["agency", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.object_repr}"
