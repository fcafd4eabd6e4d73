from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    name = "lontar.ppid"
    label = "ppid"
    verbose_name = _("Layanan informasi (PPID)")
