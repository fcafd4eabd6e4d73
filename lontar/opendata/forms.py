"""Admin forms of the catalogue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.opendata.generators import generator_choices


class ResourceAdminForm(AgencyScopedAdminForm):
    """Offers the registered live sources as a list instead of a free-text key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "generator" in self.fields:
            self.fields["generator"] = forms.ChoiceField(
                label=_("Sumber langsung"),
                required=False,
                choices=[("", _("— unggah berkas —")), *generator_choices()],
                help_text=_(
                    "Tabel dibuat langsung dari catatan portal; kosongkan bila mengunggah."
                ),
            )
