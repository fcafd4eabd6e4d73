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
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
    Role.PLATFORM_ADMIN: (),  # platform admins are superusers
}

# Wagtail collection permissions on the agency's own media collection.
COLLECTION_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.WRITER: ("add_image", "choose_image", "add_document", "choose_document"),
    Role.EDITOR: (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ),
    Role.PPID_OFFICER: ("add_document", "choose_document"),
    Role.PPID_SUPERIOR: ("choose_document",),
    Role.AGENCY_ADMIN: (
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ),
    Role.PLATFORM_ADMIN: (),
}

# Model permissions a role group carries, as "app_label.codename".
ALL = ("add", "change", "delete", "view")
EDIT = ("add", "change", "view")


def _perms(app_label: str, models: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(
        f"{app_label}.{action}_{model}" for model, actions in models.items() for action in actions
    )


_ADMIN_ACCESS = ("wagtailadmin.access_admin",)
_PPID_DESK = (
    _ADMIN_ACCESS
    + _perms("ppid", {"informationrequest": EDIT})
    + _perms("objections", {"objection": ("change", "view")})
    + _perms(
        "infolist",
        {"infoitem": ALL, "exemptinfo": ALL, "urgentnotice": EDIT, "servicestandard": ALL},
    )
    + _perms("annualreport", {"annualreport": ("change", "view")})
    + ("annualreport.publish_annualreport",)
)
# Editors run the agency's public content beyond pages: news categories, the Q&A desk and
# podcast, programs and the agenda, and open-data datasets.
_EDITORIAL = (
    _perms("news", {"newscategory": ALL})
    + _perms("qna", {"question": ("change", "view")})
    + _perms("podcast", {"show": ALL, "episode": ALL})
    + _perms("programs", {"program": ALL, "event": ALL, "planningdocument": ALL})
    + _perms("newsroom", {"articletemplate": ALL})
)

# Wagtail's "Translate" (wagtail.contrib.simple_translation) makes a draft English copy of a
# page inside the agency's English tree; page rights there are the same as on the Indonesian one.
_TRANSLATE = ("simple_translation.submit_translation",)

MODEL_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.WRITER: _ADMIN_ACCESS + _TRANSLATE,
    Role.EDITOR: _ADMIN_ACCESS
    + _TRANSLATE
    + _EDITORIAL
    + _perms("opendata", {"dataset": EDIT, "resource": EDIT}),
    Role.PPID_OFFICER: _PPID_DESK,
    Role.PPID_SUPERIOR: _PPID_DESK + ("objections.answer_objection",),
    Role.AGENCY_ADMIN: _ADMIN_ACCESS
    + _TRANSLATE
    + _EDITORIAL
    + _perms(
        "agencies",
        {
            "agency": ("change", "view"),
            "unit": ALL,
            "staffprofile": ("change", "view"),
            "workingdayoverride": ALL,
            "agencycalendarsettings": EDIT,
        },
    )
    + _perms("ppid", {"ppidsettings": EDIT})
    + _perms("survey", {"surveyunit": ALL, "surveyperiod": EDIT})
    + _perms(
        "opendata",
        {"dataset": ALL, "resource": ALL, "partneragreement": ALL, "partnerkeyuse": ("view",)},
    )
    + _perms("programs", {"documentremindersettings": EDIT})
    + _perms("newsroom", {"unitdesk": ALL})
    + _perms("regulations", {"legaldocument": ALL, "documentrelation": ALL, "subject": ALL})
    + _perms("core", {"auditevent": ("view",)})
    + _perms("integrity", {"finding": ("view",)}),
    Role.PLATFORM_ADMIN: _ADMIN_ACCESS,
}


def scope_group_name(agency_short_name: str, role: Role) -> str:
    return f"{agency_short_name} · {role.value}"
