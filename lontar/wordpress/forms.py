"""The platform admin's upload of a WordPress export for one agency."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lontar.agencies.models import Agency
from lontar.wordpress import wxr

MAX_BYTES = 200 * 1024 * 1024  # an export of ten thousand posts is some tens of MB


class UploadForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Instansi"), queryset=Agency.objects.filter(site__isnull=False)
    )
    file = forms.FileField(
        label=_("Berkas ekspor WordPress (.xml)"),
        help_text=_("Dari WordPress: Alat → Ekspor → Semua konten."),
    )
    fetch_media = forms.BooleanField(
        label=_("Unduh lampiran (gambar, dokumen) dari situs lama"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not str(upload.name).lower().endswith(".xml"):
            raise forms.ValidationError(_("Unggah berkas .xml hasil ekspor WordPress."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Ukuran berkas paling besar 200 MB."))
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            wxr.parse(data)
        except wxr.WXRError:
            raise forms.ValidationError(
                _("Berkas ini bukan ekspor WordPress (WXR versi 1.1 atau 1.2).")
            ) from None
        return upload
