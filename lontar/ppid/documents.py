"""The receipt and the written notice (pemberitahuan tertulis) as PDF files.

Each document is built once, stored in the private storage under a random name and served
from there on every later download, so a download costs a file read, not a PDF build.
When a stored document is rebuilt:
- the receipt: never. Everything on it (number, date of receipt, the request as worded, the
  due date) is fixed at registration. `forget_receipt` deletes it when the requester's personal
  data is erased; a later download would build it again from the erased row.
- the written notice: each time `services.answer_request` records a notice (the only way its
  content changes); the previous file is deleted once the new one is committed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from fpdf import FPDF

from lontar.core.calendar import format_long_date
from lontar.core.pdffonts import add_document_fonts
from lontar.ppid.deadlines import local_date
from lontar.ppid.notice_content import obtain_and_delivery
from lontar.ppid.states import Decision


class _Document(FPDF):
    def __init__(self, agency) -> None:
        super().__init__(format="A4")
        self.unicode = add_document_fonts(self)
        if self.unicode:
            self.family = "body"
        else:  # core fonts only know Latin-1; replace the few typographic characters we use
            self.family = "helvetica"
        self.agency = agency
        self.set_margins(20, 18, 20)
        self.add_page()
        self.set_font(self.family, "B", 13)
        self.para(agency.name)
        self.set_font(self.family, "", 9)
        self.para(agency.address.replace("\n", ", "))
        self.ln(4)

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        return (
            text.replace("–", "-")
            .replace("—", "-")
            .replace("•", "*")
            .encode("latin-1", "replace")
            .decode("latin-1")
        )

    def para(self, text: str, height: float = 6) -> None:
        self.multi_cell(0, height, self.clean(text), new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(self.family, "B", 11)
        self.para(text)
        self.set_font(self.family, "", 10)

    def field(self, label: str, value: str) -> None:
        self.set_font(self.family, "B", 10)
        self.para(label, 5)
        self.set_font(self.family, "", 10)
        self.para(value or "-", 5)
        self.ln(1)


def receipt_pdf(information_request, tracking_code: str | None = None) -> bytes:
    """The requester's proof of registration, with the number and the due date.

    The stored receipt is built without the tracking code: only the code's keyed hash is kept
    at rest, so the code lives on the receipt page and in the e-mail body only.
    """
    r = information_request
    pdf = _Document(r.agency)
    pdf.heading("TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK")
    pdf.field("Nomor pendaftaran", r.number)
    if tracking_code:
        pdf.field("Kode lacak (rahasiakan)", tracking_code)
    else:
        pdf.field(
            "Kode lacak",
            "Tertera di halaman tanda terima dan surel; tidak dicetak di berkas ini demi keamanan.",
        )
    received = local_date(r.received_at, r.agency.time_zone)
    pdf.field("Tanggal diterima", format_long_date(received))
    pdf.field("Nama pemohon", r.name)
    pdf.field("Informasi yang diminta", r.information_requested)
    pdf.field("Tujuan penggunaan", r.purpose)
    pdf.field(
        "Cara memperoleh / mendapatkan salinan",
        obtain_and_delivery(r),
    )
    pdf.field("Batas waktu pemberitahuan tertulis", format_long_date(r.notice_due))
    pdf.field("Lacak permohonan di", r.agency.absolute_url(reverse("ppid:track")))
    pdf.para(r.skipped_explanation, 5)
    pdf.ln(3)
    pdf.para(
        "Badan publik wajib memberikan pemberitahuan tertulis paling lambat 10 hari kerja "
        "sejak permohonan diterima, dan dapat memperpanjang paling lama 7 hari kerja "
        "dengan alasan tertulis (UU 14/2008 Pasal 22 ayat (7) dan (8)).",
        5,
    )
    return bytes(pdf.output())


def written_notice_pdf(information_request) -> bytes:
    """The written notice with items a–g of UU 14/2008 Pasal 22 ayat (7)."""
    r = information_request
    pdf = _Document(r.agency)
    pdf.heading("PEMBERITAHUAN TERTULIS")
    pdf.field("Nomor pendaftaran", r.number)
    pdf.field("Tanggal permohonan", format_long_date(local_date(r.received_at, r.agency.time_zone)))
    pdf.field("Nama pemohon", r.name)
    pdf.field("Informasi yang diminta", r.information_requested)
    pdf.field("Keputusan", str(Decision(r.decision).label))
    pdf.field(
        "a. Penguasaan informasi",
        "Dikuasai oleh badan publik ini"
        if r.information_held
        else "Tidak dikuasai oleh badan publik ini",
    )
    pdf.field("b. Badan publik yang menguasai", r.holder_body)
    refusal = ""
    if r.refusal_ground:
        refusal = f"{r.refusal_ground}. Uji konsekuensi: {r.consequence_test}"
        if r.exempt_list_reference:
            refusal += f" (Daftar Informasi Dikecualikan: {r.exempt_list_reference})"
    pdf.field(
        "c. Penerimaan atau penolakan dan alasannya",
        f"{Decision(r.decision).label}. {refusal}".strip(),
    )
    pdf.field("d. Materi informasi yang diberikan", r.material_given)
    pdf.field("e. Penghitaman dan alasannya", r.redaction_note)
    pdf.field(
        "f. Cara dan format penyampaian",
        r.delivery_format or obtain_and_delivery(r),
    )
    cost = f"Rp{r.cost_amount:,}".replace(",", ".")
    pdf.field("g. Biaya dan cara pembayaran", f"{cost}. {r.cost_note}".strip())
    if r.documentation_days:
        pdf.field("Waktu pendokumentasian", f"{r.documentation_days} hari")
    pdf.ln(4)
    pdf.para(
        "Apabila Anda tidak puas dengan keputusan ini, Anda dapat mengajukan keberatan "
        "kepada Atasan PPID paling lambat 30 hari kerja sejak pemberitahuan ini diterima "
        "(UU 14/2008 Pasal 35 dan 36).",
        5,
    )
    pdf.ln(6)
    pdf.para(r.agency.ppid_name or "PPID", 5)
    return bytes(pdf.output())


@dataclass(frozen=True)
class SignatureBlock:
    """Who signs the notices: name, NIP, position and the specimen signature's image bytes."""

    name: str
    nip: str = ""
    position: str = ""
    image: bytes | None = None


