from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QnaConfig(AppConfig):
    name = "lontar.qna"
    label = "qna"
    verbose_name = _("Tanya jawab")

    def ready(self) -> None:
        from lontar.qna import lists, search

        search.register()
        lists.connect()  # the published questions' stored count and bookmarks (issue 22)
