"""What an import has done, so a second run creates nothing twice and an interrupted one resumes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ImportedItem(models.Model):
    """One WordPress record already carried into an agency (its id there, its object here).

    Written in the same transaction as the object it names: a record is either imported with its
    row here or not at all, so a run stopped halfway resumes at the first record without one.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("penulis")
        CATEGORY = "category", _("kategori")
        TAG = "tag", _("tag")
        IMAGE = "image", _("gambar")
        DOCUMENT = "document", _("dokumen")
        PAGE = "page", _("halaman")
        POST = "post", _("berita")

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="wordpress_items"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The WordPress id (post id, term id) or, for authors, the login.
    key = models.CharField(max_length=200)
    object_id = models.PositiveIntegerField(null=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rekaman WordPress yang diimpor")
        verbose_name_plural = _("rekaman WordPress yang diimpor")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "key"], name="wordpress_item_once_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class ImportRun(models.Model):
    """An export file uploaded by a platform admin for one agency: checked, then run."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("sedang diperiksa")
        CHECKED = "checked", _("diperiksa (uji coba)")
        QUEUED = "queued", _("menunggu giliran")
        RUNNING = "running", _("berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="wordpress_runs"
    )
    # Private storage under a server-made name: the export holds authors' e-mail addresses.
    file = models.FileField(storage=private_storage, upload_to="wordpress/", max_length=200)
    original_name = models.CharField(max_length=150)
    fetch_media = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CHECKING)
    dry_run_report = models.JSONField(default=dict)
    report = models.JSONField(default=dict)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("impor WordPress")
        verbose_name_plural = _("impor WordPress")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency_id}:{self.original_name}"
