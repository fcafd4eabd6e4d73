import functools

from django.core.exceptions import PermissionDenied
from django.http import Http404
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
from lontar.agencies.selectors import agency_of_user, in_agency_trees


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
    """Deleting a home page would delete the agency's Site and leave its host name orphaned;
    deleting its English translation would take the agency's English tree and its rights."""
    if not request.user.is_superuser and (
        Site.objects.filter(root_page__translation_key=page.translation_key).exists()
        and page.depth <= 2
    ):
        raise PermissionDenied
    return None


# Wagtail's site history lists every log entry of every model the user holds a permission on,
# and the page-types report names the last edited page of every site: both cross agencies.
# Filtering them per agency would mean re-implementing them, so they stay with platform admins.
PLATFORM_ONLY_REPORTS = {
    "site_history": "site-history",
    "site_history_results": None,
    "page_types_usage": "page-types-usage",
    "page_types_usage_results": None,
}


def _platform_admins_only(view):
    @functools.wraps(view)
    def restricted(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    restricted.platform_admins_only = True
    return restricted


@hooks.register("register_admin_urls")
def keep_cross_agency_reports_for_platform_admins():
    """Wrap Wagtail's own report URLs in place; they are included before any hook's URLs."""
    from wagtail.admin.urls import reports

    for pattern in reports.urlpatterns:
        if pattern.name in PLATFORM_ONLY_REPORTS and not getattr(
            pattern.callback, "platform_admins_only", False
        ):
            pattern.callback = _platform_admins_only(pattern.callback)
    return []


@hooks.register("construct_reports_menu")
def hide_cross_agency_reports(request, menu_items):
    if not request.user.is_superuser:
        hidden = {name for name in PLATFORM_ONLY_REPORTS.values() if name}
        menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("construct_page_chooser_queryset")
def offer_only_own_agency_pages(pages, request):
    """The page chooser browses and searches every site's tree; keep it to the user's own."""
    if request.user.is_superuser:
        return pages
    agency = agency_of_user(request.user)
    if agency is None or agency.site is None:
        return pages.none()
    return pages.filter(in_agency_trees(agency))


def _collection_scoped(endpoint_class, policy):
    """An admin API endpoint listing only media in collections the user may choose from."""

    class CollectionScopedEndpoint(endpoint_class):
        def get_queryset(self):
            queryset = super().get_queryset()
            if self.request.user.is_superuser:
                return queryset
            allowed = policy.instances_user_has_any_permission_for(
                self.request.user, ["choose", "change", "delete"]
            )
            return queryset.filter(pk__in=allowed.values("pk"))

    CollectionScopedEndpoint.__name__ = f"CollectionScoped{endpoint_class.__name__}"
    return CollectionScopedEndpoint


@hooks.register("construct_admin_api", order=100)
def scope_admin_media_api(router):
    """Wagtail's admin API lists every document and image of every collection to any staff."""
    from wagtail.documents import get_document_model
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images import get_image_model
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
    from wagtail.permissions import policy_registry

    document_policy = policy_registry.get_by_type(get_document_model())
    image_policy = policy_registry.get_by_type(get_image_model())

    router.register_endpoint(
        "documents", _collection_scoped(DocumentsAdminAPIViewSet, document_policy)
    )
    router.register_endpoint("images", _collection_scoped(ImagesAdminAPIViewSet, image_policy))


PAGE_ID_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")


def page_in_own_tree(user, page_id) -> bool:
    from wagtail.models import Page

    if user.is_superuser:
        return True
    agency = agency_of_user(user)
    if agency is None or agency.site is None:
        return False
    try:
        return Page.objects.filter(in_agency_trees(agency), pk=int(page_id)).exists()
    except (TypeError, ValueError):
        return False


def _own_tree_only(view):
    @functools.wraps(view)
    def scoped(request, *args, **kwargs):
        for name in PAGE_ID_ARGUMENTS:
            if name in kwargs and not page_in_own_tree(request.user, kwargs[name]):
                raise Http404
        return view(request, *args, **kwargs)

    scoped.own_tree_only = True
    return scoped


@hooks.register("register_admin_urls")
def keep_page_actions_inside_own_tree():
    """Every page action URL (edit, preview, history, revisions, compare, move, copy, workflow,
    usage…) naming a page outside the user's agency's tree answers 404, like snippets do.
    Wagtail's own permission checks still run for pages inside the tree."""
    from wagtail.admin.urls import pages

    for pattern in pages.urlpatterns:
        if not getattr(pattern.callback, "own_tree_only", False):
            pattern.callback = _own_tree_only(pattern.callback)
    return []


@hooks.register("register_admin_urls")
def keep_translation_inside_own_tree():
    """Wagtail's "Translate" (simple_translation) checks one model permission, then copies any
    page: the same URL, answered first here, 404s for a page outside the user's trees."""
    from django.urls import path
    from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

    return [
        path(
            "translation/submit/page/<int:page_id>/",
            _own_tree_only(SubmitPageTranslationView.as_view()),
            name="lontar_submit_page_translation",
        )
    ]


@hooks.register("register_admin_urls")
def register_onboarding_urls():
    from django.urls import path

    from lontar.agencies import admin_lifecycle, admin_onboarding, admin_staff, admin_theme

    return [
        path("instansi/baru/", admin_onboarding.onboard, name=admin_onboarding.URL_NAME),
        path("instansi/kelola/", admin_lifecycle.agency_list, name=admin_lifecycle.LIST_URL),
        path(
            "instansi/<int:pk>/ubah-nama/",
            admin_lifecycle.rename,
            name=admin_lifecycle.RENAME_URL,
        ),
        path("instansi/<int:pk>/pensiun/", admin_lifecycle.retire, name=admin_lifecycle.RETIRE_URL),
        path("instansi/tampilan/", admin_theme.edit_theme, name=admin_theme.URL_NAME),
        path("staf-instansi/", admin_staff.staff_list, name=admin_staff.LIST_URL),
        path("staf-instansi/undang/", admin_staff.staff_invite, name=admin_staff.INVITE_URL),
        path(
            "staf-instansi/<int:user_id>/",
            admin_staff.staff_detail,
            name=admin_staff.DETAIL_URL,
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_onboarding_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from lontar.agencies import admin_onboarding

    class OnboardingMenuItem(MenuItem):
        def is_shown(self, request) -> bool:
            return admin_onboarding.may_onboard(request.user)

    return OnboardingMenuItem(
        _("Tambah instansi"),
        reverse(admin_onboarding.URL_NAME),
        name="onboard-agency",
        icon_name="site",
        order=150,
    )


@hooks.register("register_settings_menu_item")
def register_agency_management_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from lontar.agencies import admin_lifecycle, admin_onboarding

    class ManageMenuItem(MenuItem):
        def is_shown(self, request) -> bool:
            return admin_onboarding.may_onboard(request.user)

    return ManageMenuItem(
        _("Kelola instansi"),
        reverse(admin_lifecycle.LIST_URL),
        name="manage-agencies",
        icon_name="site",
        order=151,
    )


@hooks.register("register_settings_menu_item")
def register_theme_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from lontar.agencies import admin_theme

    class ThemeMenuItem(MenuItem):
        def is_shown(self, request) -> bool:
            return admin_theme.may_theme(request.user) and not request.user.is_superuser

    return ThemeMenuItem(
        _("Tampilan situs"),
        reverse(admin_theme.URL_NAME),
        name="site-theme",
        icon_name="image",
        order=152,
    )


@hooks.register("register_admin_menu_item")
def register_staff_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from lontar.agencies import admin_staff, staff

    class StaffMenuItem(MenuItem):
        def is_shown(self, request) -> bool:
            return staff.may_manage_staff(request.user) and not request.user.is_superuser

    return StaffMenuItem(
        _("Staf instansi"),
        reverse(admin_staff.LIST_URL),
        name="agency-staff",
        icon_name="group",
        order=310,
    )
