"""Quiet anti-spam for public forms, without third parties: a honeypot and a signed fill time.

A form people fill in carries two extra fields: `website`, hidden from people (the template puts
it in a `.honeypot` box) and left empty by them, and `shown_at`, the moment the form was shown,
signed with SECRET_KEY so it cannot be forged. A submission is refused when the honeypot is
filled, when it arrives sooner than a person could have filled the form, or when the signed time
is missing, tampered with or older than the form may stay open.

To protect a public form, put the mixin first and name the form's salt and refusal:

    class ComplaintForm(BotCheckMixin, forms.Form):
        bot_check_salt = "lontar.complaints.complaint-form"
        bot_check_refusal = _("Pengaduan tidak dapat diproses.")
        ...

and render `{{ form.shown_at }}` and the honeypot box as `ppid/public/request_form.html` does.
A form that overrides `clean()` calls `super().clean()` first, so no other rule runs for a bot.
"""

from __future__ import annotations

import time
from typing import Literal

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

# A person needs longer than this to fill a form; scripts usually do not wait.
MIN_FILL_SECONDS = 3
# A form left open longer than this is refused as stale (the person checks and sends again).
MAX_AGE_SECONDS = 6 * 3600

HONEYPOT_FIELD = "website"
SHOWN_AT_FIELD = "shown_at"

Verdict = Literal["human", "spam", "stale"]


def stamp(salt: str, *, now: float | None = None) -> str:
    """The signed moment a form is shown, for its hidden `shown_at` field."""
    return signing.dumps(time.time() if now is None else now, salt=salt)


def judge(
    honeypot: str,
    shown_at: str,
    *,
    salt: str,
    now: float | None = None,
    min_seconds: float = MIN_FILL_SECONDS,
    max_age: int = MAX_AGE_SECONDS,
) -> Verdict:
    """Whether a submission looks like a person's ("human"), a script's ("spam") or is "stale"."""
    if honeypot:
        return "spam"
    try:
        shown = float(signing.loads(shown_at or "", salt=salt, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        return "stale"
    if (time.time() if now is None else now) - shown < min_seconds:
        return "spam"
    return "human"


class BotCheckMixin(forms.Form):
    """The honeypot and signed fill time as form fields, checked in `clean()`."""

    bot_check_salt: str = ""
    bot_check_refusal = _("Permohonan tidak dapat diproses.")
    bot_check_min_seconds: float = MIN_FILL_SECONDS

    # Out of the tab order too: keyboard users never land in a field hidden from them.
    website = forms.CharField(
        required=False,
        label=_("Jangan diisi"),
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    shown_at = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.bot_check_salt:
            raise TypeError(f"{type(self).__name__} must name its bot_check_salt.")
        # Last, where the forms declared them before the mixin existed: the error summary
        # iterates over the fields in order.
        for name in (HONEYPOT_FIELD, SHOWN_AT_FIELD):
            self.fields[name] = self.fields.pop(name)
        if not self.is_bound:
            self.initial[SHOWN_AT_FIELD] = stamp(self.bot_check_salt)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        verdict = judge(
            data.get(HONEYPOT_FIELD, ""),
            data.get(SHOWN_AT_FIELD, ""),
            salt=self.bot_check_salt,
            min_seconds=self.bot_check_min_seconds,
        )
        if verdict == "spam":
            raise forms.ValidationError(self.bot_check_refusal, code="spam")
        if verdict == "stale":
            raise forms.ValidationError(
                _("Formulir kedaluwarsa; periksa isian Anda lalu kirim lagi."), code="stale"
            )
        return data
