from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "lontar.opendata"
    label = "opendata"
    verbose_name = _("Data terbuka")

    def ready(self) -> None:
        from lontar.opendata.search import register

        register()
