"""How long each free-text part of a request may be, for the forms and the services alike.

An unbounded field let one visitor make every later receipt PDF cost seconds of CPU; these
limits keep every generated document small. The forms state them beside each field; the
services check them again so that a caller bypassing the forms cannot store megabytes.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError

from lontar.core.text_limits import too_long_message

# The requester (public form and officer intake).
NAME_MAX = 150
OCCUPATION_MAX = 100
ADDRESS_MAX = 500
INFORMATION_REQUESTED_MAX = 3000
PURPOSE_MAX = 2000
LEGAL_ENTITY_DECREE_MAX = 120
PHONE_MAX = 30
EMAIL_MAX = 254
GROUP_NAME_MAX = 200

# The officers' actions.
DISPOSITION_NOTE_MAX = 2000
EXTENSION_REASON_MAX = 2000
MATERIAL_GIVEN_MAX = 3000
CONSEQUENCE_TEST_MAX = 3000
REDACTION_NOTE_MAX = 2000
COST_MAX_RUPIAH = 100_000_000

REQUESTER_LIMITS: Mapping[str, int] = {
    "name": NAME_MAX,
    "occupation": OCCUPATION_MAX,
    "address": ADDRESS_MAX,
    "information_requested": INFORMATION_REQUESTED_MAX,
    "purpose": PURPOSE_MAX,
    "legal_entity_decree": LEGAL_ENTITY_DECREE_MAX,
    "phone": PHONE_MAX,
    "email": EMAIL_MAX,
    "group_name": GROUP_NAME_MAX,
    "represented_person": NAME_MAX,
}

ANSWER_LIMITS: Mapping[str, int] = {
    "material_given": MATERIAL_GIVEN_MAX,
    "consequence_test": CONSEQUENCE_TEST_MAX,
    "redaction_note": REDACTION_NOTE_MAX,
    "holder_body": 200,
    "exempt_list_reference": 120,
    "delivery_format": 200,
    "cost_note": 300,
    "payment_method": 300,
    "register_remarks": 300,
}


def check_lengths(values: object, limits: Mapping[str, int]) -> None:
    """Raise a ValidationError naming every field of `values` longer than its limit."""
    errors = {}
    for name, limit in limits.items():
        value = getattr(values, name, "") or ""
        if len(value) > limit:
            errors[name] = ValidationError(
                too_long_message(limit), code="max_length", params={"show_value": len(value)}
            )
    if errors:
        raise ValidationError(errors)
