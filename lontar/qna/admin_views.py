"""The staff desk for questions in the Wagtail admin: triage, assign, answer, redact, publish.

Questions are loaded only among the agencies the user may manage (another agency's question is
not found), and every change goes through `services`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lontar.agencies.models import Unit
from lontar.core import audit
from lontar.core.audit import Actor
from lontar.core.transitions import TransitionNotAllowed
from lontar.qna import selectors, services, states
from lontar.qna.forms import AnswerForm, AssignForm
from lontar.qna.models import Question, Status
from lontar.regulations.selectors import documents_for_citation


def _question(request: HttpRequest, pk: int) -> Question:
    return selectors.get_question_for_staff(request.user, pk)


def _page(request, template: str, title: str, context: dict, status: int = 200):
    context = {"page_title": title, "header_title": title, "header_icon": "help", **context}
    return TemplateResponse(request, template, context, status=status)


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    questions = selectors.questions_for_staff(request.user).select_related(
        "agency", "assigned_unit"
    )
    if status in Status.values:
        questions = questions.filter(status=status)
    return _page(
        request,
        "qna/admin/queue.html",
        _("Tanya jawab"),
        {
            "questions": questions[:200],
            "statuses": Status.choices,
            "status": status,
        },
    )


def _forms(question: Question, data=None) -> tuple[AssignForm, AnswerForm]:
    units = Unit.objects.filter(agency=question.agency_id)
    regulations = documents_for_citation(question.agency_id)
    answer = getattr(question, "answer", None)
    initial = {"unit": question.assigned_unit_id}
    if answer:
        initial = {
            "text": answer.text,
            "unit": answer.unit_id,
            "regulations": list(answer.regulations.values_list("pk", flat=True)),
        }
    return (
        AssignForm(data, units=units, initial={"unit": question.assigned_unit_id}),
        AnswerForm(data, units=units, regulations=regulations, initial=initial),
    )


def _detail(request, question, assign_form=None, answer_form=None, status=200):
    default_assign, default_answer = _forms(question)
    return _page(
        request,
        "qna/admin/detail.html",
        _("Pertanyaan dari %(name)s") % {"name": question.asker_name},
        {
            "q": question,
            "answer": getattr(question, "answer", None),
            "actions": services.allowed_actions(question, request.user),
            "events": _history(question),
            "assign_form": assign_form or default_assign,
            "answer_form": answer_form or default_answer,
        },
        status,
    )


def _history(question: Question) -> list[dict]:
    """The question's audit events for the screen: when, who, what (no address)."""
    rows = []
    for event in audit.events_for(question):
        action = event.action.removeprefix("qna.")
        who = (event.actor.get_full_name() or event.actor.get_username()) if event.actor else ""
        rows.append(
            {
                "at": event.at,
                "who": who or _("Sistem"),
                "action": states.ACTION_LABELS.get(action, event.action),
            }
        )
    return rows


def _refused(request: HttpRequest, pk: int, exc: TransitionNotAllowed) -> HttpResponse:
    messages.error(request, str(exc))
    return redirect("qna_admin_detail", pk=pk)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _question(request, pk))


@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    form, _answer = _forms(question, request.POST)
    if not form.is_valid():
        return _detail(request, question, assign_form=form, status=400)
    try:
        services.assign(question, form.cleaned_data["unit"], actor=Actor.from_request(request))
    except TransitionNotAllowed as exc:
        return _refused(request, pk, exc)
    messages.success(
        request, _("Pertanyaan didisposisi ke %(unit)s.") % {"unit": form.cleaned_data["unit"].name}
    )
    return redirect("qna_admin_detail", pk=pk)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    _assign, form = _forms(question, request.POST)
    if not form.is_valid():
        return _detail(request, question, answer_form=form, status=400)
    data = form.cleaned_data
    try:
        services.answer(
            question,
            text=data["text"],
            unit=data["unit"],
            regulations=data["regulations"],
            actor=Actor.from_request(request),
            tracking_url=question.agency.absolute_url(question.tracking_url()),
        )
    except TransitionNotAllowed as exc:
        return _refused(request, pk, exc)
    messages.success(request, _("Jawaban disimpan. Periksa data pribadi lalu terbitkan."))
    return redirect("qna_admin_publish", pk=pk)


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if states.PUBLISH not in services.allowed_actions(question, request.user):
        messages.error(request, _("Jawab pertanyaan ini dahulu sebelum menerbitkannya."))
        return redirect("qna_admin_detail", pk=pk)
    question_hits, answer_hits = services.hits_for(question)
    if request.method == "POST":
        chosen_q = set(request.POST.getlist("q_hit"))
        chosen_a = set(request.POST.getlist("a_hit"))
        try:
            services.publish(
                question,
                question_hits=[h for i, h in enumerate(question_hits) if str(i) in chosen_q],
                answer_hits=[h for i, h in enumerate(answer_hits) if str(i) in chosen_a],
                actor=Actor.from_request(request),
            )
        except TransitionNotAllowed as exc:
            return _refused(request, pk, exc)
        messages.success(request, _("Tanya jawab diterbitkan di FAQ."))
        return redirect("qna_admin_detail", pk=pk)
    return _page(
        request,
        "qna/admin/publish.html",
        _("Periksa data pribadi sebelum terbit"),
        {
            "q": question,
            "answer": question.answer,
            "question_hits": list(enumerate(question_hits)),
            "answer_hits": list(enumerate(answer_hits)),
        },
    )


# One URL takes the entry off the FAQ (unpublish) or marks it not to be published (decline);
# the button says which, and the service checks it against the table.
WITHDRAW_ACTIONS = {
    states.UNPUBLISH: (services.unpublish, gettext_lazy("Tanya jawab ditarik dari FAQ.")),
    states.DECLINE: (services.decline, gettext_lazy("Pertanyaan ditandai tidak diterbitkan.")),
}


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    action = request.POST.get("action", "")
    if action not in WITHDRAW_ACTIONS:
        return HttpResponseBadRequest(_("Tindakan tidak dikenal."))
    service, done = WITHDRAW_ACTIONS[action]
    try:
        service(question, actor=Actor.from_request(request))
    except TransitionNotAllowed as exc:
        return _refused(request, pk, exc)
    messages.success(request, done)
    return redirect("qna_admin_detail", pk=pk)
