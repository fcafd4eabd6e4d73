"""The self-assessment page in the Wagtail admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.monev import admin_views


class SelfAssessmentMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.may_assess(request.user)


@hooks.register("register_admin_menu_item")
def register_monev_menu_item() -> MenuItem:
    return SelfAssessmentMenuItem(
        _("Swa-penilaian Monev"),
        reverse("monev_admin_self_assessment"),
        name="monev",
        icon_name="tasks",
        order=316,
    )


@hooks.register("register_admin_urls")
def register_monev_admin_urls() -> list:
    return [
        path("ppid/monev/", admin_views.self_assessment, name="monev_admin_self_assessment"),
    ]
