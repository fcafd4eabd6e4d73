from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """When a periodic job of the worker last started and finished."""

    name = models.CharField(_("nama"), max_length=200, unique=True)
    last_started_at = models.DateTimeField(_("terakhir dimulai"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("terakhir selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("tugas terjadwal")
        verbose_name_plural = _("tugas terjadwal")

    def __str__(self) -> str:
        return self.name
