from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulationsConfig(AppConfig):
    name = "lontar.regulations"
    label = "regulations"
    verbose_name = _("Regulasi")

    def ready(self) -> None:
        from lontar.regulations import lists
        from lontar.regulations.search import register

        register()
        lists.connect()  # the published documents' stored count and bookmarks (issue 22)
