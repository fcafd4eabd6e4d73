"""Forms of the officers' side of information requests (Wagtail admin).

The forms only collect and clean input; every write goes through `lontar.ppid.services`, whose
ValidationErrors are put back beside the fields by `add_service_error`.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lontar.agencies.models import Agency, Unit
from lontar.core.text_limits import state_text_limits
from lontar.core.uploads import (
    IDENTITY_DOCUMENT,
    RELEASED_DOCUMENT,
    CheckedUpload,
    check_upload,
    clean_original_name,
)
from lontar.ppid import limits
from lontar.ppid.exemptions import EXEMPTION_YEARS_MAX
from lontar.ppid.forms import add_requester_problems
from lontar.ppid.models import InformationRequest
from lontar.ppid.nik import InvalidNIK, validate_nik
from lontar.ppid.notices import NoticeChannel
from lontar.ppid.services import Answer, RequesterDetails
from lontar.ppid.states import REFUSAL_GROUNDS, Decision, Status

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def add_service_error(
    form: forms.Form, error: ValidationError, default_field: str | None = None
) -> None:
    """Show a service's ValidationError beside the fields it names (or `default_field`)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else default_field, messages)
    else:
        form.add_error(default_field, error.messages)


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit pengolah"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
    )

    def __init__(self, *args, agency: Agency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        status = cast(forms.ChoiceField, self.fields["status"])
        status.choices = [("", _("Semua yang masih berjalan")), *Status.choices]
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset = Unit.objects.filter(agency=agency)


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit pengolah (PPID Pelaksana)"), queryset=Unit.objects.none()
    )
    internal_due = forms.DateField(
        label=_("Batas internal unit"), required=False, widget=DATE_WIDGET
    )
    note = forms.CharField(
        label=_("Catatan disposisi"),
        required=False,
        max_length=limits.DISPOSITION_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, information_request: InformationRequest, **kwargs) -> None:
        kwargs.setdefault("prefix", "assign")
        super().__init__(*args, **kwargs)
        state_text_limits(self)
        # Only the units of the request's own agency can be chosen.
        unit = cast(forms.ModelChoiceField, self.fields["unit"])
        unit.queryset = Unit.objects.filter(agency=information_request.agency)


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perpanjangan"),
        max_length=limits.EXTENSION_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "extend")
        super().__init__(*args, **kwargs)
        state_text_limits(self)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=Decision.choices, widget=forms.RadioSelect
    )
    material_given = forms.CharField(
        label=_("Materi informasi yang diberikan"),
        required=False,
        max_length=limits.MATERIAL_GIVEN_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    refusal_grounds = forms.MultipleChoiceField(
        label=_("Dasar pengecualian (Pasal 17; boleh lebih dari satu)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exemption_years = forms.IntegerField(
        label=_("Jangka waktu pengecualian (tahun)"),
        required=False,
        min_value=1,
        max_value=EXEMPTION_YEARS_MAX,
        help_text=_("Wajib untuk Pasal 17 huruf a–f, yang tidak permanen (Pasal 20)."),
        error_messages={
            "min_value": _("Paling singkat 1 tahun."),
            "max_value": _("Paling lama 30 tahun."),
        },
    )
    consequence_test = forms.CharField(
        label=_("Uji konsekuensi"),
        required=False,
        max_length=limits.CONSEQUENCE_TEST_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # The DIK entry the refusal rests on: a choice of the agency's entries once it has a DIK.
    exempt_list_reference = forms.CharField(
        label=_("Rujukan daftar informasi dikecualikan"), required=False, max_length=120
    )
    redaction_note = forms.CharField(
        label=_("Bagian yang dihitamkan dan alasannya"),
        required=False,
        max_length=limits.REDACTION_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    holder_body = forms.CharField(
        label=_("Badan publik yang menguasai informasi (bila diketahui)"),
        required=False,
        max_length=200,
    )
    delivery_format = forms.CharField(
        label=_("Cara dan format penyampaian"), required=False, max_length=200
    )
    cost_amount = forms.IntegerField(
        label=_("Biaya (Rp)"),
        min_value=0,
        max_value=limits.COST_MAX_RUPIAH,
        initial=0,
        required=False,
        error_messages={
            "min_value": _("Biaya tidak boleh negatif."),
            "max_value": _("Biaya paling banyak Rp100.000.000."),
        },
    )
    cost_note = forms.CharField(label=_("Rincian biaya"), required=False, max_length=300)
    payment_method = forms.CharField(
        label=_("Cara dan tempat pembayaran"),
        required=False,
        max_length=300,
        help_text=_("Wajib bila ada biaya: rekening, loket, atau tempat membayar."),
    )
    information_form = forms.ChoiceField(
        label=_("Bentuk informasi yang dikuasai"),
        required=False,
        choices=[("", "—"), *InformationRequest.InformationForm.choices],
    )
    register_remarks = forms.CharField(
        label=_("Keterangan (register publik)"),
        required=False,
        max_length=300,
        help_text=_("Tampil di register publik: tanpa data pribadi."),
    )
    documentation_days = forms.IntegerField(
        label=_("Waktu pendokumentasian (hari)"),
        min_value=1,
        max_value=365,
        required=False,
        error_messages={
            "min_value": _("Paling singkat 1 hari."),
            "max_value": _("Paling lama 365 hari."),
        },
    )
    documents = MultipleFileField(
        label=_("Dokumen yang diberikan"),
        required=False,
        help_text=_("Boleh lebih dari satu berkas."),
    )

    def __init__(self, *args, dik_entries: list[str] | None = None, **kwargs) -> None:
        kwargs.setdefault("prefix", "answer")
        super().__init__(*args, **kwargs)
        state_text_limits(self)
        if dik_entries:
            self.fields["exempt_list_reference"].widget = forms.Select(
                choices=[("", _("— pilih entri DIK —")), *((ref, ref) for ref in dik_entries)]
            )
        cast(forms.MultipleChoiceField, self.fields["refusal_grounds"]).choices = [
            (code, f"{code}: {label}") for code, label in REFUSAL_GROUNDS
        ]

    def clean_documents(self) -> list:
        checked: list[CheckedUpload] = []
        errors: list[str] = []
        for upload in self.cleaned_data["documents"]:
            try:
                checked.append(check_upload(upload, RELEASED_DOCUMENT))
            except ValidationError as error:  # name the file: several may be chosen at once
                name = clean_original_name(upload.name)
                errors.extend(f"{name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return checked

    def to_answer(self) -> Answer:
        data = self.cleaned_data
        return Answer(
            decision=data["decision"],
            material_given=data["material_given"].strip(),
            holder_body=data["holder_body"].strip(),
            refusal_grounds=list(data["refusal_grounds"]),
            exemption_years=data["exemption_years"],
            payment_method=data["payment_method"].strip(),
            information_form=data["information_form"],
            register_remarks=data["register_remarks"].strip(),
            consequence_test=data["consequence_test"].strip(),
            exempt_list_reference=data["exempt_list_reference"].strip(),
            redaction_note=data["redaction_note"].strip(),
            delivery_format=data["delivery_format"].strip(),
            cost_amount=data["cost_amount"] or 0,
            cost_note=data["cost_note"].strip(),
            documentation_days=data["documentation_days"],
            documents=[(upload.original_name, upload) for upload in data["documents"]],
        )


class WithdrawForm(forms.Form):
    """The requester withdrew the request: by letter, e-mail, telephone or at the desk."""

    note = forms.CharField(
        label=_("Cara pemohon membatalkan (tanpa data pribadi)"),
        required=False,
        max_length=300,
        help_text=_("Misalnya: surat tertanggal 3 Desember, atau datang ke meja layanan."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "withdraw")
        super().__init__(*args, **kwargs)
        state_text_limits(self)


class SummaryForm(forms.Form):
    public_summary = forms.CharField(
        label=_("Ringkasan untuk register publik"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Tanpa data pribadi: tampil di register publik."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "summary")
        super().__init__(*args, **kwargs)
        state_text_limits(self)


OFFLINE_CHANNELS = [
    (value, label)
    for value, label in InformationRequest.Channel.choices
    if value != InformationRequest.Channel.WEB
]


class IntakeForm(forms.Form):
    """A request that came by letter, e-mail or in person, with its real time of receipt."""

    channel = forms.ChoiceField(label=_("Diterima melalui"), choices=OFFLINE_CHANNELS)
    received_on = forms.DateField(label=_("Tanggal diterima"), widget=DATE_WIDGET)
    received_time = forms.TimeField(label=_("Jam diterima"), widget=TIME_WIDGET)
    identity_kind = forms.ChoiceField(
        label=_("Jenis pemohon"),
        choices=InformationRequest.IdentityKind.choices,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Nama lengkap"), max_length=limits.NAME_MAX)
    nik = forms.CharField(label=_("NIK"), max_length=30, required=False)
    legal_entity_decree = forms.CharField(
        label=_("Nomor SK badan hukum"), max_length=limits.LEGAL_ENTITY_DECREE_MAX, required=False
    )
    address = forms.CharField(
        label=_("Alamat"), max_length=limits.ADDRESS_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    phone = forms.CharField(label=_("Telepon"), max_length=limits.PHONE_MAX, required=False)
    email = forms.EmailField(label=_("Surel"), max_length=limits.EMAIL_MAX, required=False)
    occupation = forms.CharField(
        label=_("Pekerjaan"), max_length=limits.OCCUPATION_MAX, required=False
    )
    information_requested = forms.CharField(
        label=_("Rincian informasi yang diminta"),
        max_length=limits.INFORMATION_REQUESTED_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        max_length=limits.PURPOSE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=[("", _("— pilih —")), *InformationRequest.ObtainMethod.choices],
    )
    # Only for copies: seeing the information needs no delivery (requesters.delivery_needed).
    delivery_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan (hanya bila meminta salinan)"),
        choices=[
            ("", _("— tidak perlu (hanya melihat)")),
            *InformationRequest.DeliveryMethod.choices,
        ],
        required=False,
        help_text=_("Kosongkan bila pemohon hanya ingin melihat atau membaca informasi."),
    )
    notice_channel = forms.ChoiceField(
        label=_("Tanda terima dan pemberitahuan disampaikan melalui"),
        choices=[("", _("— (menurut saluran permohonan)")), *NoticeChannel.choices],
        required=False,
    )
    group_name = forms.CharField(
        label=_("Nama kelompok orang"), max_length=limits.GROUP_NAME_MAX, required=False
    )
    group_mandate = forms.FileField(label=_("Bukti kuasa kelompok"), required=False)
    is_proxy = forms.BooleanField(label=_("Diajukan oleh kuasa pemohon"), required=False)
    represented_person = forms.CharField(
        label=_("Nama pihak yang diwakili"), max_length=limits.NAME_MAX, required=False
    )
    identity_scan = forms.FileField(label=_("Pindaian KTP/identitas"), required=False)
    proxy_letter = forms.FileField(label=_("Surat kuasa"), required=False)
    consent = forms.BooleanField(
        label=_(
            "Pemberitahuan privasi di atas telah diberikan atau dibacakan kepada pemohon, "
            "dan pemohon menyetujuinya."
        ),
        error_messages={"required": _("Berikan pemberitahuan privasi dan catat persetujuannya.")},
    )

    def __init__(self, *args, agency: Agency, privacy_text: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency
        # Shown on the intake page and stored with the consent, word for word.
        self.privacy_text = privacy_text
        state_text_limits(self, no_hint=["nik", "phone", "email"])

    # Paper requests are scanned by staff, but the scan is still a file from outside.
    def clean_identity_scan(self):
        upload = self.cleaned_data.get("identity_scan")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean_proxy_letter(self):
        upload = self.cleaned_data.get("proxy_letter")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean_group_mandate(self):
        upload = self.cleaned_data.get("group_mandate")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean_nik(self) -> str:
        value = self.cleaned_data["nik"]
        if not value.strip():
            return ""
        try:
            return validate_nik(value)
        except InvalidNIK as exc:
            raise ValidationError(str(exc), code=exc.code) from exc

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        kind = data.get("identity_kind")
        if (
            kind in (InformationRequest.IdentityKind.PERSON, InformationRequest.IdentityKind.GROUP)
            and not data.get("nik")
            and "nik" not in self.errors
        ):
            self.add_error("nik", _("NIK wajib diisi untuk pemohon perorangan."))
        if kind == InformationRequest.IdentityKind.LEGAL_ENTITY and not data.get(
            "legal_entity_decree"
        ):
            self.add_error(
                "legal_entity_decree", _("Nomor SK pengesahan wajib diisi untuk badan hukum.")
            )
        if data.get("received_on") and data.get("received_time"):
            received_at = self.received_at()
            if received_at > timezone.now():
                self.add_error("received_on", _("Tanggal diterima tidak boleh di masa depan."))
        add_requester_problems(self, data)
        data["consent_text"] = self.privacy_text
        return data

    def received_at(self) -> datetime:
        """The moment of receipt, read as the agency's local time."""
        return datetime.combine(
            self.cleaned_data["received_on"],
            self.cleaned_data["received_time"],
            tzinfo=ZoneInfo(self.agency.time_zone),
        )

    def to_details(self) -> RequesterDetails:
        return RequesterDetails.from_cleaned(self.cleaned_data)
