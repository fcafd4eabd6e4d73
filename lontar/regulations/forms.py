"""The filter form of /regulasi/ (GET), and the import form of the admin."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.regulations.models import DocumentStatus, DocumentType
from lontar.regulations.selectors import DEFAULT_SORT, RELEVANCE


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=200)
    jenis = forms.ChoiceField(
        label=_("Tipe dokumen"),
        required=False,
        choices=[("", _("Semua tipe")), *DocumentType.choices],
    )
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *DocumentStatus.choices],
    )
    subjek = forms.TypedChoiceField(label=_("Subjek"), required=False, coerce=int, empty_value=None)
    bidang = forms.ChoiceField(label=_("Bidang hukum"), required=False)
    urut = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            (RELEVANCE, _("Paling relevan")),
            (DEFAULT_SORT, _("Terbaru")),
            ("terlama", _("Terlama")),
            ("judul", _("Judul (A–Z)")),
            ("nomor", _("Jenis dan nomor")),
        ],
    )

    def __init__(self, *args, facets: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [("", _("Semua tahun"))] + [
            (year, str(year)) for year in facets["years"]
        ]
        self.fields["subjek"].choices = [("", _("Semua subjek"))] + [
            (subject.pk, subject.name) for subject in facets["subjects"]
        ]
        self.fields["bidang"].choices = [("", _("Semua bidang"))] + [
            (name, name) for name in facets["fields_of_law"]
        ]

    def filters(self) -> dict:
        """Keyword arguments for selectors.filtered_documents; invalid values are ignored."""
        self.is_valid()  # cleaned_data then holds the valid fields only
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "document_type": data.get("jenis") or "",
            "year": data.get("tahun"),
            "status": data.get("status") or "",
            "subject": data.get("subjek"),
            "field_of_law": data.get("bidang") or "",
            "sort": data.get("urut") or "",
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_("Baris pertama berisi nama kolom. Maksimal 5 MB."),
    )
    dry_run = forms.BooleanField(
        label=_("Periksa saja, jangan impor (uji coba)"), required=False, initial=True
    )
