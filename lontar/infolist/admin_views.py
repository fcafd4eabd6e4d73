"""Staff pages: confirm the category of the automatic DIP sources; publish a notice."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.audit import Actor
from lontar.infolist import registry, services, states
from lontar.infolist.categories import Category
from lontar.infolist.models import SourceConfirmation, UrgentNotice


def _own_agency(request: HttpRequest):
    if not request.user.has_perm(states.DESK_PERMISSION):
        raise PermissionDenied
    agency = getattr(getattr(request.user, "staff_profile", None), "agency", None)
    if agency is None:
        agency = agencies_visible_to(request.user).order_by("pk").first()
    if agency is None:
        raise Http404
    return agency


@require_http_methods(["GET", "POST"])
def sources(request: HttpRequest) -> HttpResponse:
    agency = _own_agency(request)
    if request.method == "POST":
        try:
            services.confirm_source(
                agency,
                request.POST.get("source", "")[:60],
                request.POST.get("category", "")[:12],
                actor=Actor.from_request(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Kategori sumber DIP dikonfirmasi."))
        return redirect("infolist_admin_sources")
    confirmed = dict(
        SourceConfirmation.objects.filter(agency=agency).values_list("source_key", "category")
    )
    rows = [
        {
            "key": source.key,
            "label": source.label,
            "proposed": Category(source.proposed_category),
            "confirmed": Category(confirmed[source.key]) if source.key in confirmed else None,
        }
        for source in registry.sources()
    ]
    context = {
        "page_title": _("Sumber DIP otomatis"),
        "header_title": _("Sumber DIP otomatis"),
        "rows": rows,
        "categories": Category.choices,
    }
    return TemplateResponse(request, "infolist/admin/sources.html", context)


@require_http_methods(["GET", "POST"])
def notice_actions(request: HttpRequest, pk: int) -> HttpResponse:
    notice = UrgentNotice.objects.filter(
        pk=pk, agency__in=agencies_visible_to(request.user)
    ).first()
    if notice is None or not request.user.has_perm(states.DESK_PERMISSION):
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action", "")
        actor = Actor.from_request(request)
        try:
            if action == states.PUBLISH:
                services.publish_notice(notice, actor=actor)
            elif action == states.WITHDRAW:
                services.withdraw_notice(notice, actor=actor)
            else:
                raise ValidationError(_("Tindakan tidak dikenal."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Pengumuman diperbarui."))
        return redirect("infolist_admin_notice", pk)
    context = {
        "page_title": notice.title,
        "header_title": notice.title,
        "n": notice,
        "actions": services.allowed_notice_actions(notice, request.user),
    }
    return TemplateResponse(request, "infolist/admin/notice.html", context)
