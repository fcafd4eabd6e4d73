"""What each notice says, item by item, from a request's stored facts.

No database access: it reads the attributes of the request it is given, so the table test can
hand it any request-like object. `notices.missing_items` checks the result against the law's
list before a notice is stored.
"""

from __future__ import annotations

from datetime import date

from lontar.core.calendar import format_long_date
from lontar.ppid import costs, exemptions
from lontar.ppid.deadlines import local_date
from lontar.ppid.notices import NoticeItem, NoticeKind

OBJECTION_TEXT = (
    "Apabila Anda tidak puas, Anda dapat mengajukan keberatan kepada Atasan PPID paling lambat "
    "30 hari kerja sejak pemberitahuan ini diterima (UU 14/2008 Pasal 35 dan 36)."
)
DASH = "-"


def _requester(r) -> str:
    name = r.name
    if getattr(r, "group_name", ""):
        name = f"{r.group_name} (diwakili oleh {r.name})"
    if getattr(r, "filed_by_proxy", False) and getattr(r, "represented_person", ""):
        name = f"{r.represented_person} (melalui kuasa {r.name})"
    return name


def obtain_and_delivery(r) -> str:
    """How the requester obtains the information; the delivery only for a copy."""
    obtain = r.get_obtain_method_display()
    if not r.delivery_method:
        return obtain
    return f"{obtain}, {r.get_delivery_method_display()}"


def _cost(r) -> str:
    amount = costs.format_rupiah(r.cost_amount or 0)
    parts = [amount]
    if r.cost_note:
        parts.append(r.cost_note)
    if r.cost_amount:
        parts.append(f"Cara dan tempat pembayaran: {r.payment_method}")
    else:
        parts.append("Tanpa biaya")
    return ". ".join(parts)


def _answer_items(r) -> list[NoticeItem]:
    held = (
        "Dikuasai oleh badan publik ini"
        if r.information_held
        else "Tidak dikuasai oleh badan publik ini"
    )
    refusal = ""
    grounds = exemptions.grounds_text(r.refusal_grounds or [])
    if grounds:
        refusal = f" Dasar pengecualian: {grounds}. Uji konsekuensi: {r.consequence_test}"
        if r.exempt_list_reference:
            refusal += f" (Daftar Informasi yang Dikecualikan: {r.exempt_list_reference})"
    return [
        NoticeItem("a", "a. Penguasaan informasi", held),
        NoticeItem("b", "b. Badan publik yang menguasai", r.holder_body or DASH),
        NoticeItem(
            "c",
            "c. Penerimaan atau penolakan dan alasannya",
            f"{r.get_decision_display()}.{refusal}",
        ),
        NoticeItem("d", "d. Materi informasi yang diberikan", r.material_given or DASH),
        NoticeItem("e", "e. Penghitaman dan alasannya", r.redaction_note or DASH),
        NoticeItem(
            "f", "f. Cara dan format penyampaian", r.delivery_format or obtain_and_delivery(r)
        ),
        NoticeItem("g", "g. Biaya dan cara pembayaran", _cost(r)),
    ]


def notice_items(
    kind: str, r, *, number: str, issued_on: date, signatory: str, tariff: str = ""
) -> list[NoticeItem]:
    """Every item of a notice of `kind` about request `r`, in the order it is printed."""
    tz = r.agency.time_zone
    items = [
        NoticeItem("number", "Nomor surat", number),
        NoticeItem("date", "Tanggal surat", format_long_date(issued_on)),
        NoticeItem("request_number", "Nomor pendaftaran permohonan", r.number),
        NoticeItem(
            "request_date", "Tanggal permohonan", format_long_date(local_date(r.received_at, tz))
        ),
        NoticeItem("requester", "Kepada", _requester(r)),
    ]
    if kind == NoticeKind.RECEIPT:
        items += [
            NoticeItem("information_requested", "Informasi yang diminta", r.information_requested),
            NoticeItem("purpose", "Tujuan penggunaan", r.purpose),
            NoticeItem("delivery", "Cara memperoleh / mendapatkan salinan", obtain_and_delivery(r)),
            NoticeItem(
                "notice_due", "Batas waktu pemberitahuan tertulis", format_long_date(r.notice_due)
            ),
            NoticeItem("tariff", "Biaya salinan", f"{tariff} {costs.VIEWING_IS_FREE}"),
        ]
    elif kind == NoticeKind.EXTENSION:
        items += [
            NoticeItem("extension_reason", "Alasan perpanjangan", r.extension_reason),
            NoticeItem(
                "extended_due",
                "Batas waktu pemberitahuan tertulis yang baru",
                format_long_date(r.extended_due),
            ),
        ]
    elif kind == NoticeKind.ANSWER:
        items += _answer_items(r)
        if r.documentation_days:
            items.append(
                NoticeItem(
                    "documentation", "Waktu pendokumentasian", f"{r.documentation_days} hari"
                )
            )
    elif kind == NoticeKind.REFUSAL:
        answer = {item.key: item for item in _answer_items(r)}
        items += [
            answer["a"],
            answer["c"],
            NoticeItem(
                "grounds",
                "Dasar pengecualian (UU 14/2008 Pasal 17)",
                exemptions.grounds_text(r.refusal_grounds or []),
            ),
            NoticeItem(
                "exemption_duration",
                "Jangka waktu pengecualian (Pasal 20)",
                exemptions.duration_text(r.exemption_years),
            ),
        ]
    else:  # forwarding or not held
        items += [
            NoticeItem("a", "a. Penguasaan informasi", "Tidak dikuasai oleh badan publik ini"),
            NoticeItem(
                "b",
                "b. Badan publik yang menguasai",
                r.holder_body or "Tidak diketahui oleh badan publik ini",
            ),
        ]
    if kind not in (NoticeKind.RECEIPT, NoticeKind.EXTENSION):
        items.append(NoticeItem("objection", "Hak mengajukan keberatan", OBJECTION_TEXT))
    items.append(NoticeItem("signatory", "Penanda tangan", signatory))
    return items
