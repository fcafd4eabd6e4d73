from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ProvinceConfig(AppConfig):
    name = "lontar.province"
    label = "province"
    verbose_name = _("Provinsi")

    def ready(self) -> None:
        # Each app plugs its figures and its province-wide items in through its own
        # `province.py` (like `opendata.py`), so this app never imports them.
        autodiscover_modules("province")
