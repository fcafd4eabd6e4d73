"""The site's look, set by its Admin Agency: logo, two colours (contrast-checked), short name.

Colours that fail WCAG AA (4.5:1 against white, `theme.colour_problem`) are refused with the
reason beside the field. A new short name goes through `lifecycle.rename_agency`, so role
groups and the moderation workflow follow it. The public base template inlines the colours as
CSS custom properties (`Agency.theme_css`); nothing else is needed.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser

from lontar.agencies import lifecycle, theme
from lontar.agencies.models import Agency
from lontar.agencies.onboarding import SHORT_NAME_MAX, OnboardingError
from lontar.agencies.roles import Role
from lontar.agencies.selectors import agency_of_user
from lontar.core import audit

URL_NAME = "agencies_theme"


def may_theme(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=Role.AGENCY_ADMIN.value).exists()


class ThemeForm(forms.Form):
    short_name = forms.CharField(
        label=gettext_lazy("Nama singkat situs"),
        max_length=SHORT_NAME_MAX,
        help_text=gettext_lazy("Tampil di kepala situs pada layar ponsel, mis. BKD."),
    )
    logo = forms.ModelChoiceField(
        label=gettext_lazy("Logo"), queryset=get_image_model().objects.none(), required=False
    )
    brand_colour = forms.CharField(
        label=gettext_lazy("Warna utama"),
        max_length=7,
        required=False,
        help_text=gettext_lazy(
            "Kode heksadesimal, mis. #0b4f6c. Latar kepala situs dan tombol (teks putih), "
            "juga warna tautan. Kosongkan untuk warna bawaan."
        ),
    )
    accent_colour = forms.CharField(
        label=gettext_lazy("Warna aksen"),
        max_length=7,
        required=False,
        help_text=gettext_lazy("Kode heksadesimal, mis. #8a4b08. Kosongkan untuk warna bawaan."),
    )

    def __init__(self, *args, agency: Agency, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        images = get_image_model().objects.all()
        if not user.is_superuser:
            images = images.filter(collection=agency.collection)
        logo = self.fields["logo"]
        assert isinstance(logo, forms.ModelChoiceField)
        logo.queryset = images
        logo.widget = AdminImageChooser()

    def _colour(self, name: str) -> str:
        value = self.cleaned_data.get(name, "").strip()
        if not value:
            return ""
        problem = theme.colour_problem(value)
        if problem:
            raise forms.ValidationError(problem, code="low_contrast")
        return theme.normalise(value)

    def clean_brand_colour(self) -> str:
        return self._colour("brand_colour")

    def clean_accent_colour(self) -> str:
        return self._colour("accent_colour")


def themed_agency(request: HttpRequest) -> Agency:
    if not may_theme(request.user):
        raise PermissionDenied
    slug = request.GET.get("instansi", "")
    if request.user.is_superuser and slug:
        agency = Agency.objects.filter(slug=slug[:60]).first()
    else:
        agency = agency_of_user(request.user)
    if agency is None:
        raise Http404
    return agency


def edit_theme(request: HttpRequest) -> HttpResponse:
    agency = themed_agency(request)
    initial = {
        "short_name": agency.short_name,
        "logo": agency.logo_id,
        "brand_colour": agency.brand_colour,
        "accent_colour": agency.accent_colour,
    }
    form = ThemeForm(request.POST or None, initial=initial, agency=agency, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actor = audit.Actor.from_request(request)
        try:
            with transaction.atomic():
                if data["short_name"].strip() != agency.short_name:
                    agency = lifecycle.rename_agency(
                        agency, name=agency.name, short_name=data["short_name"], actor=actor
                    )
                before = {name: getattr(agency, name) for name in ("brand_colour", "accent_colour")}
                agency.logo = data["logo"]
                agency.brand_colour = data["brand_colour"]
                agency.accent_colour = data["accent_colour"]
                agency.save(update_fields=["logo", "brand_colour", "accent_colour"])
                audit.record(
                    actor=actor,
                    action="agency.themed",
                    obj=agency,
                    agency=agency,
                    changes={name: [old, data[name]] for name, old in before.items()},
                )
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("Tampilan situs disimpan."))
            return redirect(request.get_full_path())
    title = _("Tampilan situs %(agency)s") % {"agency": agency.short_name}
    return TemplateResponse(
        request,
        "agencies/admin/theme.html",
        {
            "form": form,
            "media": form.media,
            "agency": agency,
            "page_title": title,
            "header_title": title,
            "header_icon": "image",
        },
        status=400 if request.method == "POST" else 200,
    )
