from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.news import admin_views, dashboard
from lontar.news.models import NewsArticlePage, NewsCategory
from lontar.pages.admin_explorer import explorer_viewset_for


class NewsCategoryViewSet(AgencyScopedSnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Kategori berita")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "agency", "sort_order"]
    list_filter = ["agency"]
    search_fields = ["name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("register_admin_urls")
def register_news_admin_urls():
    return [path("berita/budaya-menulis/", admin_views.dashboard, name="news_culture")]


@hooks.register("register_admin_menu_item")
def register_culture_menu_item():
    return MenuItem(_("Budaya menulis"), reverse("news_culture"), icon_name="edit", order=260)


@hooks.register("construct_homepage_panels")
def add_write_news_panel(request, panels: list) -> None:
    panels[:0] = dashboard.panels_for(request)


@hooks.register("register_admin_viewset")
def register_news_index_explorer():
    """The explorer of a news index, whose children are every article of the agency: bounded
    counts and filters (pages/admin_explorer.py, issue 22)."""
    return explorer_viewset_for(NewsArticlePage, "news_article_pages")
