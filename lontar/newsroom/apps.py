from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "lontar.newsroom"
    label = "newsroom"
    verbose_name = _("Redaksi: ajakan menulis, templat, target")

    def ready(self) -> None:
        # Each app's `prompts.py` registers what in it deserves a story (an ended event, a
        # quarter's realisation, a new regulation ...), so this app imports none of them.
        autodiscover_modules("prompts")
        from lontar.newsroom import signals  # noqa: F401
