from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidstatsConfig(AppConfig):
    name = "lontar.ppidstats"
    label = "ppidstats"
    verbose_name = _("Statistik layanan informasi")
