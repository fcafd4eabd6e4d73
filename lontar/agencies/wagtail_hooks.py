from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.agencies.models import Agency, StaffProfile, Unit


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


class AgencyAdminGroup(SnippetViewSetGroup):
    menu_label = _("Instansi")
    menu_icon = "site"
    menu_order = 300
    items = (AgencyViewSet, UnitViewSet, StaffProfileViewSet)


register_snippet(AgencyAdminGroup)
