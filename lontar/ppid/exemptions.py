"""Refusals under UU 14/2008 Pasal 17: several grounds, and how long the exemption lasts.

Pure rules. A refusal may rest on more than one letter of Pasal 17; an exemption under letters
a–f is not permanent (Pasal 20), so its duration must be stated; the consequence test
(Perki 1/2021) gives the duration of every exemption it decides, so Lontar asks for it always
and requires it for a–f.

The entry of the agency's list of exempt information (DIK) a refusal rests on is kept in
`exempt_list_reference`. Whether it is required, and against which entries it is checked, is
decided in ONE place: `dik_entries_for` below (the hook).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from lontar.ppid.states import REFUSAL_GROUNDS

GROUND_CODES = tuple(code for code, _label in REFUSAL_GROUNDS)
# UU 14/2008 Pasal 20 ayat (1): exemptions under Pasal 17 letters a–f are not permanent.
NOT_PERMANENT = frozenset(f"Pasal 17 huruf {letter}" for letter in "abcdef")
EXEMPTION_YEARS_MAX = 30


def dik_reference(pk: int, description: str) -> str:
    """How a refusal cites a DIK entry: its number and what it exempts, within 120 characters."""
    return f"DIK-{pk}: {description}"[:120]


def dik_entries_for(agency: object) -> list[str] | None:
    """The agency's DIK entries a refusal may cite (issue 21 §5), or None.

    None means the agency has not recorded its DIK in Lontar (`lontar.infolist`) yet: the
    reference stays free text and optional. Once it has one entry, every refusal must cite one
    of them, as UU 14/2008 Pasal 17 and Perki 1/2021 ask that a refusal rest on the list.
    """
    from lontar.infolist.selectors import dik_entries_for as exempt_list_of

    rows = exempt_list_of(agency).order_by("pk").values_list("pk", "description")
    return [dik_reference(pk, description) for pk, description in rows] or None


def exemption_problems(
    *,
    grounds: Sequence[str],
    duration_years: int | None,
    dik_reference: str,
    dik_entries: Sequence[str] | None,
) -> dict[str, str]:
    """Problems of a refusal's legal basis (field name → message); {} when it stands."""
    problems: dict[str, str] = {}
    unknown = [ground for ground in grounds if ground not in GROUND_CODES]
    if not grounds:
        problems["refusal_grounds"] = _("Pilih paling sedikit satu dasar pengecualian (Pasal 17).")
    elif unknown:
        problems["refusal_grounds"] = _("Dasar pengecualian tidak dikenal.")
    if duration_years is not None and not 1 <= duration_years <= EXEMPTION_YEARS_MAX:
        problems["exemption_years"] = _("Jangka waktu pengecualian 1 sampai 30 tahun.")
    elif duration_years is None and NOT_PERMANENT.intersection(grounds):
        problems["exemption_years"] = _(
            "Pengecualian berdasarkan Pasal 17 huruf a–f tidak permanen (Pasal 20): "
            "sebutkan jangka waktunya."
        )
    if dik_entries is not None and dik_reference not in dik_entries:
        problems["exempt_list_reference"] = _(
            "Pilih entri Daftar Informasi yang Dikecualikan yang menjadi dasar penolakan."
        )
    return problems


def grounds_text(grounds: Sequence[str]) -> str:
    """The grounds in the order of Pasal 17, as one line: "Pasal 17 huruf a, Pasal 17 huruf h"."""
    return ", ".join(code for code in GROUND_CODES if code in grounds)


def duration_text(duration_years: int | None) -> str:
    if duration_years is None:
        return _("tanpa batas waktu (Pasal 17 huruf g–j)")
    return _("%(years)s tahun") % {"years": duration_years}
