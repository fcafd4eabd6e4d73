"""The agency admin's PPID settings form: the number pattern is checked and previewed.

Kept apart from models.py (which names it as `base_form_class`) so it imports no models at
module level.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.ppid.numbering import (
    MAX_PATTERN_LENGTH,
    TOKEN_HELP,
    NumberPatternError,
    check_pattern,
    render_number,
)


def validate_number_pattern(value: str) -> None:
    """Model-level guard (any agency's short name fits 40 characters)."""
    try:
        check_pattern(value, "X" * 40)
    except NumberPatternError as error:
        raise ValidationError(error.message, code="number_pattern") from None


def next_number_preview(pattern: str, agency) -> str:
    """What the agency's next request would be numbered with this pattern today."""
    from lontar.ppid.models import RegistrationCounter

    today = agency.today()
    counter = RegistrationCounter.objects.filter(agency=agency, year=today.year).first()
    sequence = (counter.last_number if counter else 0) + 1
    return render_number(
        pattern, sequence=sequence, received_on=today, short_name=agency.short_name
    )


class PPIDSettingsForm(AgencyScopedAdminForm):
    """Number pattern in the token language only, with a preview of the next number."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("number_format")
        if field is None:
            return
        field.max_length = MAX_PATTERN_LENGTH
        field.widget.attrs["maxlength"] = str(MAX_PATTERN_LENGTH)
        self._pattern_help = _(
            "Kunci yang boleh: %(tokens)s. {nomor} diisi nol sampai 4 angka; {nomor:N} sampai "
            "N angka (1–8); {bulan} dua angka (03), {bulan_romawi} angka Romawi (III). Wajib "
            "memuat {nomor} dan {tahun}. Teks lain hanya huruf, angka, spasi, dan . / - _ ( ). "
            "Paling panjang %(max)s karakter."
        ) % {"tokens": TOKEN_HELP, "max": MAX_PATTERN_LENGTH}
        field.help_text = self._pattern_help
        agency = getattr(self.instance, "agency", None) if self.instance.agency_id else None
        if agency is not None and self.instance.number_format:
            self._show_preview(self.instance.number_format, agency)

    def _show_preview(self, pattern: str, agency) -> None:
        try:
            preview = next_number_preview(pattern, agency)
        except NumberPatternError:
            return
        self.number_preview = preview
        line = _("Nomor berikutnya akan tampak seperti: %(number)s") % {"number": preview}
        help_text = f"{self._pattern_help} {line}"
        self.fields["number_format"].help_text = help_text
        # Django copies help_text into the bound field once; after cleaning, update it too.
        self["number_format"].help_text = help_text

    def clean_signature_specimen(self):
        """The specimen signature goes through the upload gate: a real PNG/JPEG, re-encoded."""
        from lontar.core.uploads import SIGNATURE_IMAGE, check_upload

        upload = self.cleaned_data.get("signature_specimen")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            return check_upload(upload, SIGNATURE_IMAGE)
        return upload

    def clean(self) -> dict:
        data = super().clean()
        pattern = data.get("number_format")
        agency = data.get("agency")
        if pattern and agency is not None and "number_format" not in self.errors:
            try:
                check_pattern(pattern, agency.short_name)
            except NumberPatternError as error:
                self.add_error("number_format", error.message)
            else:
                self._show_preview(pattern, agency)
        return data
