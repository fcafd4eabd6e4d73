"""`{% submission_key_field form %}`: the hidden idempotency key for a form without a form object.

Keeps the posted key when the form is shown again with errors (nothing was created, so the
same key is still unused); otherwise makes a fresh one (`lontar.core.idempotency`).
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from lontar.core import idempotency

register = template.Library()


@register.simple_tag
def submission_key_field(form=None) -> SafeString:
    posted = idempotency.key_from(form.data) if getattr(form, "is_bound", False) else ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        idempotency.FIELD,
        posted or idempotency.new_key(),
    )
