"""The public objection form, the tracking form, and the staff forms of the admin."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.core.botcheck import BotCheckMixin
from lontar.core.idempotency import IdempotencyMixin
from lontar.core.text_limits import state_text_limits
from lontar.objections.models import ANSWER_MAX, CASE_SUMMARY_MAX
from lontar.objections.states import DisputeOutcome, DisputeStage, Ground, Outcome

_FORM_SALT = "lontar.objections.objection-form"


class ObjectionForm(BotCheckMixin, IdempotencyMixin, forms.Form):
    bot_check_salt = _FORM_SALT
    bot_check_refusal = _("Keberatan tidak dapat diproses.")

    request_number = forms.CharField(
        label=_("Nomor pendaftaran permohonan"),
        max_length=80,
        required=False,
        help_text=_("Kosongkan hanya bila alasan Anda semata-mata huruf b."),
    )
    request_code = forms.CharField(
        label=_("Kode lacak permohonan"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    grounds = forms.MultipleChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))"),
        choices=Ground.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    case_summary = forms.CharField(
        label=_("Kasus posisi"),
        max_length=CASE_SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Uraikan singkat apa yang terjadi dan apa yang Anda minta."),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    objector_name = forms.CharField(label=_("Nama lengkap pengaju keberatan"), max_length=200)
    address = forms.CharField(
        label=_("Alamat"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    phone = forms.CharField(label=_("Nomor telepon/HP"), max_length=30, required=False)
    email = forms.EmailField(label=_("Surel"), max_length=254, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state_text_limits(self, skip=["website"])

    def clean(self):
        cleaned = super().clean()
        number = (cleaned.get("request_number") or "").strip()
        code = (cleaned.get("request_code") or "").strip()
        if bool(number) != bool(code):
            self.add_error(
                "request_code", _("Isi nomor pendaftaran dan kode lacak permohonan bersama-sama.")
            )
        if not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", _("Isi nomor telepon atau surel agar kami dapat menghubungi."))
        return cleaned


class TrackForm(forms.Form):
    number = forms.CharField(label=_("Nomor keberatan"), max_length=80)
    code = forms.CharField(
        label=_("Kode lacak"), max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Keputusan Atasan PPID"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Tanggapan tertulis dan pertimbangannya"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    superior_name = forms.CharField(label=_("Nama Atasan PPID"), max_length=200)
    superior_position = forms.CharField(label=_("Jabatan Atasan PPID"), max_length=200)


class DisputeStepForm(forms.Form):
    stage = forms.ChoiceField(label=_("Tahap"), choices=DisputeStage.choices)
    on = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(label=_("Nomor register/perkara"), max_length=120, required=False)
    outcome = forms.ChoiceField(
        label=_("Hasil akhir (kosongkan bila belum selesai)"),
        choices=[("", "—"), *DisputeOutcome.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Keterangan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
