from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class MonevConfig(AppConfig):
    name = "lontar.monev"
    label = "monev"
    verbose_name = _("Swa-penilaian Monev keterbukaan informasi")

    def ready(self) -> None:
        # Each app's `monev.py` registers the checks of the items it serves (registry.py);
        # this app imports none of them.
        autodiscover_modules("monev")
        from lontar.monev import checks  # noqa: F401  the items of core and agencies
