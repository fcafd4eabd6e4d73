from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PodcastConfig(AppConfig):
    name = "lontar.podcast"
    label = "podcast"
    verbose_name = _("Podcast")

    def ready(self) -> None:
        from lontar.podcast import search
        from lontar.podcast.selectors import chapters_for_question
        from lontar.qna.related import register_moments

        search.register()
        register_moments(chapters_for_question)
