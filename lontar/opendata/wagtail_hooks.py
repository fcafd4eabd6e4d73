from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lontar.agencies.admin_scoping import (
    AgencyScopedSnippetViewSet,
    ScopedCopyView,
    ScopedEditView,
)
from lontar.core.audit import Actor
from lontar.opendata import admin_views, publication
from lontar.opendata.models import (
    Dataset,
    Group,
    PartnerAgreement,
    PartnerKeyUse,
    Resource,
)


class _AuditedPublicationMixin:
    """Every save of the dataset form goes through `publication.record_saved`, inside the
    view's transaction: publishing or withdrawing is checked and audited, or rolled back.
    (Chosen over the after_create/edit_snippet hooks, which run after the transaction and so
    could neither compare with the stored value nor undo a refused move.)"""

    def save_instance(self):
        before = publication.stored_state(self.form.instance.pk)
        instance = super().save_instance()
        publication.record_saved(instance, before, Actor.from_request(self.request))
        return instance


class DatasetCreateView(_AuditedPublicationMixin, snippet_views.CreateView):
    pass


class DatasetEditView(_AuditedPublicationMixin, ScopedEditView):
    pass


class DatasetCopyView(_AuditedPublicationMixin, ScopedCopyView):
    pass


class DatasetViewSet(AgencyScopedSnippetViewSet):
    model = Dataset
    add_view_class = DatasetCreateView
    edit_view_class = DatasetEditView
    copy_view_class = DatasetCopyView
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
