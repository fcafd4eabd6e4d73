"""The Admin Agency's staff screen: invite, set roles, deactivate — own agency only.

Views are thin: `staff.py` holds every rule. An Admin Agency always works on their own agency;
a platform admin picks one with `?instansi=<slug>` (or works on their own profile's agency).
A staff member of another agency, or a platform admin, is not found (404).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lontar.agencies import staff
from lontar.agencies.models import Agency
from lontar.agencies.roles import ROLE_DESCRIPTIONS
from lontar.agencies.selectors import agency_of_user
from lontar.core import audit

LIST_URL = "agencies_staff"
INVITE_URL = "agencies_staff_invite"
DETAIL_URL = "agencies_staff_detail"
ROLE_CHOICES = [
    (role.value, f"{role.value} — {ROLE_DESCRIPTIONS[role]}") for role in staff.AGENCY_ROLES
]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Peran"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": gettext_lazy("Peran tidak dikenal atau tidak boleh diberikan.")
        },
    )


class InviteForm(RolesForm):
    full_name = forms.CharField(label=gettext_lazy("Nama lengkap"), max_length=staff.NAME_MAX)
    email = forms.EmailField(
        label=gettext_lazy("Surel"),
        max_length=254,
        help_text=gettext_lazy("Tautan sekali pakai untuk membuat kata sandi dikirim ke sini."),
    )
    position = forms.CharField(
        label=gettext_lazy("Jabatan"), max_length=staff.POSITION_MAX, required=False
    )
    field_order = ["full_name", "email", "position", "roles"]


def managed_agency(request: HttpRequest) -> Agency:
    """The agency whose staff this request manages; PermissionDenied / 404 otherwise."""
    user = request.user
    if not staff.may_manage_staff(user):
        raise PermissionDenied
    if user.is_superuser:
        slug = request.GET.get("instansi", "")
        if slug:
            if len(slug) > 60:
                raise Http404
            agency = Agency.objects.filter(slug=slug).first()
            if agency is None:
                raise Http404
            return agency
    agency = agency_of_user(user)
    if agency is None:
        raise Http404
    return agency


def _with_agency(url: str, request: HttpRequest, agency: Agency) -> str:
    return f"{url}?instansi={agency.slug}" if request.user.is_superuser else url


def _context(title: str, **extra) -> dict:
    return {"page_title": title, "header_title": title, "header_icon": "group", **extra}


def staff_list(request: HttpRequest) -> HttpResponse:
    agency = managed_agency(request)
    rows = [
        {
            "user": user,
            "roles": staff.roles_of(user),
            "invited": not user.has_usable_password(),
            "url": _with_agency(reverse(DETAIL_URL, args=[user.pk]), request, agency),
        }
        for user in staff.staff_of(agency)
    ]
    return TemplateResponse(
        request,
        "agencies/admin/staff_list.html",
        _context(
            _("Staf %(agency)s") % {"agency": agency.short_name},
            agency=agency,
            rows=rows,
            invite_url=_with_agency(reverse(INVITE_URL), request, agency),
        ),
    )


def staff_invite(request: HttpRequest) -> HttpResponse:
    agency = managed_agency(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = staff.invite_staff(
                agency=agency,
                email=data["email"],
                full_name=data["full_name"],
                position=data["position"],
                roles=data["roles"],
                actor=audit.Actor.from_request(request),
            )
        except staff.StaffError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(
                request,
                _("Undangan dikirim ke %(email)s.") % {"email": user.email},
            )
            return redirect(_with_agency(reverse(LIST_URL), request, agency))
    return TemplateResponse(
        request,
        "agencies/admin/staff_invite.html",
        _context(
            _("Undang staf %(agency)s") % {"agency": agency.short_name},
            agency=agency,
            form=form,
        ),
        status=400 if request.method == "POST" else 200,
    )


def staff_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """Roles (POST action=roles), deactivate/activate, and re-send the invitation."""
    agency = managed_agency(request)
    member = staff.staff_of(agency).filter(pk=user_id).first()
    if member is None:
        raise Http404
    back = _with_agency(reverse(LIST_URL), request, agency)
    form = RolesForm(initial={"roles": [role.value for role in staff.roles_of(member)]})
    refusal = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        actor = audit.Actor.from_request(request)
        try:
            if action == "roles":
                form = RolesForm(request.POST)
                if form.is_valid():
                    staff.set_roles(
                        agency=agency, user=member, roles=form.cleaned_data["roles"], actor=actor
                    )
                    messages.success(request, _("Peran diperbarui."))
                    return redirect(back)
            elif action in ("deactivate", "activate"):
                staff.set_active(
                    agency=agency, user=member, active=action == "activate", actor=actor
                )
                messages.success(
                    request,
                    _("Akun dinonaktifkan; semua sesinya berakhir.")
                    if action == "deactivate"
                    else _("Akun diaktifkan kembali."),
                )
                return redirect(back)
            elif action == "resend":
                staff.resend_invitation(agency=agency, user=member, actor=actor)
                messages.success(request, _("Undangan dikirim ulang."))
                return redirect(back)
            else:
                return HttpResponse(_("Tindakan tidak dikenal."), status=400)
        except staff.StaffError as error:
            refusal = str(error)
    return TemplateResponse(
        request,
        "agencies/admin/staff_detail.html",
        _context(
            member.get_full_name() or member.get_username(),
            agency=agency,
            member=member,
            form=form,
            invited=not member.has_usable_password(),
            is_self=member.pk == request.user.pk,
            refusal=refusal,
            back=back,
        ),
        status=400 if request.method == "POST" else 200,
    )
