"""T-IN-2: a corpus of XSS payloads through every free-text field, then every surface rendered.

Citizens' fields (request form, question form, survey suggestion) and staff fields (article
title, lead and rich text incl. a `javascript:` link, Q&A answer, regulation title, dataset
title and description, agenda event) are filled with the payloads of `xss.PAYLOADS`. Then the
public pages, register, search, admin listings and detail pages (as staff), e-mails, CSV/XLSX
exports, feeds (RSS, Atom, iCal) and JSON APIs are fetched, and none may carry a payload as
live markup (see `xss.html_problems`). Each surface must also show some payloads at all, so a
page that silently drops everything cannot pass.
"""

from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing

from lontar.core.tests.xss import PAYLOADS, assert_reached, assert_safe_html

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def _chunks(size: int) -> list[list[str]]:
    """The corpus cut into rows of `size` payloads (the last row padded from the start)."""
    rows = [PAYLOADS[i : i + size] for i in range(0, len(PAYLOADS), size)]
    rows[-1] += PAYLOADS[: size - len(rows[-1])]
    return rows


def _get(client, url: str, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _html(client, url: str, *, at_least: int = 1, **extra) -> str:
    response = _get(client, url, **extra)
    assert response["Content-Type"].startswith("text/html"), url
    text = response.content.decode()
    assert_safe_html(text, url)
    assert_reached(text, url, at_least)
    return text


def _json(client, url: str) -> object:
    response = _get(client, url)
    assert response["Content-Type"].startswith(("application/json", "application/ld+json")), url
    text = response.content.decode()
    assert_reached(text, url)
    return json.loads(text)


_HTML_IN_FEEDS = ("description", "summary", "content", "encoded")


def _feed_items_are_safe(client, url: str) -> None:
    """Feed readers render descriptions, summaries and content as HTML, so once XML-decoded
    they must be safe HTML too. Titles are plain text to readers and are only XML-escaped."""
    response = _get(client, url)
    root = ET.fromstring(response.content)
    texts = [element.text or "" for element in root.iter()]
    assert_reached("\n".join(texts), url)
    html_texts = [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in _HTML_IN_FEEDS
    ]
    assert_reached("\n".join(html_texts), f"{url} descriptions")
    for text in html_texts:
        assert_safe_html(text, url)


def _csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def _assert_no_formula(cells: list[str], where: str) -> None:
    live = [c for c in cells if c.startswith(("=", "+", "@")) or (c.startswith("-") and "(" in c)]
    assert not live, f"{where}: {live[:3]}"


def _assert_mail_safe(where: str) -> None:
    assert mail.outbox, where
    for message in mail.outbox:
        assert_safe_html(message.subject, where)
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                assert_safe_html(content, where)
        assert message.content_subtype == "plain", f"{where}: body is sent as HTML"


# --- citizens ----------------------------------------------------------------------------------


def test_information_requests_render_escaped_everywhere(
    client, agency_a, ppid_officer_a, django_capture_on_commit_callbacks
):
    from lontar.ppid import mail as ppid_mail
    from lontar.ppid.tests.helpers import form_data, make_request

    requests = []
    for name, occupation, address, wanted, purpose in _chunks(5):
        request, code = make_request(
            agency_a,
            name=name,
            occupation=occupation,
            address=address,
            information_requested=wanted,
            purpose=purpose,
        )
        request.public_summary = wanted  # an officer copying the citizen's words
        request.save()
        ppid_mail.send_receipt(request, code)
        requests.append(request)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(
            "/ppid/permohonan/baru/",
            form_data(information_requested=PAYLOADS[0], purpose=PAYLOADS[5]),
        )
    assert posted.status_code == 302

    _html(client, "/ppid/register/", at_least=5)
    cells = _csv_cells(_get(client, "/ppid/register.csv").content)
    assert_reached("\n".join(cells), "register.csv")
    _assert_no_formula(cells, "register.csv")
    _assert_mail_safe("receipt e-mail")

    client.force_login(ppid_officer_a)
    _html(client, "/admin/ppid/permohonan/", at_least=0)  # numbers and dates only
    for request in requests:
        _html(client, f"/admin/ppid/permohonan/{request.pk}/", at_least=5)


def test_questions_render_escaped_everywhere(
    client, agency_a, agency_admin_a, django_capture_on_commit_callbacks
):
    from lontar.qna.forms import _FORM_SALT
    from lontar.qna.models import Status
    from lontar.qna.tests.helpers import grant_question_desk, make_question

    questions = []
    for name, text, answer in _chunks(3):
        questions.append(
            make_question(
                agency_a, asker_name=name, text=text, answer_text=answer, status=Status.PUBLISHED
            )
        )
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            "/tanya-jawab/tanya/",
            {
                "asker_name": PAYLOADS[1],
                "email": "budi@example.id",
                "phone": "",
                "category": "pensiun",
                "question_text": PAYLOADS[2],
                "website": "",
                "shown_at": signing.dumps(time.time() - 60, salt=_FORM_SALT),
            },
        )
    assert asked.status_code == 302
    _assert_mail_safe("question e-mail")

    _html(client, "/tanya-jawab/", at_least=5)
    for question in questions:
        _html(client, question.get_absolute_url(), at_least=2)
    _html(client, "/cari/?q=alert")

    grant_question_desk(agency_admin_a)
    client.force_login(agency_admin_a)
    _html(client, "/admin/tanya-jawab/", at_least=5)
    for question in questions[:4]:
        _html(client, f"/admin/tanya-jawab/{question.pk}/", at_least=3)


