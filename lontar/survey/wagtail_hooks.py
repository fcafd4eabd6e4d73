from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem as SidebarMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet, ScopedIndexView
from lontar.survey import admin_views, services, states
from lontar.survey.models import SurveyPeriod, SurveyUnit


class SurveyPeriodIndexView(ScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        # Exactly the workflow's actions open to this user now; each leads to the period's
        # actions page, which previews and confirms.
        for offset, action in enumerate(services.allowed_actions(instance, self.request.user)):
            buttons.append(
                MenuItem(
                    states.ACTION_LABELS[action],
                    url=admin_views.publish_url(instance),
                    icon_name="doc-full" if action == "publish" else "lock",
                    priority=15 + offset,
                )
            )
        return buttons


class SurveyUnitViewSet(AgencyScopedSnippetViewSet):
    model = SurveyUnit
    icon = "group"
    menu_label = _("Unit layanan")
    list_display = ["name", "slug", "agency", "sort_order"]
    list_filter = ["agency"]


class SurveyPeriodViewSet(AgencyScopedSnippetViewSet):
    model = SurveyPeriod
    icon = "date"
    menu_label = _("Periode survei")
    index_view_class = SurveyPeriodIndexView
    list_display = ["__str__", "kind", "starts_on", "ends_on", "is_open", "index", "grade"]
    list_filter = ["agency", "kind", "is_open"]


class SurveyAdminGroup(SnippetViewSetGroup):
    menu_label = _("Survei kepuasan")
    menu_icon = "pick"
    menu_order = 320
    items = (SurveyUnitViewSet, SurveyPeriodViewSet)


register_snippet(SurveyAdminGroup)


@hooks.register("register_admin_urls")
def register_survey_admin_urls():
    return [
        path(
            "survei/periode/<int:pk>/terbitkan/",
            admin_views.publish_period,
            name=admin_views.PUBLISH_URL_NAME,
        ),
        path(
            "laporan/umpan-balik-halaman/",
            admin_views.page_feedback_report,
            name=admin_views.FEEDBACK_REPORT_URL_NAME,
        ),
    ]


class PageFeedbackMenuItem(SidebarMenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_see_page_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_page_feedback_report_menu_item():
    return PageFeedbackMenuItem(
        _("Umpan balik halaman"),
        reverse(admin_views.FEEDBACK_REPORT_URL_NAME),
        name="page-feedback",
        icon_name="help",
        order=650,
    )
