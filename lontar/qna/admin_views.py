"""The staff desk for questions in the Wagtail admin: triage, assign, answer, redact, publish.

Questions are loaded only among the agencies the user may manage (another agency's question is
not found), and every change goes through `services`.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lontar.agencies.models import Unit
from lontar.agencies.selectors import agencies_visible_to
from lontar.qna import services
from lontar.qna.forms import AnswerForm, AssignForm
from lontar.qna.models import Question, Status
from lontar.regulations.models import LegalDocument

PERMISSION = "qna.change_question"


def may_handle_questions(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(PERMISSION))


def _require(request: HttpRequest) -> None:
    if not may_handle_questions(request.user):
        raise PermissionDenied


def _questions(request: HttpRequest):
    return Question.objects.filter(agency__in=agencies_visible_to(request.user))


def _question(request: HttpRequest, pk: int) -> Question:
    _require(request)
    question = _questions(request).select_related("agency", "assigned_unit").filter(pk=pk).first()
    if question is None:
        raise Http404
    return question


def _page(request, template: str, title: str, context: dict, status: int = 200):
    context = {"page_title": title, "header_title": title, "header_icon": "help", **context}
    return TemplateResponse(request, template, context, status=status)


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    _require(request)
    status = request.GET.get("status", "")
    questions = _questions(request).select_related("agency", "assigned_unit")
    if status in Status.values:
        questions = questions.filter(status=status)
    return _page(request, "qna/admin/queue.html", _("Tanya jawab"), {
        "questions": questions[:200], "statuses": Status.choices, "status": status,
    })


def _forms(question: Question, data=None) -> tuple[AssignForm, AnswerForm]:
    units = Unit.objects.filter(agency=question.agency_id)
    regulations = LegalDocument.objects.filter(agency=question.agency_id).order_by("-year")
    answer = getattr(question, "answer", None)
    initial = {"unit": question.assigned_unit_id}
    if answer:
        initial = {"text": answer.text, "unit": answer.unit_id,
                   "regulations": list(answer.regulations.values_list("pk", flat=True))}
    return (
        AssignForm(data, units=units, initial={"unit": question.assigned_unit_id}),
        AnswerForm(data, units=units, regulations=regulations, initial=initial),
    )


def _detail(request, question, assign_form=None, answer_form=None, status=200):
    default_assign, default_answer = _forms(question)
    return _page(request, "qna/admin/detail.html", _("Pertanyaan dari %(name)s") % {
        "name": question.asker_name}, {
        "q": question, "answer": getattr(question, "answer", None),
        "assign_form": assign_form or default_assign,
        "answer_form": answer_form or default_answer,
    }, status)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _question(request, pk))


@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    form, _answer = _forms(question, request.POST)
    if not form.is_valid():
        return _detail(request, question, assign_form=form, status=400)
    services.assign(question, form.cleaned_data["unit"])
    messages.success(request, _("Pertanyaan didisposisi ke %(unit)s.") % {
        "unit": form.cleaned_data["unit"].name})
    return redirect("qna_admin_detail", pk=pk)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    _assign, form = _forms(question, request.POST)
    if not form.is_valid():
        return _detail(request, question, answer_form=form, status=400)
    data = form.cleaned_data
    services.answer(
        question, text=data["text"], unit=data["unit"], regulations=data["regulations"],
        user=request.user,
        tracking_url=_public_url(request, question.tracking_url()),
    )
    messages.success(request, _("Jawaban disimpan. Periksa data pribadi lalu terbitkan."))
    return redirect("qna_admin_publish", pk=pk)


def _public_url(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if not hasattr(question, "answer"):
        messages.error(request, _("Jawab pertanyaan ini dahulu sebelum menerbitkannya."))
        return redirect("qna_admin_detail", pk=pk)
    question_hits, answer_hits = services.hits_for(question)
    if request.method == "POST":
        chosen_q = set(request.POST.getlist("q_hit"))
        chosen_a = set(request.POST.getlist("a_hit"))
        services.publish(
            question,
            question_hits=[h for i, h in enumerate(question_hits) if str(i) in chosen_q],
            answer_hits=[h for i, h in enumerate(answer_hits) if str(i) in chosen_a],
        )
        messages.success(request, _("Tanya jawab diterbitkan di FAQ."))
        return redirect("qna_admin_detail", pk=pk)
    return _page(request, "qna/admin/publish.html", _("Periksa data pribadi sebelum terbit"), {
        "q": question, "answer": question.answer,
        "question_hits": list(enumerate(question_hits)),
        "answer_hits": list(enumerate(answer_hits)),
    })


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if question.status == Status.PUBLISHED:
        services.unpublish(question)
        messages.success(request, _("Tanya jawab ditarik dari FAQ."))
    else:
        services.decline(question)
        messages.success(request, _("Pertanyaan ditandai tidak diterbitkan."))
    return redirect(reverse("qna_admin_detail", args=[pk]))