def test_survey_suggestions_render_escaped_and_export_without_formulas(
    client, agency_a, agency_admin_a
):
    from lontar.survey import services
    from lontar.survey.tests.conftest import make_period
    from lontar.survey.tests.helpers import all_answers, submit

    period_a = make_period(agency_a)
    for payload in PAYLOADS:
        submit(period_a, all_answers(4), suggestion=payload, service_received=payload)
    period_a.follow_up_plan = PAYLOADS[3]
    period_a.save()
    published = services.publish_period(period_a, by=agency_admin_a)

    cells = _csv_cells(_get(client, f"/survei/hasil/{published.pk}/jawaban.csv").content)
    assert_reached("\n".join(cells), "jawaban.csv", at_least=10)
    _assert_no_formula(cells, "jawaban.csv")
    _html(client, "/survei/hasil/")


# --- staff -------------------------------------------------------------------------------------


def _as_editor_saves_it(text: str, *urls: str) -> str:
    """Rich text as the admin's editor stores it: Draftail posts contentstate, and Wagtail's
    converter turns it into the database format with its allowlist (links included)."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from lontar.pages.blocks import RICH_TEXT_FEATURES

    words = [f"tautan{i}" for i in range(len(urls))]
    line = " ".join([text, *words])
    ranges, entities = [], {}
    for i, (word, url) in enumerate(zip(words, urls, strict=True)):
        ranges.append({"offset": line.index(word), "length": len(word), "key": i})
        entities[str(i)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    contentstate = {
        "blocks": [
            {
                "key": "b",
                "type": "unstyled",
                "text": line,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": ranges,
                "data": {},
            },
        ],
        "entityMap": entities,
    }
    return ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def test_news_articles_render_escaped_in_pages_feeds_search_and_admin(
    client, agency_a, platform_admin
):
    from lontar.news.tests.helpers import article, news_index

    index = news_index(agency_a)
    pages = []
    for n, (title, lead, body, link) in enumerate(_chunks(4)):
        page = article(index, f"{title} {n}")
        page.lead = lead
        page.body = [("paragraph", _as_editor_saves_it(body, f"javascript:alert('XSS{n}0')", link))]
        page.save_revision().publish()
        pages.append(page)

    _html(client, "/berita/", at_least=5)
    for page in pages:
        text = _html(client, page.url, at_least=2)
        assert 'href="javascript:' not in text.lower()
    _html(client, "/cari/?q=alert")
    _feed_items_are_safe(client, "/berita/feed/rss/")
    _feed_items_are_safe(client, "/berita/feed/atom/")

    from lontar.podcast.tests.helpers import make_episode, make_show

    show = make_show(agency_a)
    for n, (title, notes) in enumerate(_chunks(2)[:2]):
        episode = make_episode(show, slug=f"episode-{n}", title=title, transcript="")
        episode.notes = notes
        episode.save()
    _feed_items_are_safe(client, f"/podcast/{show.slug}/feed.xml")
    _html(client, f"/podcast/{show.slug}/")

    client.force_login(platform_admin)
    _html(client, f"/admin/pages/{index.pk}/", at_least=5)
    for page in pages[:3]:
        _html(client, f"/admin/pages/{page.pk}/edit/", at_least=2)


def test_regulations_datasets_and_agenda_render_escaped(client, agency_a, platform_admin):
    from lontar.opendata.tests.helpers import add_csv, make_dataset
    from lontar.programs.tests.helpers import event
    from lontar.regulations.tests.helpers import make_document

    documents = [make_document(agency_a, title=payload) for payload in PAYLOADS[:12]]
    datasets = [
        make_dataset(agency_a, slug=f"data-{n}", title=title, description=description)
        for n, (title, description) in enumerate(_chunks(2)[:8])
    ]
    add_csv(datasets[0], text='nama,jumlah\n"=HYPERLINK(""http://x"",""y"")",1\n')
    for n, payload in enumerate(PAYLOADS[12:20]):
        event(
            agency_a,
            title=payload,
            place=PAYLOADS[-n - 1],
            when=datetime(2030, 11, 18 + n, 9, 0, tzinfo=WITA),
        )

    _html(client, "/regulasi/", at_least=5)
    for document in documents[:4]:
        _html(client, f"/regulasi/{document.pk}/")
    _json(client, "/api/jdihn/")

    _html(client, "/data/", at_least=5)
    for dataset in datasets[:4]:
        _html(client, f"/data/{dataset.slug}/", at_least=2)
    _json(client, f"/api/3/action/package_show?id={datasets[1].slug}")
    _json(client, "/data/catalog.jsonld")

    _html(client, "/agenda/", at_least=3)
    calendar = _get(client, "/agenda/kalender.ics")
    assert calendar["Content-Type"].startswith("text/calendar")
    assert_reached(calendar.content.decode(), "kalender.ics")

    client.force_login(platform_admin)
    _html(client, "/admin/snippets/regulations/legaldocument/", at_least=5)
    _html(client, f"/admin/snippets/regulations/legaldocument/edit/{documents[0].pk}/")
    _html(client, "/admin/snippets/opendata/dataset/", at_least=5)
    _html(client, f"/admin/snippets/opendata/dataset/edit/{datasets[0].pk}/")


def test_image_alt_text_document_titles_and_the_content_api_render_escaped(
    client, agency_a, platform_admin
):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from lontar.news.tests.helpers import article, news_index

    index = news_index(agency_a)
    pages = []
    for n, (image_title, alt, caption, title) in enumerate(_chunks(4)[:4]):
        image = Image.objects.create(
            title=image_title, file=get_test_image_file(), collection=agency_a.collection
        )
        page = article(index, f"{title} {n}", hero_image=image)
        page.hero_image_alt = alt
        page.hero_caption = caption
        page.save_revision().publish()
        pages.append(page)
    for n, payload in enumerate(PAYLOADS[:6]):
        Document.objects.create(
            title=payload,
            file=ContentFile(b"%PDF-1.4\n", f"dokumen-{n}.pdf"),
            collection=agency_a.collection,
        )

    for page in pages:
        _html(client, page.url, at_least=2)
    _json(client, "/api/v1/news/")

    client.force_login(platform_admin)
    _html(client, "/admin/images/", at_least=3)
    _html(client, "/admin/documents/", at_least=3)
