from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class InfolistConfig(AppConfig):
    name = "lontar.infolist"
    label = "infolist"
    verbose_name = _("Daftar informasi publik (DIP/DIK)")

    def ready(self) -> None:
        # Every app's `infolist.py` registers what it already publishes, so the DIP lists it
        # by itself and this app imports none of them (the same pattern as `opendata.py`).
        autodiscover_modules("infolist")
        from lontar.infolist import feeds  # noqa: F401  (serta merta notices in the news feeds)
