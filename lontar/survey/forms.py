"""The public questionnaire: nine elements worded as in the Permen, and the respondent profile."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lontar.core.idempotency import IdempotencyMixin
from lontar.core.text_limits import state_text_limits
from lontar.survey import ikm
from lontar.survey.models import SurveyResponse

ANSWER_PREFIX = "unsur_"
REQUIRED_ANSWER = _("Pilih salah satu jawaban untuk unsur ini.")
REQUIRED_PROFILE = _("Bagian ini wajib diisi.")


def answer_field_name(key: str) -> str:
    return f"{ANSWER_PREFIX}{key}"


class QuestionnaireForm(IdempotencyMixin, forms.Form):
    """Every element is required; scores are the option positions 1..4 of ikm.ELEMENTS."""

    sex = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=SurveyResponse.Sex.choices, widget=forms.RadioSelect
    )
    age_band = forms.ChoiceField(label=_("Usia"), choices=SurveyResponse.AgeBand.choices)
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=SurveyResponse.Education.choices
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan utama"), choices=SurveyResponse.Occupation.choices
    )
    service_received = forms.CharField(label=_("Jenis layanan yang Anda terima"), max_length=200)
    service_date = forms.DateField(
        label=_("Tanggal menerima layanan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )
    suggestion = forms.CharField(
        label=_("Saran dan masukan (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        for element in ikm.ELEMENTS:
            self.fields[answer_field_name(element.key)] = forms.TypedChoiceField(
                label=element.name,
                choices=[(str(score), text) for score, text in element.choices],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": REQUIRED_ANSWER},
            )
        blank = [("", _("— pilih —"))]
        for name in ("age_band", "education", "occupation"):
            field = self.fields[name]
            # Always a ChoiceField (the model field has choices); `Field` does not say so.
            field.choices = blank + list(field.choices)  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            if field.required and not name.startswith(ANSWER_PREFIX):
                field.error_messages["required"] = REQUIRED_PROFILE
        if period is not None and not self.is_bound:
            self.fields["service_received"].initial = period.unit.name
        state_text_limits(self, no_hint=["service_received"])

    def clean_service_date(self):
        value = self.cleaned_data["service_date"]
        # The agency's date: a service given this morning in Jayapura is not "in the future".
        today = self.period.agency.today() if self.period is not None else timezone.localdate()
        if value > today:
            raise forms.ValidationError(_("Tanggal layanan tidak boleh di masa depan."))
        return value

    @property
    def element_fields(self):
        """(element, bound field) pairs in display order, for one fieldset each."""
        return [(element, self[answer_field_name(element.key)]) for element in ikm.ELEMENTS]

    def answers(self) -> dict[str, int]:
        return {key: self.cleaned_data[answer_field_name(key)] for key in ikm.ELEMENT_KEYS}


class PageFeedbackForm(IdempotencyMixin, forms.Form):
    """ "Apakah informasi ini membantu?": the answer is the submit button pressed (ya/tidak)."""

    YES = "ya"
    NO = "tidak"

    helpful = forms.ChoiceField(
        label=_("Apakah informasi ini membantu?"),
        choices=[(YES, _("Ya")), (NO, _("Tidak"))],
        error_messages={"required": _("Pilih Ya atau Tidak.")},
    )
    comment = forms.CharField(
        label=_("Apa yang bisa kami perbaiki? (tidak wajib)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        state_text_limits(self)

    @property
    def is_helpful(self) -> bool:
        return self.cleaned_data["helpful"] == self.YES
