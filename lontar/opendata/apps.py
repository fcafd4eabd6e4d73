from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "lontar.opendata"
    label = "opendata"
    verbose_name = _("Data terbuka")

    def ready(self) -> None:
        from lontar.opendata.search import register

        register()
        # Every app's `opendata.py` (this app's own too) registers its live datasets and
        # content-API sources, so open data itself imports no other domain app (decision 0011).
        # Imported in INSTALLED_APPS order, which is the order the admin and /api/v1/ list them.
        autodiscover_modules("opendata")
