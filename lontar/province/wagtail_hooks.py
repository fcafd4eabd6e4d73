"""The compliance dashboard in the PPID Utama's admin menu."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.province import views


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return views.may_view(request.user)


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item() -> MenuItem:
    return ComplianceMenuItem(
        _("Kepatuhan se-provinsi"),
        reverse("province_compliance"),
        name="kepatuhan-provinsi",
        icon_name="table",
        order=312,
    )


@hooks.register("register_admin_urls")
def register_compliance_urls() -> list:
    return [
        path("provinsi/kepatuhan/", views.compliance, name="province_compliance"),
        path("provinsi/kepatuhan.csv", views.compliance_csv, name="province_compliance_csv"),
    ]
