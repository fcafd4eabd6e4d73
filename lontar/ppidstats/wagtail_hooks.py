"""The provincial statistics in the Wagtail admin, for the PPID Utama and the platform."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.ppidstats import admin_views
from lontar.ppidstats.province import provinces_for


class ProvinceMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(provinces_for(request.user))


@hooks.register("register_admin_menu_item")
def register_province_menu_item() -> MenuItem:
    return ProvinceMenuItem(
        _("Statistik se-provinsi"),
        reverse("ppidstats_admin_province"),
        name="statistik-provinsi",
        icon_name="table",
        order=316,
    )


@hooks.register("register_admin_urls")
def register_province_urls() -> list:
    return [
        path(
            "ppid/statistik-provinsi/",
            admin_views.province_view,
            name="ppidstats_admin_province",
        ),
        path(
            "ppid/statistik-provinsi.csv",
            admin_views.province_csv,
            name="ppidstats_admin_province_csv",
        ),
    ]
