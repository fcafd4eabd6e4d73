"""The public request form (Perki 1/2021 fields) and the tracking form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.core.botcheck import BotCheckMixin
from lontar.core.idempotency import IdempotencyMixin
from lontar.core.text_limits import state_text_limits
from lontar.core.uploads import IDENTITY_DOCUMENT, check_upload
from lontar.ppid import limits, requesters
from lontar.ppid.models import InformationRequest
from lontar.ppid.nik import InvalidNIK, validate_nik
from lontar.ppid.notices import NoticeChannel

_FORM_SALT = "lontar.ppid.request-form"


# The requester chooses how notices reach them; "printed at intake" is the desk's own channel.
PUBLIC_NOTICE_CHANNELS = [
    (value, label) for value, label in NoticeChannel.choices if value != NoticeChannel.PRINTED
]


def add_requester_problems(form: forms.Form, data: dict) -> None:
    """Group, proxy and delivery rules of `requesters.py`, beside their fields."""
    problems = requesters.requester_problems(
        kind=data.get("identity_kind") or "",
        group_name=data.get("group_name") or "",
        has_mandate=bool(data.get("group_mandate")),
        is_proxy=bool(data.get("is_proxy")),
        represented_person=data.get("represented_person") or "",
        has_proxy_letter=bool(data.get("proxy_letter")),
        obtain_method=data.get("obtain_method") or "",
        delivery_method=data.get("delivery_method") or "",
    )
    for name, message in problems.items():
        if name not in form.errors:
            form.add_error(name, message)


class RequestForm(BotCheckMixin, IdempotencyMixin, forms.Form):
    # Anti-spam without third parties: the honeypot `website` and the signed `shown_at`.
    bot_check_salt = _FORM_SALT
    bot_check_refusal = _("Permohonan tidak dapat diproses.")

    name = forms.CharField(label=_("Nama lengkap"), max_length=limits.NAME_MAX)
    identity_kind = forms.ChoiceField(
        label=_("Anda mengajukan sebagai"),
        choices=InformationRequest.IdentityKind.choices,
        widget=forms.RadioSelect,
        initial=InformationRequest.IdentityKind.PERSON,
    )
    nik = forms.CharField(
        label=_("NIK (sesuai KTP)"),
        required=False,
        max_length=24,
        help_text=_("16 angka. Disimpan terenkripsi dan tidak pernah ditampilkan ke publik."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    legal_entity_decree = forms.CharField(
        label=_("Nomor SK pengesahan badan hukum"),
        required=False,
        max_length=limits.LEGAL_ENTITY_DECREE_MAX,
    )
    address = forms.CharField(
        label=_("Alamat"),
        max_length=limits.ADDRESS_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    phone = forms.CharField(
        label=_("Nomor telepon/HP"),
        required=False,
        max_length=limits.PHONE_MAX,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Surel"),
        required=False,
        max_length=limits.EMAIL_MAX,
        help_text=_("Tanda terima dan pemberitahuan dikirim ke alamat ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    occupation = forms.CharField(
        label=_("Pekerjaan"), required=False, max_length=limits.OCCUPATION_MAX
    )
    information_requested = forms.CharField(
        label=_("Rincian informasi yang diminta"),
        max_length=limits.INFORMATION_REQUESTED_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sebutkan sejelas mungkin: dokumen apa, periode kapan, dari unit mana."),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        max_length=limits.PURPOSE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=InformationRequest.ObtainMethod.choices,
        widget=forms.RadioSelect,
    )
    # Only for copies: seeing the information needs no delivery (requesters.delivery_needed).
    delivery_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan (hanya bila meminta salinan)"),
        choices=InformationRequest.DeliveryMethod.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Lewati pertanyaan ini bila Anda hanya ingin melihat, membaca, mendengarkan, "
            "atau mencatat informasi."
        ),
    )
    notice_channel = forms.ChoiceField(
        label=_("Tanda terima dan pemberitahuan tertulis disampaikan melalui"),
        choices=PUBLIC_NOTICE_CHANNELS,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Bila tidak dipilih: surel bila diisi, selain itu diambil di meja layanan."),
    )
    group_name = forms.CharField(
        label=_("Nama kelompok orang"),
        required=False,
        max_length=limits.GROUP_NAME_MAX,
        help_text=_("Diisi bila Anda mengajukan sebagai wakil kelompok orang."),
    )
    group_mandate = forms.FileField(
        label=_("Bukti kuasa/penunjukan dari kelompok (PDF, JPG, PNG; maks. 5 MB)"),
        required=False,
    )
    identity_scan = forms.FileField(
        label=_("Pindaian KTP/identitas (PDF, JPG, PNG; maks. 5 MB)"), required=False
    )
    is_proxy = forms.BooleanField(
        label=_("Saya mengajukan sebagai kuasa orang lain"), required=False
    )
    represented_person = forms.CharField(
        label=_("Nama orang atau badan yang Anda wakili"),
        required=False,
        max_length=limits.NAME_MAX,
    )
    proxy_letter = forms.FileField(
        label=_("Surat kuasa khusus (PDF, JPG, PNG; maks. 5 MB)"), required=False
    )
    consent = forms.BooleanField(
        label=_(
            "Saya menyetujui pemrosesan data pribadi saya untuk melayani permohonan ini, "
            "sesuai pemberitahuan privasi di atas."
        ),
        error_messages={"required": _("Persetujuan diperlukan agar permohonan dapat diproses.")},
    )

    def __init__(
        self, *args, require_identity_scan: bool = False, privacy_text: str = "", **kwargs
    ):
        super().__init__(*args, **kwargs)
        # The notice shown above the consent box; stored with the request exactly as shown.
        self.privacy_text = privacy_text
        state_text_limits(self, skip=["website"], no_hint=["nik", "phone", "email"])
        self.require_identity_scan = require_identity_scan
        if require_identity_scan:
            self.fields["identity_scan"].label = _(
                "Pindaian KTP/identitas (wajib; PDF, JPG, PNG; maks. 5 MB)"
            )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    # Content is checked and images re-encoded here; the request stores only what passed.
    def clean_identity_scan(self):
        upload = self.cleaned_data.get("identity_scan")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean_proxy_letter(self):
        upload = self.cleaned_data.get("proxy_letter")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean_group_mandate(self):
        upload = self.cleaned_data.get("group_mandate")
        return check_upload(upload, IDENTITY_DOCUMENT) if upload else upload

    def clean(self):
        super().clean()  # the bot check refuses before any other rule runs
        data = self.cleaned_data
        kind = data.get("identity_kind")
        if kind in (InformationRequest.IdentityKind.PERSON, InformationRequest.IdentityKind.GROUP):
            try:
                data["nik"] = validate_nik(data.get("nik", ""))
            except InvalidNIK as error:
                self.add_error("nik", error.message)
        elif kind == InformationRequest.IdentityKind.LEGAL_ENTITY:
            if not data.get("legal_entity_decree"):
                self.add_error(
                    "legal_entity_decree",
                    _("Isi nomor SK pengesahan badan hukum dari Kemenkumham."),
                )
        # A malformed e-mail already has its own message; asking for "phone or e-mail" on top
        # of it said the same thing twice (issue 17).
        if not data.get("phone") and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "phone", _("Isi nomor telepon atau surel agar kami dapat menghubungi Anda.")
            )
        if self.require_identity_scan and not data.get("identity_scan"):
            self.add_error("identity_scan", _("Unggah pindaian KTP atau identitas Anda."))
        add_requester_problems(self, data)
        if data.get("notice_channel") == NoticeChannel.EMAIL and not data.get("email"):
            self.add_error("email", _("Isi surel bila pemberitahuan dikirim melalui surel."))
        data["consent_text"] = self.privacy_text
        return data

    @property
    def lost_uploads(self) -> list[str]:
        """Browsers never refill file inputs: name the files the requester must choose again."""
        if not self.is_bound or not self.errors:
            return []
        return [
            str(self.fields[name].label)
            for name in ("identity_scan", "proxy_letter", "group_mandate")
            if self.files.get(name)
        ]


class TrackForm(forms.Form):
    number = forms.CharField(label=_("Nomor pendaftaran"), max_length=80)
    code = forms.CharField(
        label=_("Kode lacak"), max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
