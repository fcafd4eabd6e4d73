"""The newsroom on the admin home: prompts waiting for the writer's unit, and "Tulis berita"
with the agency's article templates."""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.components import Component

from lontar.agencies.selectors import agency_of_user
from lontar.news.models import NewsArticlePage
from lontar.news.selectors import news_index_for
from lontar.newsroom import services
from lontar.newsroom.models import ArticleTemplate

PANEL_PROMPTS = 5


class NewsroomPanel(Component):
    name = "newsroom"
    order = 9
    template_name = "newsroom/admin/home_panel.html"

    def __init__(self, context: dict) -> None:
        self.context = context

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return self.context


def panels_for(request: HttpRequest) -> list[Component]:
    agency = agency_of_user(request.user)
    index = news_index_for(agency)
    if agency is None or index is None:
        return []
    if not index.permissions_for_user(request.user).can_add_subpage():
        return []
    waiting = list(services.waiting_for(agency, request.user)[:PANEL_PROMPTS])
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=(NewsArticlePage._meta.app_label, NewsArticlePage._meta.model_name, index.pk),
    )
    return [
        NewsroomPanel(
            {
                # A component renders without the request: its forms need the token passed in.
                "csrf_token": get_token(request),
                "prompts": waiting,
                "templates": list(ArticleTemplate.objects.filter(agency=agency)),
                "add_url": add_url,
                "prompts_url": reverse("newsroom_prompts"),
                "culture_url": reverse("news_culture"),
                "dashboard_url": reverse("newsroom_dashboard"),
                "preference_url": reverse("newsroom_preference"),
            }
        )
    ]
