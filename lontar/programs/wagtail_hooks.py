from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.programs.models import DocumentReminderSettings, Event, PlanningDocument, Program


class ProgramViewSet(AgencyScopedSnippetViewSet):
    model = Program
    icon = "list-ul"
    menu_label = _("Program dan kegiatan")
    list_display = ["code", "name", "year", "level", "status", "agency"]
    list_filter = ["agency", "year", "level", "status"]
    search_fields = ["name", "code"]


class EventViewSet(AgencyScopedSnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Agenda")
    list_display = ["title", "starts_at", "category", "agency"]
    list_filter = ["agency", "category"]
    search_fields = ["title", "place"]


class PlanningDocumentViewSet(AgencyScopedSnippetViewSet):
    model = PlanningDocument
    icon = "doc-full"
    menu_label = _("Dokumen perencanaan")
    list_display = ["title", "kind", "year", "agency"]
    list_filter = ["agency", "kind", "year"]


class ReminderSettingsViewSet(AgencyScopedSnippetViewSet):
    model = DocumentReminderSettings
    icon = "warning"
    menu_label = _("Pengingat dokumen")
    list_display = ["agency", "remind_from_month"]


class ProgramsAdminGroup(SnippetViewSetGroup):
    menu_label = _("Program dan agenda")
    menu_icon = "list-ul"
    menu_order = 330
    items = (ProgramViewSet, EventViewSet, PlanningDocumentViewSet, ReminderSettingsViewSet)


register_snippet(ProgramsAdminGroup)
