from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "lontar.news"
    label = "news"
    verbose_name = _("Berita")

    def ready(self) -> None:
        from lontar.news import search, tallies

        search.register()
        tallies.connect()
