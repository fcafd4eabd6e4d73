from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.wordpress import admin_views


@hooks.register("register_admin_urls")
def register_wordpress_urls():
    return [
        path("impor-wordpress/", admin_views.imports, name=admin_views.LIST_URL_NAME),
        path(
            "impor-wordpress/<int:pk>/",
            admin_views.import_detail,
            name=admin_views.DETAIL_URL_NAME,
        ),
    ]


class WordpressMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_import(request.user)


@hooks.register("register_settings_menu_item")
def register_wordpress_menu_item():
    return WordpressMenuItem(
        _("Impor WordPress"),
        reverse(admin_views.LIST_URL_NAME),
        name="wordpress-import",
        icon_name="download",
        order=900,
    )
