from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.regulations import admin_views, services
from lontar.regulations.models import DocumentRelation, LegalDocument, Subject


class LegalDocumentViewSet(AgencyScopedSnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Dokumen hukum")
    list_display = ["short_name", "title", "status", "agency", "download_count"]
    list_filter = ["agency", "document_type", "status", "year"]
    search_fields = ["title", "number", "kind"]


class DocumentRelationViewSet(AgencyScopedSnippetViewSet):
    model = DocumentRelation
    icon = "link"
    menu_label = _("Hubungan dokumen")
    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]


class SubjectViewSet(AgencyScopedSnippetViewSet):
    model = Subject
    icon = "tag"
    menu_label = _("Subjek")
    list_display = ["name", "agency"]
    list_filter = ["agency"]


class RegulationsAdminGroup(SnippetViewSetGroup):
    menu_label = _("Regulasi (JDIH)")
    menu_icon = "doc-full"
    menu_order = 320
    items = (LegalDocumentViewSet, DocumentRelationViewSet, SubjectViewSet)


register_snippet(RegulationsAdminGroup)


def _after_save(request, instance) -> None:
    if isinstance(instance, LegalDocument):
        services.update_extracted_text(instance)
        services.refresh_statuses(instance.agency)
    elif isinstance(instance, DocumentRelation):
        services.refresh_statuses(instance.source.agency)


@hooks.register("after_create_snippet")
def after_create(request, instance):
    _after_save(request, instance)


@hooks.register("after_edit_snippet")
def after_edit(request, instance):
    _after_save(request, instance)


@hooks.register("after_delete_snippet")
def after_delete(request, instances):
    from lontar.agencies.models import Agency

    agency_ids = set()
    for instance in instances:
        if isinstance(instance, DocumentRelation):
            agency_ids.add(instance.source.agency_id)
        elif isinstance(instance, LegalDocument):
            agency_ids.add(instance.agency_id)
    for agency in Agency.objects.filter(pk__in=agency_ids):
        services.refresh_statuses(agency)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("regulasi/impor/", admin_views.import_view, name="regulations_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("regulations.add_legaldocument")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Impor regulasi"), reverse("regulations_import"), icon_name="upload", order=321
    )
