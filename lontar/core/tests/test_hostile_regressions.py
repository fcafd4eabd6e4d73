"""The hostile inputs of finding 6, one case each: they caused 500s; each now gets a 400 with
an Indonesian message naming the parameter, a 416, or a normal answer (searches treat a quote
literally; media answer a nonsense Range with the whole file)."""

from __future__ import annotations

import html

import pytest

from lontar.core.tests.hostile import HUGE

SUP2 = "²"  # a digit for str.isdigit(), not for int()

# (case id, path — "{name}" from the site's urls —, GET parameters, expected status,
#  parameter the 400 names)
CASES = [
    ("ppid-register-year-superscript", "/ppid/register/", {"tahun": SUP2}, 400, "tahun"),
    ("ppid-register-csv-year-superscript", "/ppid/register.csv", {"tahun": SUP2}, 400, "tahun"),
    ("ppid-register-year-huge", "/ppid/register/", {"tahun": HUGE}, 400, "tahun"),
    ("ppid-register-csv-year-huge", "/ppid/register.csv", {"tahun": HUGE}, 400, "tahun"),
    ("jdihn-year-superscript", "/api/jdihn/", {"tahun": SUP2}, 400, "tahun"),
    ("jdihn-year-huge", "/api/jdihn/", {"tahun": HUGE}, 400, "tahun"),
    ("programs-year-superscript", "/program/", {"tahun": SUP2}, 400, "tahun"),
    ("programs-unit-superscript", "/program/", {"unit": SUP2}, 400, "unit"),
    ("programs-csv-year-superscript", "/program/unduh.csv", {"tahun": SUP2}, 400, "tahun"),
    ("programs-xlsx-year-superscript", "/program/unduh.xlsx", {"tahun": SUP2}, 400, "tahun"),
    ("programs-year-huge", "/program/", {"tahun": HUGE}, 400, "tahun"),
    ("programs-csv-year-huge", "/program/unduh.csv", {"tahun": HUGE}, 400, "tahun"),
    ("search-lone-quote", "/cari/", {"q": '"'}, 200, None),
    ("search-nul", "/cari/", {"q": "cuti\x00"}, 400, "q"),
    ("faq-lone-quote", "/tanya-jawab/", {"q": '"'}, 200, None),
    ("faq-nul", "/tanya-jawab/", {"q": "\x00"}, 400, "q"),
    ("regulations-lone-quote", "/regulasi/", {"q": '"'}, 200, None),
    ("regulations-nul", "/regulasi/", {"q": "\x00"}, 400, "q"),
    ("jdihn-lone-quote", "/api/jdihn/", {"q": '"'}, 200, None),
    ("jdihn-nul", "/api/jdihn/", {"q": "a\x00b"}, 400, "q"),
    # Pagination junk: refused with a message rather than silently showing page 1.
    ("search-page-letters", "/cari/", {"q": "cuti", "halaman": "abc"}, 400, "halaman"),
    ("regulations-page-superscript", "/regulasi/", {"halaman": SUP2}, 400, "halaman"),
    ("faq-page-huge", "/tanya-jawab/", {"halaman": HUGE}, 400, "halaman"),
    ("ppid-register-page-huge", "/ppid/register/", {"halaman": HUGE}, 400, "halaman"),
    ("news-page-huge", "/berita/", {"halaman": HUGE}, 400, "halaman"),
    ("jdihn-limit-huge", "/api/jdihn/", {"limit": HUGE}, 400, "limit"),
    ("survey-invitation-nul", "/survei/ppid/", {"undangan": "\x00"}, 400, "undangan"),
]


@pytest.mark.parametrize(
    ("path", "params", "status", "parameter"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_hostile_parameter_gets_a_clear_answer(client, site, path, params, status, parameter):
    response = client.get(path.format(**site.urls), params)
    assert response.status_code == status
    if status != 400:
        return
    if path.startswith("/api/"):
        error = response.json()["error"]
        assert error["parameter"] == parameter
        message = error["message"]
    else:
        message = html.unescape(response.content.decode())
        assert "Permintaan tidak valid" in message
    assert f"“{parameter}”" in message
    assert any(word in message for word in ("harus", "terlalu besar", "tidak diizinkan"))


@pytest.mark.parametrize(
    ("query", "found"),
    [('"cuti', True), ("cuti (besar)", True), ("cuti NEAR(", False), ('""', False)],
)
def test_search_operators_and_quotes_search_literally(client, site, query, found):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    assert ("Layanan cuti besar" in response.content.decode()) is found


def test_a_regulation_title_with_a_quote_does_not_break_its_page(client, site):
    # related_items() searches the site for the title when a document has no number.
    from lontar.regulations.models import LegalDocument

    document = LegalDocument.objects.get(pk=site.ids["document"])
    document.number = ""
    document.save()
    assert client.get(f"/regulasi/{document.pk}/").status_code == 200


RANGES = [
    ("range-start-huge", f"bytes={HUGE}-", 416),
    ("range-suffix-huge", f"bytes=-{HUGE}", 206),
    ("range-end-huge", f"bytes=0-{HUGE}", 206),
    ("range-superscript", "bytes=\xc2\xb2-", 200),  # "²" as a WSGI server delivers it
    ("range-not-bytes", "items=0-1", 200),
    ("range-garbage", "bytes=x-y", 200),
    ("range-multiple", "bytes=0-1,3-4", 200),
    ("range-backwards", "bytes=5-2", 416),
]


@pytest.mark.parametrize(("header", "status"), [pytest.param(*r[1:], id=r[0]) for r in RANGES])
def test_hostile_range_header_gets_416_or_the_file(client, site, header, status):
    response = client.get(site.urls["audio"], HTTP_RANGE=header)
    assert response.status_code == status
    size = int(response["Content-Length"]) if status != 416 else None
    if status == 206:  # a suffix or an end beyond the file means the whole file
        assert response["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    if status == 416:
        assert response["Content-Range"].startswith("bytes */")


# Found by the fuzz run on PostgreSQL, which refuses NUL bytes in text.
@pytest.mark.parametrize("token", ["%00", "abc%00def", "x" * 65, "ab%22cd"])
def test_a_malformed_question_tracking_token_is_not_found(client, site, token):
    assert client.get(f"/tanya-jawab/lacak/{token}/").status_code == 404


def test_an_empty_tracking_form_past_the_limit_is_refused_politely(client, site, settings):
    from lontar.ppid import views

    for _ in range(views.TRACKING_TRIES_PER_HOUR):
        client.post("/ppid/lacak/", {})
    response = client.post("/ppid/lacak/", {})

    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in html.unescape(response.content.decode())
