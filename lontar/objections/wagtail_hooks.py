"""The objection desk in the Wagtail admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.objections import admin_views
from lontar.objections.selectors import may_handle_objections


class ObjectionMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return may_handle_objections(request.user)


@hooks.register("register_admin_menu_item")
def register_objection_menu_item() -> MenuItem:
    return ObjectionMenuItem(
        _("Keberatan"),
        reverse("objections_admin_queue"),
        name="keberatan",
        icon_name="warning",
        order=311,
    )


@hooks.register("register_admin_urls")
def register_objection_admin_urls() -> list:
    prefix = "ppid/keberatan/"
    return [
        path(prefix, admin_views.queue, name="objections_admin_queue"),
        path(f"{prefix}<int:pk>/", admin_views.detail, name="objections_admin_detail"),
        path(f"{prefix}<int:pk>/tanggapan/", admin_views.answer, name="objections_admin_answer"),
        path(f"{prefix}<int:pk>/sengketa/", admin_views.dispute, name="objections_admin_dispute"),
    ]


@hooks.register("construct_homepage_panels")
def add_pending_objections_panel(request: HttpRequest, panels: list) -> None:
    from lontar.objections.dashboard import panels_for

    panels.extend(panels_for(request))
