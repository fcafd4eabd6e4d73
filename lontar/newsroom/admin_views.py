"""Admin views of the newsroom: prompts, drafts from prompts and templates, the checklist,
the targets dashboard and the writer's own preference."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from lontar.agencies.models import Agency, StaffProfile
from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.core.params import InvalidParameter, parse_int
from lontar.news.models import NewsArticlePage
from lontar.newsroom import checks, drafts, services
from lontar.newsroom.digest import month_name
from lontar.newsroom.figures import month_figures
from lontar.newsroom.models import ArticleTemplate, Prompt, WriterPreference

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def _agency_for(request: HttpRequest) -> Agency:
    agency = agency_of_user(request.user)
    if agency is None and request.user.is_superuser:
        chosen = parse_int(request.GET.get("instansi"), "instansi", minimum=1, maximum=2**31 - 1)
        visible = agencies_visible_to(request.user).exclude(site=None)
        agency = visible.filter(pk=chosen).first() if chosen else visible.first()
    if agency is None:
        raise PermissionDenied
    return agency


def prompts(request: HttpRequest) -> HttpResponse:
    agency = _agency_for(request)
    waiting = services.waiting_for(agency, request.user).select_related("article")
    templates = ArticleTemplate.objects.filter(agency=agency)
    return TemplateResponse(
        request,
        "newsroom/admin/prompts.html",
        {"prompts": waiting, "templates": templates, "agency": agency},
    )


@require_POST
def prompt_draft(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency_for(request)
    prompt = get_object_or_404(Prompt, agency=agency, pk=pk)
    if prompt.status == Prompt.Status.DISMISSED:
        raise Http404
    page = drafts.draft_from_prompt(prompt, request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def prompt_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency_for(request)
    prompt = get_object_or_404(Prompt, agency=agency, pk=pk, status=Prompt.Status.OPEN)
    prompt.status = Prompt.Status.DISMISSED
    prompt.save(update_fields=["status"])
    messages.success(request, _("Ajakan diabaikan."))
    return redirect("newsroom_prompts")


@require_POST
def template_draft(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency_for(request)
    template = get_object_or_404(ArticleTemplate, agency=agency, pk=pk)
    page = drafts.draft_from_template(template, request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)


def checklist(request: HttpRequest, page_id: int) -> HttpResponse:
    """The checklist of an article's latest revision: a fragment shown beside the editor."""
    agency = _agency_for(request)
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit() and not (
        page.owner_id == request.user.pk
    ):
        raise PermissionDenied
    article = page.get_latest_revision_as_object() if page.latest_revision_id else page.specific
    site = agency.site
    if not isinstance(article, NewsArticlePage) or site is None:
        raise Http404
    if not page.path.startswith(site.root_page.path):
        raise Http404
    return TemplateResponse(
        request,
        "newsroom/admin/checklist.html",
        {"checks": checks.checks_for(article), "page": page},
    )


def _month(request: HttpRequest, agency: Agency) -> tuple[int, int]:
    raw = request.GET.get("bulan")
    if not raw:
        today = agency.today()
        return today.year, today.month
    found = _MONTH.fullmatch(raw.strip())
    if (
        not found
        or not (1 <= int(found.group(2)) <= 12)
        or not (2000 <= int(found.group(1)) <= 2200)
    ):
        raise InvalidParameter("bulan", _("Bulan ditulis TTTT-BB, mis. 2026-03."))
    return int(found.group(1)), int(found.group(2))


def dashboard(request: HttpRequest) -> HttpResponse:
    agency = _agency_for(request)
    year, month = _month(request, agency)
    figures = month_figures(agency, year, month)
    return TemplateResponse(
        request,
        "newsroom/admin/dashboard.html",
        {
            "figures": figures,
            "month_label": month_name(year, month),
            "month_value": f"{year}-{month:02d}",
            "targets_url": reverse("wagtailsnippets_newsroom_unitdesk:list"),
        },
    )


@require_http_methods(["GET", "POST"])
def preference(request: HttpRequest) -> HttpResponse:
    user_id = request.user.pk
    staff = StaffProfile.objects.filter(user_id=user_id).first() if user_id else None
    if staff is None:
        raise PermissionDenied
    pref, _created = WriterPreference.objects.get_or_create(staff=staff)
    if request.method == "POST":
        pref.hide_from_public_ranking = request.POST.get("sembunyikan") == "1"
        pref.save(update_fields=["hide_from_public_ranking"])
        messages.success(request, _("Preferensi disimpan."))
        return redirect("newsroom_preference")
    return TemplateResponse(request, "newsroom/admin/preference.html", {"preference": pref})
