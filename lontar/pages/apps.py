from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "lontar.pages"
    label = "pages"
    verbose_name = _("Halaman")

    def ready(self) -> None:
        from lontar.pages import signals

        signals.connect()
