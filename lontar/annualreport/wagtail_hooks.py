"""The annual report desk in the Wagtail admin, and its reminder on the admin home page."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from lontar.annualreport import admin_views, rules, services
from lontar.annualreport.models import AnnualReport


class AnnualReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(services.EDIT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_annual_report_menu_item() -> MenuItem:
    return AnnualReportMenuItem(
        _("Laporan tahunan PPID"),
        reverse("annualreport_admin_years"),
        name="laporan-tahunan",
        icon_name="doc-full",
        order=315,
    )


@hooks.register("register_admin_urls")
def register_annual_report_admin_urls() -> list:
    prefix = "ppid/laporan-tahunan/"
    return [
        path(prefix, admin_views.report_years, name="annualreport_admin_years"),
        path(f"{prefix}<int:year>/", admin_views.edit, name="annualreport_admin_edit"),
        path(
            f"{prefix}<int:year>/terbitkan/", admin_views.publish, name="annualreport_admin_publish"
        ),
        path(
            f"{prefix}<int:year>/pratinjau.<slug:kind>",
            admin_views.preview,
            name="annualreport_admin_preview",
        ),
    ]


class AnnualReportPanel(Component):
    """From 1 January until the last year's report is published; red once 31 March passed."""

    name = "annual_report"
    order = 55
    template_name = "annualreport/admin/dashboard_panel.html"

    def __init__(self, year: int, standing: rules.Standing) -> None:
        self.year = year
        self.standing = standing

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {
            "year": self.year,
            "standing": self.standing.value,
            "due": rules.due_date(self.year),
            "edit_url": reverse("annualreport_admin_edit", args=[self.year]),
        }


def panels_for(request: HttpRequest) -> list[Component]:
    user = request.user
    if not user.has_perm(services.EDIT_PERMISSION):
        return []
    agency = getattr(getattr(user, "staff_profile", None), "agency", None)
    if agency is None:
        return []
    today = agency.today()
    year = rules.year_to_report(today)
    published_on = (
        AnnualReport.objects.filter(agency=agency, year=year, status=AnnualReport.Status.PUBLISHED)
        .values_list("published_on", flat=True)
        .first()
    )
    standing = rules.standing(year, today, published_on)
    if standing not in (rules.Standing.PREPARING, rules.Standing.LATE):
        return []
    return [AnnualReportPanel(year, standing)]


@hooks.register("construct_homepage_panels")
def add_annual_report_panel(request: HttpRequest, panels: list) -> None:
    panels.extend(panels_for(request))
