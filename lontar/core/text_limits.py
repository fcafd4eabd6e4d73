"""Every free-text field a visitor can fill has a maximum, stated on the form.

A form calls `state_text_limits(self)` at the end of `__init__`: each bounded text field then
tells its limit in the help text ("Maksimal 3.000 karakter."), keeps Django's `maxlength`
attribute, and answers an over-long value with an Indonesian message beside the field.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _


def format_count(count: int) -> str:
    """3000 → "3.000", the Indonesian way of grouping thousands."""
    return f"{count:,}".replace(",", ".")


def limit_hint(max_length: int) -> str:
    return _("Maksimal %(count)s karakter.") % {"count": format_count(max_length)}


def too_long_message(max_length: int) -> str:
    """For Django's max_length error; %(show_value)s is filled in by the validator."""
    return _("Paling banyak %(count)s karakter; isian ini %%(show_value)s karakter.") % {
        "count": format_count(max_length)
    }


def state_text_limits(
    form: forms.Form, *, skip: Iterable[str] = (), no_hint: Iterable[str] = ()
) -> None:
    """`skip`: fields left alone (a honeypot); `no_hint`: short fields whose box says enough."""
    skipped, quiet = set(skip), set(no_hint)
    for name, field in form.fields.items():
        if name in skipped or not isinstance(field, forms.CharField):
            continue
        if field.max_length is None or field.widget.is_hidden:
            continue
        field.error_messages["max_length"] = too_long_message(field.max_length)
        if name in quiet:
            continue
        hint = limit_hint(field.max_length)
        field.help_text = format_lazy("{} {}", field.help_text, hint) if field.help_text else hint
