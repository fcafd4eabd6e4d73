from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.integrity import admin_views


@hooks.register("register_admin_urls")
def register_integrity_urls():
    return [
        path(
            "laporan/integritas/",
            admin_views.findings_report,
            name=admin_views.FINDINGS_URL_NAME,
        ),
    ]


class IntegrityMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_see_findings(request.user)


@hooks.register("register_reports_menu_item")
def register_integrity_menu_item():
    return IntegrityMenuItem(
        _("Integritas situs"),
        reverse(admin_views.FINDINGS_URL_NAME),
        name="integrity",
        icon_name="warning",
        order=710,
    )
