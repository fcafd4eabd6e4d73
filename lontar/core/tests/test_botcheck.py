"""The honeypot and signed fill time that every public form shares (lontar.core.botcheck)."""

from __future__ import annotations

import time

import pytest
import time_machine
from django import forms
from django.core import signing

from lontar.core import botcheck
from lontar.core.botcheck import BotCheckMixin

SALT = "lontar.tests.botcheck"


class NoteForm(BotCheckMixin, forms.Form):
    bot_check_salt = SALT
    bot_check_refusal = "Catatan tidak dapat diproses."

    text = forms.CharField(max_length=100)


def _data(**overrides) -> dict[str, str]:
    return {
        "text": "Halo",
        "website": "",
        "shown_at": botcheck.stamp(SALT, now=time.time() - 60),
    } | overrides


def _refusal(form: forms.Form) -> tuple[str, str]:
    (error,) = form.non_field_errors().as_data()
    return error.code, str(error.message)


def test_a_person_who_took_their_time_is_accepted():
    form = NoteForm(_data())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["text"] == "Halo"


def test_a_filled_honeypot_is_refused_with_the_forms_own_message():
    form = NoteForm(_data(website="http://spam.example"))
    assert not form.is_valid()
    assert _refusal(form) == ("spam", "Catatan tidak dapat diproses.")


def test_a_form_sent_faster_than_a_person_can_is_refused():
    form = NoteForm(_data(shown_at=botcheck.stamp(SALT)))
    assert not form.is_valid()
    assert _refusal(form) == ("spam", "Catatan tidak dapat diproses.")


def _forged_stamps() -> dict[str, str]:
    fair = botcheck.stamp(SALT, now=time.time() - 60)
    return {
        "forged": "forged",
        "missing": "",
        "another form's": signing.dumps(time.time() - 60, salt="lontar.another-form"),
        "tampered": fair[:-2] + ("xx" if not fair.endswith("xx") else "yy"),
    }


@pytest.mark.parametrize("kind", ["forged", "missing", "another form's", "tampered"])
def test_a_missing_forged_or_tampered_fill_time_is_refused_as_stale(kind):
    form = NoteForm(_data(shown_at=_forged_stamps()[kind]))
    assert not form.is_valid()
    assert _refusal(form)[0] == "stale"


def test_a_form_left_open_longer_than_allowed_is_refused_as_stale():
    with time_machine.travel(time.time() - botcheck.MAX_AGE_SECONDS - 60, tick=False):
        shown_at = botcheck.stamp(SALT)
    form = NoteForm(_data(shown_at=shown_at))
    assert not form.is_valid()
    assert _refusal(form) == (
        "stale",
        "Formulir kedaluwarsa; periksa isian Anda lalu kirim lagi.",
    )


def test_an_unbound_form_carries_a_fresh_stamp_and_the_bot_fields_come_last():
    form = NoteForm()
    assert list(form.fields) == ["text", "website", "shown_at"]
    shown = signing.loads(form.initial["shown_at"], salt=SALT)
    assert abs(time.time() - shown) < 5


def test_judge_is_pure_given_the_clock():
    shown_at = botcheck.stamp(SALT, now=1000.0)
    assert botcheck.judge("", shown_at, salt=SALT, now=1000.0 + 1, max_age=10**10) == "spam"
    assert botcheck.judge("", shown_at, salt=SALT, now=1000.0 + 3, max_age=10**10) == "human"
    assert botcheck.judge("x", shown_at, salt=SALT, now=1000.0 + 3, max_age=10**10) == "spam"


def test_a_form_without_a_salt_is_a_programming_error():
    class Saltless(BotCheckMixin, forms.Form):
        pass

    with pytest.raises(TypeError):
        Saltless()
