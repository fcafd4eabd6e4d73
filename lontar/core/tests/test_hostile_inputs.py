r"""Property-based fuzzing of every public parameter, form field and header (finding 6, T-IN-1).

Every public URL that reads a GET parameter is listed below with the names it reads (found
with `grep -rn "request.GET\|request.POST\|request.headers\|request.META"` over the public
views); each target gets LONTAR_FUZZ_EXAMPLES examples (25 by default, 1,000 for an extended
run) of arbitrary text, Unicode digits, 5,000-digit numbers, NULs, lone quotes and 100 KB
strings. Properties: no response is a 5xx, and a form POST that is not the success redirect
stores nothing.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from hypothesis import given
from hypothesis import strategies as st

from lontar.core.tests.hostile import (
    FUZZ,
    hostile_header,
    hostile_text,
    params_for,
    signed_fill_time,
)

# (target id, path — "{name}" filled from the site's urls —, GET parameters read there)
GET_TARGETS = [
    ("search", "/cari/", ["q", "jenis", "tahun", "halaman"]),
    ("faq", "/tanya-jawab/", ["q", "kategori", "halaman"]),
    ("faq-detail", "{question}", ["terima-kasih"]),
    ("faq-tracking", "{tracking}", ["baru"]),
    (
        "regulations",
        "/regulasi/",
        ["q", "jenis", "tahun", "status", "subjek", "bidang", "urut", "halaman"],
    ),
    ("jdihn", "/api/jdihn/", ["q", "tahun", "limit", "page", "offset", "diubah_sejak"]),
    ("ppid-register", "/ppid/register/", ["tahun", "status", "keputusan", "halaman"]),
    ("ppid-register-csv", "/ppid/register.csv", ["tahun", "status", "keputusan"]),
    ("programs", "/program/", ["tahun", "unit"]),
    ("programs-csv", "/program/unduh.csv", ["tahun"]),
    ("programs-xlsx", "/program/unduh.xlsx", ["tahun"]),
    ("agenda", "/agenda/", ["kategori"]),
    ("news", "/berita/", ["kategori", "halaman"]),
    ("survey", "/survei/ppid/", ["undangan"]),
    ("page-feedback-done", "/", ["umpan_balik"]),
    ("opendata-list", "/data/", ["q", "tag", "kelompok", "format", "instansi", "unit", "halaman"]),
    (
        "ckan-package-search",
        "/api/3/action/package_search",
        ["q", "fq", "rows", "start", "sort", "facet.field"],
    ),
    ("ckan-package-list", "/api/3/action/package_list", ["offset", "limit"]),
    ("ckan-package-show", "/api/3/action/package_show", ["id", "name"]),
    (
        "ckan-organization",
        "/api/3/action/organization_show",
        ["id", "include_datasets", "all_fields"],
    ),
    ("ckan-tags", "/api/3/action/tag_list", ["query", "all_fields"]),
    ("ckan-resource", "/api/3/action/resource_show", ["id"]),
    (
        "ckan-datastore",
        "/api/3/action/datastore_search",
        ["resource_id", "filters", "q", "limit", "offset", "sort", "fields"],
    ),
    (
        "content-news",
        "/api/v1/news/",
        ["agency", "page", "page_size", "q", "category", "date_from", "date_to"],
    ),
    (
        "content-regulations",
        "/api/v1/regulations/",
        ["agency", "page", "q", "year", "type", "status"],
    ),
    ("content-faq", "/api/v1/faq/", ["page", "category", "q"]),
    ("content-events", "/api/v1/events/", ["page", "category", "date_from", "date_to"]),
]

# Paths whose last segment is a free `<str:...>` converter: a %00 there reaches the database.
PATH_TARGETS = [
    ("faq-tracking-token", "/tanya-jawab/lacak/{}/"),
    ("ppid-tracked-file", "/ppid/lacak/berkas/{}/"),
    ("ckan-action-name", "/api/3/action/{}"),
    ("jdihn-id", "/api/jdihn/{}/"),
]


def _marked(targets):
    return [pytest.param(*target, id=target[0]) for target in targets]


def _assert_no_server_error(response, what) -> None:
    assert response.status_code < 500, f"{response.status_code} for {what!r}"


@pytest.mark.parametrize(("target", "path", "names"), _marked(GET_TARGETS))
def test_no_parameter_value_causes_a_server_error(client, site, target, path, names):
    url = path.format(**site.urls)

    @FUZZ
    @given(params=params_for(names))
    def check(params):
        _assert_no_server_error(client.get(url, params), params)

    check()


@pytest.mark.parametrize(("target", "pattern"), _marked(PATH_TARGETS))
def test_no_path_segment_causes_a_server_error(client, site, target, pattern):
    from urllib.parse import quote

    @FUZZ
    @given(segment=hostile_text.filter(lambda s: s.strip() and "/" not in s))
    def check(segment):
        url = pattern.format(quote(segment[:300], safe=""))
        _assert_no_server_error(client.get(url), segment)

    check()


@pytest.mark.parametrize("method", ["get", "head"])
def test_no_range_header_causes_a_server_error(client, site, method):
    @FUZZ
    @given(
        header=st.one_of(
            hostile_header,
            hostile_header.map(lambda v: f"bytes={v}-"),
            hostile_header.map(lambda v: f"bytes=-{v}"),
            hostile_header.map(lambda v: f"bytes=0-{v}"),
        )
    )
    def check(header):
        response = getattr(client, method)(site.urls["audio"], HTTP_RANGE=header)
        assert response.status_code in (200, 206, 416), (response.status_code, header[:80])

    check()


@pytest.mark.parametrize("path", ["/", "/cari/", "/tanya-jawab/", "/api/jdihn/"])
def test_no_language_header_or_cookie_causes_a_server_error(client, site, path):
    @FUZZ
    @given(accept_language=hostile_header, cookie=hostile_header)
    def check(accept_language, cookie):
        raw_cookie = f"{django_settings.LANGUAGE_COOKIE_NAME}={cookie}"
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language, HTTP_COOKIE=raw_cookie)
        _assert_no_server_error(response, (accept_language, cookie))

    check()


@pytest.mark.parametrize("path", ["/api/v1/news/", "/data/catalog.jsonld"])
def test_no_conditional_request_header_causes_a_server_error(client, site, path):
    @FUZZ
    @given(etag=hostile_header, since=hostile_header)
    def check(etag, since):
        response = client.get(path, HTTP_IF_NONE_MATCH=etag, HTTP_IF_MODIFIED_SINCE=since)
        _assert_no_server_error(response, (etag, since))

    check()


# --- Form POSTs ---------------------------------------------------------------------------------
# Each starts from a valid submission and replaces some fields with hostile values (or drops
# them). Whatever the values, no 5xx; and unless the answer is the success redirect, the
# form's model has no new row.


def _ppid_form(site) -> dict[str, str]:
    return {
        "name": "Maria Uji Pemohon",
        "identity_kind": "perorangan",
        "nik": "5371044107900001",
        "address": "Jalan Flamboyan 3, Kota Uji",
        "phone": "081234567890",
        "email": "pemohon@contoh.id",
        "occupation": "Wartawan",
        "information_requested": "Daftar formasi CPNS 2026 per jabatan",
        "purpose": "Bahan liputan",
        "obtain_method": "salinan_elektronik",
        "delivery_method": "surel",
        "consent": "on",
        "website": "",
        "shown_at": signed_fill_time("lontar.ppid.request-form"),
    }


def _question_form(site) -> dict[str, str]:
    return {
        "asker_name": "Budi Santoso",
        "email": "budi@example.id",
        "phone": "",
        "category": "pensiun",
        "question_text": "Kapan batas usia pensiun pejabat fungsional?",
        "anonymous_in_public": "on",
        "website": "",
        "shown_at": signed_fill_time("lontar.qna.question-form"),
    }


def _survey_form(site) -> dict[str, str]:
    from lontar.survey import ikm

    data = {f"unsur_{key}": "4" for key in ikm.ELEMENT_KEYS}
    data.update(
        sex="L",
        age_band="21-30",
        education="sma",
        occupation="wirausaha",
        service_received="Salinan SK",
        service_date="2025-01-15",
        suggestion="",
    )
    return data


def _page_feedback_form(site) -> dict[str, str]:
    return {"helpful": "tidak", "comment": "Tolong tambahkan jadwal."}


def _track_form(site) -> dict[str, str]:
    return {"number": "001/PPID/XI/2026", "code": "ABCD2345"}


def _like_form(site) -> dict[str, str]:
    return {}


def _faq_feedback_form(site) -> dict[str, str]:
    return {"membantu": "ya"}


# (id, url — "{name}" from the site's urls or "{id:name}" from its ids —, valid data builder,
#  extra fuzzed names, model whose rows an invalid submission must not add)
FORM_TARGETS = [
    ("ppid-request", "/ppid/permohonan/baru/", _ppid_form, [], "ppid.InformationRequest"),
    ("question", "/tanya-jawab/tanya/", _question_form, [], "qna.Question"),
    ("survey", "/survei/ppid/", _survey_form, ["undangan"], "survey.SurveyResponse"),
    (
        "page-feedback",
        "/survei/umpan-balik/{home}/",
        _page_feedback_form,
        [],
        "survey.PageFeedback",
    ),
    ("ppid-track", "/ppid/lacak/", _track_form, [], None),
    ("like", "/berita/suka/{article}/", _like_form, ["csrfmiddlewaretoken"], None),
    ("faq-feedback", "/tanya-jawab/{question}/umpan-balik/", _faq_feedback_form, [], None),
    (
        "ckan-post",
        "/api/3/action/package_search",
        lambda site: {"q": "asn", "rows": "5"},
        ["fq", "start", "sort"],
        None,
    ),
]


def _form_strategy(base: dict[str, str], extra: list[str]):
    names = [*base, *extra]
    return st.tuples(
        st.fixed_dictionaries({}, optional=dict.fromkeys(names, hostile_text)),
        st.sets(st.sampled_from(names)) if names else st.just(set()),
    )


@pytest.mark.parametrize(("target", "path", "valid", "extra", "model"), _marked(FORM_TARGETS))
def test_no_form_value_causes_a_server_error_or_stores_an_invalid_submission(
    client, site, target, path, valid, extra, model
):
    url = path.format(**site.ids)
    base = valid(site)
    counted = apps.get_model(model) if model else None

    @FUZZ
    @given(change=_form_strategy(base, extra))
    def check(change):
        replaced, dropped = change
        data = {k: v for k, v in {**base, **replaced}.items() if k not in dropped - replaced.keys()}
        before = counted.objects.count() if counted else 0
        response = client.post(url, data)
        _assert_no_server_error(response, data)
        if counted and response.status_code != 302:
            assert counted.objects.count() == before, (response.status_code, data)

    check()


@pytest.mark.parametrize("header", ["HTTP_X_FORWARDED_FOR", "HTTP_USER_AGENT", "HTTP_ACCEPT"])
def test_no_visitor_header_on_a_like_causes_a_server_error(client, site, header, settings):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1  # X-Forwarded-For is read only behind a proxy

    @FUZZ
    @given(value=hostile_header)
    def check(value):
        response = client.post(f"/berita/suka/{site.ids['article']}/", **{header: value})
        _assert_no_server_error(response, value[:80])

    check()


# On PostgreSQL a forged header such as "X-Forwarded-For: ²" once reached the request event's
# GenericIPAddressField; core/client.py now returns only valid addresses.
def test_no_forwarded_for_on_a_request_form_causes_a_server_error(client, site, settings):
    from lontar.ppid.models import InformationRequest

    settings.LONTAR_TRUSTED_PROXY_COUNT = 1

    @FUZZ
    @given(value=hostile_header)
    def check(value):
        before = InformationRequest.objects.count()
        response = client.post(
            "/ppid/permohonan/baru/", _ppid_form(site), HTTP_X_FORWARDED_FOR=value
        )
        _assert_no_server_error(response, value[:80])
        if response.status_code != 302:
            assert InformationRequest.objects.count() == before

    check()
