"""Admin forms of the catalogue."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.agencies.forms import AgencyScopedAdminForm
from lontar.opendata.generators import generator_choices


class _StoredFile:
    """What the file widget shows for a private file: its original name, linking to the
    download view (a private file has no storage URL to link to)."""

    def __init__(self, url: str, label: str) -> None:
        self.url, self.label = url, label

    def __str__(self) -> str:
        return self.label


class PrivateFileInput(forms.ClearableFileInput):
    def __init__(self, *, url: str = "", label: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.url, self.label = url, label

    def is_initial(self, value) -> bool:
        return bool(value and getattr(value, "name", ""))

    def format_value(self, value):
        if self.is_initial(value):
            return _StoredFile(self.url, self.label or value.name.rsplit("/", 1)[-1])
        return None


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
        if "file" in self.fields:
            instance = self.instance
            url = reverse("opendata:download", args=[instance.pk]) if instance.pk else ""
            self.fields["file"].widget = PrivateFileInput(
                url=url, label=getattr(instance, "original_filename", "")
            )
