from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "lontar.programs"
    label = "programs"
    verbose_name = _("Program dan kegiatan")

    def ready(self) -> None:
        from lontar.programs.search import register

        register()
