"""The platform admin's screen for onboarding an agency: a form in front of `create_agency`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lontar.agencies.models import INDONESIAN_TIME_ZONES, Agency
from lontar.agencies.onboarding import NewAgency, OnboardingError, create_agency
from lontar.core import audit

URL_NAME = "agencies_onboard"


def may_onboard(user) -> bool:
    """Onboarding creates sites and groups for the whole platform: platform admins only."""
    return bool(user.is_authenticated and user.is_superuser)


class OnboardingForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama instansi"), max_length=200)
    short_name = forms.CharField(label=gettext_lazy("Nama singkat"), max_length=40)
    slug = forms.SlugField(
        label=gettext_lazy("Slug"),
        max_length=60,
        help_text=gettext_lazy("Huruf kecil dan tanda hubung, mis. dinas-kesehatan."),
    )
    public_base_url = forms.CharField(
        label=gettext_lazy("Alamat publik"),
        max_length=200,
        help_text=gettext_lazy("Mis. https://dinkes.example.go.id (tanpa jalur)."),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Jenis"), choices=Agency.Kind.choices, initial=Agency.Kind.OPD
    )
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Instansi induk"),
        queryset=Agency.objects.order_by("name"),
        required=False,
    )
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Zona waktu"), choices=INDONESIAN_TIME_ZONES, initial="Asia/Makassar"
    )
    email = forms.EmailField(label=gettext_lazy("Surel instansi"), required=False)
    phone = forms.CharField(label=gettext_lazy("Telepon"), max_length=40, required=False)
    admin_email = forms.EmailField(
        label=gettext_lazy("Surel Admin Instansi pertama"),
        required=False,
        help_text=gettext_lazy("Ia menerima tautan untuk membuat kata sandi."),
    )
    admin_name = forms.CharField(
        label=gettext_lazy("Nama Admin Instansi"), max_length=150, required=False
    )

    def spec(self) -> NewAgency:
        return NewAgency(**self.cleaned_data)


def onboard(request: HttpRequest) -> HttpResponse:
    if not may_onboard(request.user):
        raise PermissionDenied
    form = OnboardingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            onboarded = create_agency(form.spec(), actor=audit.Actor.from_request(request))
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            agency = onboarded.agency
            if onboarded.created:
                messages.success(
                    request,
                    _("Instansi %(name)s dibuat di %(url)s.")
                    % {"name": agency.name, "url": agency.base_url},
                )
            else:
                messages.info(request, _("Instansi ini sudah ada; yang kurang sudah dilengkapi."))
            return redirect("wagtailsnippets_agencies_agency:edit", agency.pk)
    title = _("Tambah instansi")
    return TemplateResponse(
        request,
        "agencies/admin/onboard.html",
        {"form": form, "page_title": title, "header_title": title, "header_icon": "site"},
    )
