"""The DIP, DIK and urgent-notice desk in the Wagtail admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.infolist import admin_views
from lontar.infolist.models import ExemptInfo, InfoItem, ServiceStandard, UrgentNotice


class InfoItemViewSet(AgencyScopedSnippetViewSet):
    model = InfoItem
    icon = "list-ul"
    menu_label = _("DIP")
    menu_order = 312
    add_to_admin_menu = True
    list_display = ["summary", "category", "holder", "last_updated", "next_review"]
    list_filter = ["category"]
    search_fields = ["summary", "holder"]


class ExemptInfoViewSet(AgencyScopedSnippetViewSet):
    model = ExemptInfo
    icon = "lock"
    menu_label = _("DIK")
    menu_order = 313
    add_to_admin_menu = True
    list_display = ["description", "ground", "decision_number", "exempt_until"]


class UrgentNoticeViewSet(AgencyScopedSnippetViewSet):
    model = UrgentNotice
    icon = "warning"
    menu_label = _("Pengumuman serta merta")
    menu_order = 314
    add_to_admin_menu = True
    list_display = ["title", "status", "published_at", "ends_at"]


class ServiceStandardViewSet(AgencyScopedSnippetViewSet):
    model = ServiceStandard
    icon = "doc-full"
    menu_label = _("Maklumat dan SOP")
    menu_order = 315
    add_to_admin_menu = True
    list_display = ["title", "kind", "is_published", "published_at"]
    list_filter = ["kind"]


register_snippet(InfoItemViewSet)
register_snippet(ServiceStandardViewSet)
register_snippet(ExemptInfoViewSet)
register_snippet(UrgentNoticeViewSet)


@hooks.register("register_admin_urls")
def register_infolist_admin_urls() -> list:
    return [
        path("ppid/dip/sumber/", admin_views.sources, name="infolist_admin_sources"),
        path(
            "ppid/serta-merta/<int:pk>/",
            admin_views.notice_actions,
            name="infolist_admin_notice",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_stale_information_panel(request: HttpRequest, panels: list) -> None:
    from lontar.infolist.dashboard import panels_for

    panels.extend(panels_for(request))
