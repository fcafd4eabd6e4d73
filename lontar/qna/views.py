"""Public side of questions: ask, track, the FAQ with search, feedback."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lontar.agencies.selectors import agency_for_request
from lontar.core import bookmarks, idempotency
from lontar.core.models import SubmissionKey
from lontar.core.params import choice, parse_page, search_query
from lontar.core.ratelimit import hit_and_check
from lontar.core.retirement import closed_when_retired
from lontar.core.sameorigin import same_origin_post
from lontar.qna import lists, schema_org, selectors, services
from lontar.qna.forms import QuestionForm
from lontar.qna.models import Category, Question
from lontar.qna.related import moments_for

QUESTIONS_PER_HOUR = 5
FEEDBACK_PER_HOUR = 30
PER_PAGE = 20
_VOTED = "qna_voted"
_SCOPE = "qna.question"


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


@never_cache
@closed_when_retired
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        key = idempotency.key_from(request.POST)
        earlier = idempotency.earlier(_SCOPE, key)
        if earlier is not None:  # a double click or a retried POST: nothing new is asked
            return _asked(earlier)
        valid = form.is_valid()
        # Counting is the check (one atomic increment): a parallel burst gets the allowance only.
        if valid and not hit_and_check(request, "qna-ask", QUESTIONS_PER_HOUR, 3600):
            form.add_error(
                None,
                _(
                    "Terlalu banyak pertanyaan dari perangkat ini dalam satu "
                    "jam. Silakan coba lagi nanti."
                ),
            )
            return render(request, "qna/ask.html", {"form": form}, status=429)
        if valid:
            data = form.cleaned_data
            # Stored and committed, with its idempotency key, before the confirmation shows.
            outcome = idempotency.submit_once(
                _SCOPE,
                key,
                agency=agency,
                create=lambda: services.submit_question(
                    agency=agency,
                    asker_name=data["asker_name"],
                    email=data["email"],
                    phone=data["phone"],
                    category=data["category"],
                    anonymous_in_public=data["anonymous_in_public"],
                    question_text=data["question_text"],
                    tracking_url_of=lambda q: agency.absolute_url(q.tracking_url()),
                ),
            )
            if outcome.created is None:  # lost a race with the same key
                assert outcome.earlier is not None
                return _asked(outcome.earlier)
            return redirect(f"{outcome.created.tracking_url()}?baru=1")
    return render(request, "qna/ask.html", {"form": form})


def _asked(earlier: SubmissionKey) -> HttpResponse:
    """A repeated POST is answered as the first was: the question's own tracking page.

    The key is a random token only the page that asked held, as unguessable as the tracking link.
    """
    question = Question.objects.get(pk=earlier.object_id)
    return redirect(f"{question.tracking_url()}?baru=1")


@never_cache
def track(request: HttpRequest, token: str) -> HttpResponse:
    question = selectors.tracked_question(token)
    if question is None:
        raise Http404
    return render(
        request,
        "qna/track.html",
        {
            "q": question,
            "answer": getattr(question, "answer", None),
            "is_new": request.GET.get("baru") == "1",
        },
    )


def index(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    category = choice(request.GET.get("kategori"), "kategori", frozenset(Category.values))
    query = search_query(request.GET.get("q"))
    page_number = parse_page(request.GET.get("halaman"))
    questions = selectors.faq(agency, category=category, query=query)
    # The page's ids first, along the (agency, status, published_at) index, then its rows with
    # their answers: at page 500 the offset skips index entries, not 5,000 joined rows.
    page: Page[Any]
    if isinstance(questions, list):
        page = Paginator(questions, PER_PAGE).get_page(page_number)
    else:
        ids = questions.values_list("pk", flat=True)
        if category or query:
            page = Paginator(ids, PER_PAGE).get_page(page_number)
        else:  # all published: the stored count, and a deep page from a bookmark (issue 22)
            paginator = bookmarks.BookmarkedPaginator(
                ids, PER_PAGE, list_key=lists.list_key(agency.pk), order=lists.ORDER
            )
            page = paginator.get_page(page_number)
        ids = list(page.object_list)
        found = {question.pk: question for question in questions.filter(pk__in=ids)}
        page.object_list = [found[pk] for pk in ids if pk in found]
    return render(
        request,
        "qna/index.html",
        {
            "page_obj": page,
            "category": category,
            "categories": Category.choices,
            "query": query,
        },
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency(request)
    try:
        question = selectors.faq_entry(agency, pk)
    except Question.DoesNotExist:
        raise Http404 from None
    url = agency.absolute_url(question.get_absolute_url())
    return render(
        request,
        "qna/detail.html",
        {
            "canonical_url": url,
            "json_ld": schema_org.faq_json_ld(question, agency, url),
            "q": question,
            "answer": question.answer,
            "regulations": list(question.answer.regulations.all()),
            "similar": selectors.similar_questions(question),
            "moments": _moments(question),
            "voted": pk in request.session.get(_VOTED, []),
            "thanks": request.GET.get("terima-kasih") == "1",
        },
    )


def _moments(question: Question) -> list:
    """Podcast chapters that discuss this question (when the podcast app offers them)."""
    return moments_for(question)


@same_origin_post  # its form is on cached pages: no token (decision 0021)
@require_POST
@closed_when_retired
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency(request)
    try:
        question = selectors.published_questions(agency).get(pk=pk)
    except Question.DoesNotExist:
        raise Http404 from None
    voted = request.session.get(_VOTED, [])
    if pk not in voted and hit_and_check(request, "qna-feedback", FEEDBACK_PER_HOUR, 3600):
        services.record_feedback(question, request.POST.get("membantu") == "ya")
        request.session[_VOTED] = [*voted, pk][-200:]
    return redirect(f"{question.get_absolute_url()}?terima-kasih=1#umpan-balik")
