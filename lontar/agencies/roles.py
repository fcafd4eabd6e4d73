"""The staff roles of an agency and what each may do.

Roles are Django groups (created by a data migration) carrying model permissions. What a role
may do to pages and media is scoped to the member's own agency through a second, per-agency
group holding Wagtail page and collection permissions on that agency's tree only.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    WRITER = "Penulis"
    EDITOR = "Editor"
    PPID_OFFICER = "Petugas PPID"
    PPID_SUPERIOR = "Atasan PPID"
    AGENCY_ADMIN = "Admin Agency"
    PLATFORM_ADMIN = "Admin Platform"


ROLE_DESCRIPTIONS = {
    Role.WRITER: _("ASN penulis: menyusun dan mengajukan tulisan, tidak dapat menerbitkan."),
    Role.EDITOR: _("Menelaah, menyetujui, menerbitkan, dan menjadwalkan tulisan."),
    Role.PPID_OFFICER: _("Melayani permohonan informasi publik instansinya."),
    Role.PPID_SUPERIOR: _("Atasan PPID: menjawab keberatan dan memantau layanan."),
    Role.AGENCY_ADMIN: _("Mengelola profil, menu, unit, dan staf instansinya."),
    Role.PLATFORM_ADMIN: _("Mengelola seluruh instansi pada instalasi ini."),
}

# Wagtail page permissions granted on the agency's own page tree.
PAGE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.WRITER: ("add_page",),
    Role.EDITOR: ("add_page", "change_page", "publish_page", "lock_page"),
    Role.PPID_OFFICER: (),
    Role.PPID_SUPERIOR: (),
    Role.AGENCY_ADMIN: (
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page",
    ),
    Role.PLATFORM_ADMIN: (),  # platform admins are superusers
}

# Wagtail collection permissions on the agency's own media collection.
COLLECTION_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.WRITER: ("add_image", "choose_image", "add_document", "choose_document"),
    Role.EDITOR: (
        "add_image", "change_image", "choose_image",
        "add_document", "change_document", "choose_document",
    ),
    Role.PPID_OFFICER: ("add_document", "choose_document"),
    Role.PPID_SUPERIOR: ("choose_document",),
    Role.AGENCY_ADMIN: (
        "add_image", "change_image", "choose_image", "delete_image",
        "add_document", "change_document", "choose_document", "delete_document",
    ),
    Role.PLATFORM_ADMIN: (),
}

# Model permissions a role group carries, as "app_label.codename".
MODEL_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.WRITER: ("wagtailadmin.access_admin",),
    Role.EDITOR: (
        "wagtailadmin.access_admin",
        "opendata.add_dataset",
        "opendata.change_dataset",
        "opendata.view_dataset",
        "opendata.add_resource",
        "opendata.change_resource",
        "opendata.view_resource",
        "programs.add_program",
        "programs.change_program",
        "programs.delete_program",
        "programs.view_program",
        "programs.add_event",
        "programs.change_event",
        "programs.delete_event",
        "programs.view_event",
        "programs.add_planningdocument",
        "programs.change_planningdocument",
        "programs.delete_planningdocument",
        "programs.view_planningdocument",
        "qna.change_question",
        "qna.view_question",
        "podcast.add_show",
        "podcast.change_show",
        "podcast.delete_show",
        "podcast.view_show",
        "podcast.add_episode",
        "podcast.change_episode",
        "podcast.delete_episode",
        "podcast.view_episode",
        "news.add_newscategory",
        "news.change_newscategory",
        "news.delete_newscategory",
        "news.view_newscategory",
    ),
    Role.PPID_OFFICER: (
        "wagtailadmin.access_admin",
        "ppid.add_informationrequest",
        "ppid.change_informationrequest",
        "ppid.view_informationrequest",
    ),
    Role.PPID_SUPERIOR: (
        "wagtailadmin.access_admin",
        "ppid.add_informationrequest",
        "ppid.change_informationrequest",
        "ppid.view_informationrequest",
    ),
    Role.AGENCY_ADMIN: (
        "wagtailadmin.access_admin",
        "agencies.change_agency",
        "agencies.view_agency",
        "agencies.add_unit",
        "agencies.change_unit",
        "agencies.delete_unit",
        "agencies.view_unit",
        "agencies.change_staffprofile",
        "agencies.view_staffprofile",
        "agencies.add_workingdayoverride",
        "agencies.change_workingdayoverride",
        "agencies.delete_workingdayoverride",
        "agencies.view_workingdayoverride",
        "survey.add_surveyunit",
        "survey.change_surveyunit",
        "survey.delete_surveyunit",
        "survey.view_surveyunit",
        "survey.add_surveyperiod",
        "survey.change_surveyperiod",
        "survey.view_surveyperiod",
        "opendata.add_dataset",
        "opendata.change_dataset",
        "opendata.delete_dataset",
        "opendata.view_dataset",
        "opendata.add_resource",
        "opendata.change_resource",
        "opendata.delete_resource",
        "opendata.view_resource",
        "opendata.add_partneragreement",
        "opendata.change_partneragreement",
        "opendata.delete_partneragreement",
        "opendata.view_partneragreement",
        "opendata.view_partnerkeyuse",
        "programs.add_program",
        "programs.change_program",
        "programs.delete_program",
        "programs.view_program",
        "programs.add_event",
        "programs.change_event",
        "programs.delete_event",
        "programs.view_event",
        "programs.add_planningdocument",
        "programs.change_planningdocument",
        "programs.delete_planningdocument",
        "programs.view_planningdocument",
        "programs.add_documentremindersettings",
        "programs.change_documentremindersettings",
        "programs.view_documentremindersettings",
        "qna.change_question",
        "qna.view_question",
        "podcast.add_show",
        "podcast.change_show",
        "podcast.delete_show",
        "podcast.view_show",
        "podcast.add_episode",
        "podcast.change_episode",
        "podcast.delete_episode",
        "podcast.view_episode",
        "news.add_newscategory",
        "news.change_newscategory",
        "news.delete_newscategory",
        "news.view_newscategory",
        "regulations.add_legaldocument",
        "regulations.change_legaldocument",
        "regulations.delete_legaldocument",
        "regulations.view_legaldocument",
        "regulations.add_documentrelation",
        "regulations.change_documentrelation",
        "regulations.delete_documentrelation",
        "regulations.view_documentrelation",
        "regulations.add_subject",
        "regulations.change_subject",
        "regulations.delete_subject",
        "regulations.view_subject",
    ),
    Role.PLATFORM_ADMIN: ("wagtailadmin.access_admin",),
}


def scope_group_name(agency_short_name: str, role: Role) -> str:
    return f"{agency_short_name} · {role.value}"
