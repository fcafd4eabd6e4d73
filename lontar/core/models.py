from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """One periodic job of the worker: when it is due, who holds it, how it last ended.

    A worker runs the job only while it holds the lease (`lease_owner` until `lease_expires_at`)
    and renews it while the job runs; a crashed worker's lease lapses and another takes over.
    `core/schedule.py` is the only writer.
    """

    name = models.CharField(_("nama"), max_length=200, unique=True)
    last_started_at = models.DateTimeField(_("terakhir dimulai"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("terakhir selesai"), null=True, blank=True)
    next_run_at = models.DateTimeField(_("jadwal berikutnya"), null=True, blank=True)
    lease_owner = models.CharField(_("dijalankan oleh"), max_length=200, blank=True)
    lease_expires_at = models.DateTimeField(_("sewa berakhir"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tanda hidup terakhir"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("gagal berturut-turut"), default=0)
    last_failed_at = models.DateTimeField(_("terakhir gagal"), null=True, blank=True)
    # Exception type, redacted message and stack frames without local values (schedule.py).
    last_error = models.TextField(_("galat terakhir"), blank=True)

    class Meta:
        verbose_name = _("tugas terjadwal")
        verbose_name_plural = _("tugas terjadwal")

    def __str__(self) -> str:
        return self.name


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValueError("Audit events are append-only.")

    def delete(self):
        raise ValueError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One audited write outside the PPID request record: append-only (`core/audit.py`)."""

    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("pelaku"),
    )
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    object_type = models.CharField(_("jenis data"), max_length=100)
    object_id = models.CharField(_("id data"), max_length=40)
    object_repr = models.CharField(_("data"), max_length=200)
    action = models.CharField(_("tindakan"), max_length=40)
    from_state = models.CharField(_("dari status"), max_length=30, blank=True)
    to_state = models.CharField(_("ke status"), max_length=30, blank=True)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="core_audit_object"),
            models.Index(fields=["agency", "at"], name="core_audit_agency_at"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")


class OutboxMessage(models.Model):
    """One e-mail to send, written in the same transaction as what it tells about (0015).

    `core/outbox.py` writes and delivers these rows; the worker retries with backoff. `payload`
    holds the whole message (recipients, text, attachments) and is personal data: it is blanked
    some days after delivery, and deleted with the record it is `about` when that is erased.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu")
        SENT = "sent", _("terkirim")
        FAILED = "failed", _("gagal")

    key = models.CharField(_("kunci"), max_length=200, unique=True)
    about = models.CharField(_("tentang"), max_length=100, blank=True, db_index=True)
    payload = models.JSONField(_("isi"), default=dict, blank=True)
    recipient_count = models.PositiveIntegerField(_("jumlah penerima"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), default=timezone.now)
    last_error = models.CharField(_("galat terakhir"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("surel keluar")
        verbose_name_plural = _("surel keluar")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due"),
        ]

    def __str__(self) -> str:
        return self.key


class SubmissionKey(models.Model):
    """The idempotency key of one citizen submission (`lontar.core.idempotency`).

    Written in the same transaction as the record it names, so a repeated or racing POST with
    the same key finds it (or trips over the unique constraint) and creates nothing.
    """

    scope = models.CharField(_("jenis kiriman"), max_length=40)
    key = models.CharField(_("kunci"), max_length=64)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_type = models.CharField(_("jenis data"), max_length=100, blank=True)
    object_id = models.CharField(_("id data"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kunci kiriman")
        verbose_name_plural = _("kunci kiriman")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="core_submission_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key[:8]}"


class SitemapTally(models.Model):
    """The pages of one agency's sitemap section (issue 22): where each starts, how many URLs
    it lists and its newest lastmod, so the sitemap index and a section page read one row
    instead of counting the section. Rewritten by `lontar.core.sitemap_tallies` when the
    section's content changes; a missing row (or one made for another page size) is recounted
    on the next request.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    section = models.CharField(_("bagian"), max_length=40)
    page_size = models.PositiveIntegerField(_("URL per halaman"))
    # [[first primary key, URLs, lastmod in ISO 8601 or null], ...], one item per page
    pages = models.JSONField(_("halaman"), default=list)

    class Meta:
        verbose_name = _("ringkasan peta situs")
        verbose_name_plural = _("ringkasan peta situs")
        constraints = [
            models.UniqueConstraint(fields=["agency", "section"], name="core_sitemap_tally_once")
        ]

    def __str__(self) -> str:
        return self.section


class ListCount(models.Model):
    """How many entries a long public list holds (issue 22), so its pagination does not count
    200,000 rows per request. Kept by `lontar.core.bookmarks`; a missing row means "count"."""

    list_key = models.CharField(_("daftar"), max_length=80, unique=True)
    entries = models.PositiveIntegerField(_("jumlah entri"))

    class Meta:
        verbose_name = _("jumlah entri daftar")
        verbose_name_plural = _("jumlah entri daftar")

    def __str__(self) -> str:
        return f"{self.list_key}: {self.entries}"


class ListBookmark(models.Model):
    """The sort key of the entry at `position` (0-based) of a long public list: a deep page
    starts from the bookmark before it instead of skipping every earlier entry (issue 22).
    Kept by `lontar.core.bookmarks`."""

    list_key = models.CharField(_("daftar"), max_length=80)
    position = models.PositiveIntegerField(_("posisi"))
    key = models.JSONField(_("kunci urutan"))  # the order's values, ISO 8601 for dates

    class Meta:
        verbose_name = _("penanda daftar")
        verbose_name_plural = _("penanda daftar")
        indexes = [models.Index(fields=["list_key", "position"], name="scale_list_bookmark")]

    def __str__(self) -> str:
        return f"{self.list_key}@{self.position}"
