from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.newsroom import admin_views, panels
from lontar.newsroom.models import ArticleTemplate, UnitDesk


class ArticleTemplateViewSet(AgencyScopedSnippetViewSet):
    model = ArticleTemplate
    icon = "doc-empty"
    menu_label = _("Templat berita")
    list_display = ["name", "slug", "category", "agency"]
    list_filter = ["agency"]


class UnitDeskViewSet(AgencyScopedSnippetViewSet):
    model = UnitDesk
    icon = "target"
    menu_label = _("Target menulis unit")
    list_display = ["unit", "monthly_target", "head"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = _("Redaksi")
    menu_icon = "edit"
    menu_order = 255
    items = (ArticleTemplateViewSet, UnitDeskViewSet)


register_snippet(NewsroomGroup)


@hooks.register("register_admin_urls")
def register_newsroom_admin_urls():
    return [
        path("redaksi/ajakan/", admin_views.prompts, name="newsroom_prompts"),
        path(
            "redaksi/ajakan/<int:pk>/tulis/", admin_views.prompt_draft, name="newsroom_prompt_draft"
        ),
        path(
            "redaksi/ajakan/<int:pk>/abaikan/",
            admin_views.prompt_dismiss,
            name="newsroom_prompt_dismiss",
        ),
        path(
            "redaksi/templat/<int:pk>/tulis/",
            admin_views.template_draft,
            name="newsroom_template_draft",
        ),
        path("redaksi/periksa/<int:page_id>/", admin_views.checklist, name="newsroom_checklist"),
        path("redaksi/capaian/", admin_views.dashboard, name="newsroom_dashboard"),
        path("redaksi/preferensi/", admin_views.preference, name="newsroom_preference"),
    ]


@hooks.register("register_admin_menu_item")
def register_targets_menu_item():
    return MenuItem(_("Target menulis"), reverse("newsroom_dashboard"), icon_name="pick", order=261)


@hooks.register("construct_homepage_panels", order=100)
def add_newsroom_panels(request, panels_list: list) -> None:
    """After the news app's own panel: the prompts and the templates take its place."""
    found = panels.panels_for(request)
    if not found:
        return
    panels_list[:] = [p for p in panels_list if getattr(p, "name", "") != "news_write"]
    panels_list[:0] = found


@hooks.register("insert_editor_js")
def checklist_script() -> str:
    # The checklist is drawn by the server (the rules are Python); the script only fetches
    # the fragment for the page being edited and puts it beside the form.
    return format_html(
        '<script src="{}" data-checklist-url="{}" defer></script>',
        static("newsroom/checklist.js"),
        reverse("newsroom_checklist", args=[0]),
    )
