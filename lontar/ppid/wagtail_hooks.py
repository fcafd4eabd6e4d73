"""The officers' desk for information requests in the Wagtail admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet
from lontar.ppid import admin_privacy, admin_views, dashboard
from lontar.ppid.models import PPIDSettings
from lontar.ppid.selectors import may_handle_requests


class InformationRequestMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return may_handle_requests(request.user)


@hooks.register("register_admin_menu_item")
def register_ppid_menu_item() -> MenuItem:
    return InformationRequestMenuItem(
        _("Permohonan informasi"),
        reverse("ppid_admin_queue"),
        name="permohonan-informasi",
        icon_name="mail",
        order=310,
    )


@hooks.register("register_admin_urls")
def register_ppid_admin_urls() -> list:
    prefix = "ppid/permohonan/"
    return [
        path(prefix, admin_views.queue, name="ppid_admin_queue"),
        path(f"{prefix}baru/", admin_views.intake, name="ppid_admin_intake"),
        path(f"{prefix}<int:pk>/", admin_views.detail, name="ppid_admin_detail"),
        path(f"{prefix}<int:pk>/tercatat/", admin_views.intake_done, name="ppid_admin_intake_done"),
        path(f"{prefix}<int:pk>/nik/", admin_views.reveal_nik, name="ppid_admin_nik"),
        path(f"{prefix}<int:pk>/disposisi/", admin_views.assign, name="ppid_admin_assign"),
        path(f"{prefix}<int:pk>/perpanjang/", admin_views.extend, name="ppid_admin_extend"),
        path(f"{prefix}<int:pk>/jawab/", admin_views.answer, name="ppid_admin_answer"),
        path(f"{prefix}<int:pk>/selesai/", admin_views.complete, name="ppid_admin_complete"),
        path(f"{prefix}<int:pk>/ringkasan/", admin_views.summary, name="ppid_admin_summary"),
        path(f"{prefix}<int:pk>/batal/", admin_views.withdraw, name="ppid_admin_withdraw"),
        path(
            f"{prefix}<int:pk>/berkas/<slug:which>/",
            admin_views.private_file,
            name="ppid_admin_file",
        ),
        path(
            f"{prefix}<int:pk>/dokumen/<int:document_pk>/",
            admin_views.released_document,
            name="ppid_admin_document",
        ),
        # Notices on paper and the requester's data rights (issue 21).
        path(
            f"{prefix}<int:pk>/surat/<int:document_pk>/",
            admin_privacy.notice_file,
            name="ppid_admin_notice_file",
        ),
        path(
            f"{prefix}<int:pk>/surat/<int:document_pk>/disampaikan/",
            admin_privacy.notice_delivered,
            name="ppid_admin_notice_delivered",
        ),
        path(
            f"{prefix}<int:pk>/data-pribadi/perbaiki/",
            admin_privacy.correct_data,
            name="ppid_admin_correct_data",
        ),
        path(
            f"{prefix}<int:pk>/data-pribadi/hapus/",
            admin_privacy.erase_data,
            name="ppid_admin_erase_data",
        ),
    ]


class PPIDSettingsViewSet(AgencyScopedSnippetViewSet):
    """Each agency sets its own number format, required uploads, retention and copy tariff."""

    model = PPIDSettings
    icon = "cog"
    menu_label = _("Pengaturan PPID")
    add_to_settings_menu = True
    list_display = ["agency", "number_format", "require_identity_scan", "retention_years"]


register_snippet(PPIDSettingsViewSet)


@hooks.register("construct_homepage_panels")
def add_pending_requests_panel(request: HttpRequest, panels: list) -> None:
    panels.extend(dashboard.panels_for(request))


# --- The PPID Utama over the PPID Pelaksana (issue 18; ppid/admin_province.py) ------------------


class ProvinceQueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        from lontar.ppid.utama import utama_agency_of

        user = request.user
        return may_handle_requests(user) and (
            user.is_superuser or utama_agency_of(user) is not None
        )


@hooks.register("register_admin_menu_item")
def register_province_queue_menu_item() -> MenuItem:
    return ProvinceQueueMenuItem(
        _("Antrean PPID se-provinsi"),
        reverse("ppid_admin_province_queue"),
        name="antrean-ppid-provinsi",
        icon_name="list-ul",
        order=311,
    )


@hooks.register("register_admin_urls")
def register_province_admin_urls() -> list:
    from lontar.ppid.admin_province import admin_urls

    return admin_urls()
