from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet, user_may_manage
from lontar.agencies.models import (
    Agency,
    AgencyCalendarSettings,
    StaffProfile,
    Unit,
    WorkingDayOverride,
)


class AgencyViewSet(AgencyScopedSnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Profil instansi")
    list_display = ["name", "short_name", "kind", "site"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    add_to_admin_menu = False


class UnitViewSet(AgencyScopedSnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Unit kerja")
    list_display = ["name", "kind", "agency", "sort_order"]
    list_filter = ["agency", "kind"]
    search_fields = ["name"]


class StaffProfileViewSet(AgencyScopedSnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("Staf")
    list_display = ["display_name", "position", "unit", "agency"]
    list_filter = ["agency"]


class WorkingDayOverrideViewSet(AgencyScopedSnippetViewSet):
    model = WorkingDayOverride
    icon = "date"
    menu_label = _("Koreksi hari kerja")
    list_display = ["day", "kind", "reason", "agency"]
    list_filter = ["agency", "kind"]


class AgencyCalendarSettingsViewSet(AgencyScopedSnippetViewSet):
    model = AgencyCalendarSettings
    icon = "date"
    menu_label = _("Pengaturan kalender")
    list_display = ["agency", "cuti_bersama_is_working_day"]


class AgencyAdminGroup(SnippetViewSetGroup):
    menu_label = _("Instansi")
    menu_icon = "site"
    menu_order = 300
    items = (
        AgencyViewSet,
        UnitViewSet,
        StaffProfileViewSet,
        WorkingDayOverrideViewSet,
        AgencyCalendarSettingsViewSet,
    )


register_snippet(AgencyAdminGroup)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_outside_own_agency(request, action_type, objects, action_class_instance):
    """Wagtail's bulk actions check model permissions only; keep them inside the agency too."""
    if request.user.is_superuser:
        return None
    for obj in objects:
        if hasattr(type(obj), "agency_scope") or hasattr(obj, "agency_id"):
            scope = getattr(type(obj), "agency_scope", "agency")
            if not user_may_manage(request.user, obj, scope):
                raise PermissionDenied
    return None


@hooks.register("before_delete_page")
def refuse_deleting_an_agency_site_root(request, page):
    """Deleting a home page would delete the agency's Site and leave its host name orphaned."""
    if not request.user.is_superuser and Site.objects.filter(root_page=page).exists():
        raise PermissionDenied
    return None
