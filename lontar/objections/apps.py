from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectionsConfig(AppConfig):
    name = "lontar.objections"
    label = "objections"
    verbose_name = _("Keberatan dan sengketa informasi")

    def ready(self) -> None:
        from lontar.objections import lists

        lists.connect()  # the register's stored count and bookmarks (issue 22)
