"""The public question form (with the quiet anti-spam of lontar.core.botcheck) and staff forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.core.botcheck import BotCheckMixin
from lontar.core.idempotency import IdempotencyMixin
from lontar.core.text_limits import state_text_limits
from lontar.qna.models import Category

ANSWER_MAX = 10_000
_FORM_SALT = "lontar.qna.question-form"


class QuestionForm(BotCheckMixin, IdempotencyMixin, forms.Form):
    bot_check_salt = _FORM_SALT
    bot_check_refusal = _("Pertanyaan tidak dapat diproses.")

    asker_name = forms.CharField(
        label=_("Nama"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Surel"),
        max_length=254,
        help_text=_("Tautan untuk memantau pertanyaan dan pemberitahuan jawaban dikirim ke sini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Nomor telepon/HP (tidak wajib)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    category = forms.ChoiceField(label=_("Kategori"), choices=Category.choices)
    question_text = forms.CharField(
        label=_("Pertanyaan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Jangan tuliskan NIK, NIP, atau data pribadi lain yang tidak diperlukan."),
    )
    anonymous_in_public = forms.BooleanField(
        label=_("Sembunyikan nama saya bila pertanyaan ini ditampilkan di FAQ publik"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state_text_limits(self, skip=["website"], no_hint=["asker_name", "email", "phone"])

    def clean_asker_name(self) -> str:
        return " ".join(self.cleaned_data["asker_name"].split())


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit penjawab"), queryset=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Jawaban"), max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 10})
    )
    unit = forms.ModelChoiceField(label=_("Unit penjawab"), queryset=None, required=False)
    regulations = forms.ModelMultipleChoiceField(
        label=_("Regulasi terkait"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, units, regulations, **kwargs):
        super().__init__(*args, **kwargs)
        state_text_limits(self)
        self.fields["unit"].queryset = units
        self.fields["regulations"].queryset = regulations
