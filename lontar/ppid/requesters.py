"""Who may request and what each kind of requester must give (UU 14/2008; Perki 1/2021). Pure.

A person gives a NIK, a legal entity its ratification decree, a group of people (kelompok
orang) its name, its representative and the proof that the group mandated that person. A proxy
names the person represented and brings a special power of attorney. The delivery method is
asked only of a requester who wants a copy: seeing the information needs no delivery.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

PERSON, LEGAL_ENTITY, GROUP = "perorangan", "badan_hukum", "kelompok"
VIEW_ONLY = "melihat"


def delivery_needed(obtain_method: str) -> bool:
    return obtain_method != VIEW_ONLY


def requester_problems(
    *,
    kind: str,
    group_name: str,
    has_mandate: bool,
    is_proxy: bool,
    represented_person: str,
    has_proxy_letter: bool,
    obtain_method: str,
    delivery_method: str,
) -> dict[str, str]:
    """Problems of who is asking (field name → message); {} when complete.

    The NIK and decree rules stay where they were (the forms, with `nik.py`).
    """
    problems: dict[str, str] = {}
    if kind == GROUP:
        if not group_name.strip():
            problems["group_name"] = _("Tuliskan nama kelompok orang yang mengajukan.")
        if not has_mandate:
            problems["group_mandate"] = _(
                "Unggah bukti kuasa atau penunjukan dari kelompok kepada wakilnya."
            )
    if is_proxy:
        if not represented_person.strip():
            problems["represented_person"] = _("Tuliskan nama orang atau badan yang Anda wakili.")
        if not has_proxy_letter:
            problems["proxy_letter"] = _("Unggah surat kuasa khusus bila Anda kuasa pemohon.")
    if delivery_needed(obtain_method) and not delivery_method:
        problems["delivery_method"] = _("Pilih cara mendapatkan salinan informasi.")
    return problems
