from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lontar.core import admin_views


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path("laporan/audit/", admin_views.audit_report, name=admin_views.AUDIT_REPORT_URL_NAME),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_see_audit_trail(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Catatan audit"),
        reverse(admin_views.AUDIT_REPORT_URL_NAME),
        name="audit-trail",
        icon_name="history",
        order=700,
    )


@hooks.register("register_admin_urls")
def register_job_report_urls():
    from lontar.core import jobs_admin

    return [
        path(
            "laporan/tugas-terjadwal/", jobs_admin.job_report, name=jobs_admin.JOB_REPORT_URL_NAME
        ),
    ]


class JobReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        from lontar.core import jobs_admin

        return jobs_admin.may_see_jobs(request.user)


@hooks.register("register_reports_menu_item")
def register_job_report_menu_item():
    from lontar.core import jobs_admin

    return JobReportMenuItem(
        _("Tugas terjadwal"),
        reverse(jobs_admin.JOB_REPORT_URL_NAME),
        name="scheduled-jobs",
        icon_name="time",
        order=710,
    )


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path(
            "laporan/surel-keluar/",
            admin_views.outbox_report,
            name=admin_views.OUTBOX_REPORT_URL_NAME,
        ),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_see_outbox(request.user)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Surel keluar"),
        reverse(admin_views.OUTBOX_REPORT_URL_NAME),
        name="outbox",
        icon_name="mail",
        order=720,
    )