def sent_notice_pdf(agency, title: str, items, signature: SignatureBlock | None = None) -> bytes:
    """A numbered, dated, signed notice (see `notice_content.notice_items`), as sent."""
    pdf = _Document(agency)
    pdf.heading(title.upper())
    signatory = ""
    dated = ""
    for item in items:
        if item.key == "signatory":
            signatory = item.value
            continue
        if item.key == "date":
            dated = item.value
        pdf.field(item.label, item.value)
    pdf.ln(6)
    # The signature block: date, the position, the specimen signature, the name and the NIP.
    if dated:
        pdf.para(dated, 5)
    position = signature.position if signature and signature.position else ""
    pdf.para(position or "Pejabat Pengelola Informasi dan Dokumentasi,", 5)
    if signature and signature.image:
        try:
            pdf.image(io.BytesIO(signature.image), h=18)
        except Exception:  # an unreadable stored image must not stop a notice; leave the space
            pdf.ln(18)
    else:
        pdf.ln(10)
    pdf.para(signature.name if signature else signatory, 5)
    if signature and signature.nip:
        pdf.para(f"NIP. {signature.nip}", 5)
    return bytes(pdf.output())


def stored_receipt(information_request) -> FieldFile:
    """The receipt from storage, built and stored on first use (see the module docstring)."""
    from lontar.ppid.models import InformationRequest, private_storage, receipt_upload_to

    r = information_request
    current = r.receipt_pdf.name or ""
    if current and r.receipt_pdf.storage.exists(current):
        return r.receipt_pdf
    storage = private_storage()
    name = storage.save(receipt_upload_to(r, ""), ContentFile(receipt_pdf(r)))
    # Two first downloads at once: the first to claim the row wins, the other's file goes.
    # A crash between the save and the update leaves a file; `lontar.core.orphans` sweeps it.
    try:
        claimed = InformationRequest.objects.filter(pk=r.pk, receipt_pdf=current).update(
            receipt_pdf=name
        )
    except BaseException:
        storage.delete(name)
        raise
    if claimed:
        r.receipt_pdf.name = name
    else:
        storage.delete(name)
        r.refresh_from_db(fields=["receipt_pdf"])
    return r.receipt_pdf


def forget_receipt(information_request) -> None:
    """Delete the stored receipt (it names the requester): for erasing personal data."""
    r = information_request
    if r.receipt_pdf:
        r.receipt_pdf.delete(save=False)
        type(r).objects.filter(pk=r.pk).update(receipt_pdf="")


def store_written_notice(information_request) -> None:
    """Build the notice as it now stands and keep it; the caller saves the row."""
    r = information_request
    previous = r.notice_pdf.name if r.notice_pdf else ""
    storage = r.notice_pdf.storage
    r.notice_pdf.save("pemberitahuan.pdf", ContentFile(written_notice_pdf(r)), save=False)
    if previous:
        transaction.on_commit(lambda: storage.delete(previous))
