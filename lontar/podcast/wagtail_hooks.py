"""Podcast shows and episodes in the Wagtail admin, each agency's staff inside their agency."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.podcast.models import Episode, Show


class ShowViewSet(AgencyScopedSnippetViewSet):
    model = Show
    icon = "media"
    menu_label = _("Acara")
    list_display = ["title", "agency"]


class EpisodeViewSet(AgencyScopedSnippetViewSet):
    model = Episode
    icon = "media"
    menu_label = _("Episode")
    list_display = ["title", "show", "published_at", "is_published"]
    list_filter = ["show", "is_published"]
    search_fields = ["title"]


class PodcastAdminGroup(SnippetViewSetGroup):
    menu_label = _("Podcast")
    menu_icon = "media"
    menu_order = 330
    items = (ShowViewSet, EpisodeViewSet)


register_snippet(PodcastAdminGroup)
