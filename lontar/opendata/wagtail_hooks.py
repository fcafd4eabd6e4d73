from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.opendata import admin_views
from lontar.opendata.models import (
    Dataset,
    Group,
    PartnerAgreement,
    PartnerKeyUse,
    Resource,
)


class DatasetViewSet(AgencyScopedSnippetViewSet):
    model = Dataset
    icon = "table"
    menu_label = _("Dataset")
    list_display = ["title", "agency", "visibility", "frequency", "updated_at"]
    list_filter = ["agency", "visibility", "frequency"]
    search_fields = ["title", "description", "tags"]


class ResourceViewSet(AgencyScopedSnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Sumber data")
    list_display = ["name", "dataset", "format", "generator", "download_count"]
    list_filter = ["format"]


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "folder-open-1"
    menu_label = _("Kelompok data")
    list_display = ["title", "name"]


class PartnerAgreementViewSet(AgencyScopedSnippetViewSet):
    model = PartnerAgreement
    icon = "key"
    menu_label = _("Perjanjian mitra")
    list_display = ["partner_name", "agency", "starts_on", "ends_on", "revoked_at"]
    list_filter = ["agency"]


class PartnerKeyUseViewSet(AgencyScopedSnippetViewSet):
    """The usage report: every use of every key, filterable per partner."""

    model = PartnerKeyUse
    icon = "list-ul"
    menu_label = _("Penggunaan kunci mitra")
    list_display = ["at", "key", "path", "dataset", "allowed"]
    list_filter = ["allowed", "key__agreement"]


class OpendataAdminGroup(SnippetViewSetGroup):
    menu_label = _("Data terbuka")
    menu_icon = "table"
    menu_order = 340
    items = (
        DatasetViewSet,
        ResourceViewSet,
        GroupViewSet,
        PartnerAgreementViewSet,
        PartnerKeyUseViewSet,
    )


register_snippet(OpendataAdminGroup)


@hooks.register("register_admin_urls")
def register_partner_urls():
    return [
        path(
            "data-terbuka/perjanjian/<int:pk>/kunci/",
            admin_views.agreement_keys,
            name="opendata_agreement_keys",
        ),
        path("data-terbuka/penggunaan/", admin_views.usage_report, name="opendata_usage"),
    ]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_usage_menu_item():
    return UsageMenuItem(
        _("Laporan kunci mitra"), reverse("opendata_usage"), icon_name="key", order=341
    )
