"""The objection desk in the Wagtail admin: the Atasan PPID answers, officers record disputes.

Objections are loaded only through `selectors.get_objection_for_staff` (another agency's is a
404); the page offers exactly `services.allowed_actions`, and every change is one service call.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lontar.core.audit import Actor, events_for
from lontar.objections import clock, selectors, services, states
from lontar.objections.forms import AnswerForm, DisputeStepForm
from lontar.objections.states import Status


def _page(request, template: str, title: str, context: dict, status: int = 200):
    context = {"page_title": title, "header_title": title, "header_icon": "warning", **context}
    return TemplateResponse(request, template, context, status=status)


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    objections = selectors.objections_for_staff(request.user).select_related(
        "agency", "information_request"
    )
    status = request.GET.get("status", "")
    if status in Status.values:
        objections = objections.filter(status=status)
    return _page(
        request,
        "objections/admin/queue.html",
        _("Keberatan"),
        {
            "objections": objections.order_by("answer_due")[:200],
            "statuses": Status.choices,
            "status": status,
        },
    )


def _detail(request, objection, answer_form=None, step_form=None, status=200):
    user = request.user
    actions = services.allowed_actions(objection, user)
    context = {
        "o": objection,
        "actions": actions,
        "due": clock.answer_deadline(objection),
        "dispute": clock.dispute_for(objection),
        "answer_form": answer_form or AnswerForm(),
        "step_form": step_form or DisputeStepForm(),
        "steps": objection.dispute_steps.all(),
        "history": events_for(objection),
    }
    return _page(request, "objections/admin/detail.html", objection.number, context, status)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.get_objection_for_staff(request.user, pk))


def _errors_to(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, messages_ in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    objection = selectors.get_objection_for_staff(request.user, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_objection(
                objection,
                services.Answer(
                    data["outcome"], data["text"], data["superior_name"], data["superior_position"]
                ),
                actor=Actor.from_request(request),
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Tanggapan Atasan PPID disimpan."))
            return redirect("objections_admin_detail", pk)
    return _detail(request, objection, answer_form=form, status=400)


@require_POST
def dispute(request: HttpRequest, pk: int) -> HttpResponse:
    objection = selectors.get_objection_for_staff(request.user, pk)
    form = DisputeStepForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_dispute_step(
                objection,
                services.Step(
                    data["stage"], data["on"], data["reference"], data["outcome"], data["note"]
                ),
                actor=Actor.from_request(request),
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, _("Tahap sengketa dicatat."))
            return redirect("objections_admin_detail", pk)
    return _detail(request, objection, step_form=form, status=400)


__all__ = ["answer", "detail", "dispute", "queue", "states"]
