"""The writer's way in on the admin dashboard: one "Tulis berita" button (issue 17).

Before it, writing an article meant Halaman → Berita → ⋯ → Tambahkan halaman turunan.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from lontar.agencies.selectors import agency_of_user
from lontar.news.models import NewsArticlePage
from lontar.news.selectors import news_index_for


class WriteNewsPanel(Component):
    name = "news_write"
    order = 10
    template_name = "news/admin/write_panel.html"

    def __init__(self, add_url: str, culture_url: str) -> None:
        self.add_url = add_url
        self.culture_url = culture_url

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {"add_url": self.add_url, "culture_url": self.culture_url}


def panels_for(request: HttpRequest) -> list[Component]:
    index = news_index_for(agency_of_user(request.user))
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        return []
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=(NewsArticlePage._meta.app_label, NewsArticlePage._meta.model_name, index.pk),
    )
    return [WriteNewsPanel(add_url, reverse("news_culture"))]
