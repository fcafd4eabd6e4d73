from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    name = "lontar.wordpress"
    label = "wordpress"
    verbose_name = _("Pindah dari dan ke WordPress")
