"""bench/serve_bench.py's pure pieces: wrk's output read into a row, and the issue's targets.

The bench itself needs wrk, nginx, PostgreSQL and minutes; these run in the suite.
"""

import re

import pytest
from django.test import Client, override_settings
from django.urls import resolve

from bench import serve_report
from bench.serve_report import MINIMAL, NGINX, Row

# wrk 4.1.0 with --latency and bench/serve_wrk.lua, against a loopback server.
CLEAN = """\
Running 2s test @ http://127.0.0.1:8799/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.56ms    3.34ms  25.09ms   74.42%
    Req/Sec   551.22    158.16     0.94k    67.50%
  Latency Distribution
     50%    4.97ms
     75%    7.06ms
     90%    9.72ms
     99%   16.75ms
  2199 requests in 2.00s, 2.60MB read
Requests/sec:   1097.77
Transfer/sec:      1.30MB
wrk-summary requests=2199 bytes=2731158 duration_us=2003150 p95_us=11672 status=0 connect=0 \
read=0 write=0 timeout=0
"""

# wrk pads a percentile in seconds with a trailing space ("1.25s "), kept here by the re.sub.
FAILING = re.sub(
    r"(?m)(%\s+[\d.]+s)$",
    r"\1 ",
    """\
Running 10s test @ http://127.0.0.1:8800/cari/?q=pelayanan
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.31s   402.11ms   2.00s    71.20%
    Req/Sec    24.01     12.30    60.00     66.12%
  Latency Distribution
     50%    1.25s
     75%    1.60s
     90%    1.88s
     99%    2.00s
  466 requests in 10.02s, 21.30MB read
  Socket errors: connect 0, read 3, write 0, timeout 17
  Non-2xx or 3xx responses: 12
Requests/sec:     46.51
Transfer/sec:      2.13MB
wrk-summary requests=466 bytes=22334510 duration_us=10020000 p95_us=1950000 status=12 connect=0 \
read=3 write=0 timeout=17
""",
)


def test_a_clean_run_becomes_a_row_in_milliseconds():
    row = serve_report.parse_wrk(CLEAN, Row("home", "/", "cached", 8))
    assert row.rate == 1097.77
    assert (row.p50_ms, row.p90_ms, row.p99_ms) == (4.97, 9.72, 16.75)
    assert row.p95_ms == 11.672  # from the Lua summary: wrk's text has no 95th percentile
    assert row.requests == 2199
    assert row.bytes_per_response == 2731158 // 2199  # exact, where the text says 2.60MB
    assert row.errors == 0


def test_errors_are_non_2xx_plus_every_kind_of_socket_error_and_seconds_are_read():
    row = serve_report.parse_wrk(FAILING, Row("search", "/cari/", "uncached", 64, status=200))
    assert row.non_2xx == 12
    assert row.socket_errors == 20
    assert row.errors == 32
    assert (row.p50_ms, row.p90_ms, row.p99_ms) == (1250.0, 1880.0, 2000.0)  # "1.25s "
    assert row.p95_ms == 1950.0


def test_a_target_that_fails_its_status_check_counts_an_error_even_if_wrk_saw_none():
    row = serve_report.parse_wrk(CLEAN, Row("podcast feed", "/podcast/x/", "uncached", 8))
    row.status = 404
    assert row.errors == 1


@pytest.mark.parametrize(
    ("text", "ms"),
    [("398.00us", 0.398), ("1.10ms", 1.1), ("1.02s", 1020.0), ("2.00m", 120_000.0)],
)
def test_wrk_durations_in_every_unit(text, ms):
    assert serve_report.duration_ms(text) == pytest.approx(ms)


def test_output_without_results_is_an_error_not_a_row_of_zeros():
    output = "unable to connect to 127.0.0.1:9:Connection refused\n"
    with pytest.raises(ValueError, match="wrk printed no result"):
        serve_report.parse_wrk(output, Row("home", "/", "cached", 8))
    with pytest.raises(ValueError):
        serve_report.duration_ms("fast")


def _row(name, mode, concurrency, rate, p95=10.0, rss=100.0, **extra) -> Row:
    extra.setdefault("requests", 1000)
    return Row(name, "/", mode, concurrency, rate=rate, p95_ms=p95, rss_mb=rss, **extra)


def _verdicts(rows) -> dict[str, str]:
    return {check.name: check.verdict for check in serve_report.checks(rows)}


def test_targets_pass_and_miss_by_the_issues_figures():
    rows = [
        _row(NGINX, "ceiling", 8, 20_000.0, rss=None),
        _row(MINIMAL, "ceiling", 8, 1_000.0),
        _row("home", "cached", 8, 19_000.0),  # 95% of nginx
        _row("article", "cached", 8, 10_000.0),  # 50%: the worst decides
        _row("article", "uncached", 8, 130.0),  # 6.5× 19.9
        _row("news index p50", "uncached", 8, 100.0),  # 5.4× 18.6
        _row("search", "uncached", 8, 50.0, p95=120.0),
        _row("register p100", "uncached", 8, 80.0, p95=140.0),
        _row("register p100", "uncached", 64, 80.0, p95=900.0, rss=260.0),  # c64: not judged
    ]
    checks = {check.name: check for check in serve_report.checks(rows)}
    share = checks["cached pages / nginx static, c8"]
    assert share.verdict == "MISS"
    assert share.measured.startswith("worst article 50.0%")
    assert share.details == {"home": 0.95, "article": 0.5}
    article = checks["uncached article, c8, against issue 14's 19.9 req/s"]
    assert article.verdict == "PASS"
    assert article.measured == "130.0 req/s = 6.5×; 13.0% of the minimal view"
    assert checks["uncached news index p50, c8, against issue 14's 18.6 req/s"].verdict == "MISS"
    assert checks["search p95, uncached, c8"].verdict == "MISS"
    assert checks["register p100 p95, uncached, c8"].verdict == "PASS"
    assert checks["errors (non-2xx and socket errors), every row"].verdict == "PASS"
    rss = checks["largest gunicorn worker RSS after a run"]
    assert (rss.verdict, rss.measured) == ("MISS", "260 MB")
    # The regulation was not measured (`--only`): no verdict rather than a made-up one.
    assert not any("regulation" in name for name in checks)


def test_cached_pages_at_ninety_percent_of_nginx_pass_and_one_error_anywhere_misses():
    rows = [
        _row(NGINX, "ceiling", 64, 10_000.0, rss=None),
        _row("home", "cached", 64, 9_000.0),
        _row("JDIHN limit 100", "cached", 64, 9_500.0, non_2xx=1),
    ]
    verdicts = _verdicts(rows)
    assert verdicts["cached pages / nginx static, c64"] == "PASS"
    assert verdicts["errors (non-2xx and socket errors), every row"] == "MISS"


def test_a_run_without_a_single_response_is_an_error_and_misses_its_latency_target():
    # Both workers recycled at once (max_requests) for the whole run: wrk prints zeros.
    silent = CLEAN.replace("requests=2199 bytes=2731158", "requests=0 bytes=0").replace(
        "p95_us=11672", "p95_us=0"
    )
    row = serve_report.parse_wrk(silent, Row("search", "/cari/", "uncached", 8, status=200))
    assert (row.requests, row.bytes_per_response, row.errors) == (0, 0, 1)
    verdicts = _verdicts([row])
    assert verdicts["search p95, uncached, c8"] == "MISS"
    assert verdicts["errors (non-2xx and socket errors), every row"] == "MISS"


def test_the_table_has_one_line_per_run_and_marks_what_was_not_measured():
    rows = [
        _row("home", "uncached", 8, 123.456, queries=14),
        _row(NGINX, "ceiling", 8, 20_000.0, rss=None),
    ]
    lines = serve_report.table(rows).splitlines()
    assert lines[0] == serve_report.HEADER
    assert len(lines) == 4
    assert "| home | uncached | 8 | 123.5 |" in lines[2]
    assert lines[2].endswith("| 14 | 100 | – |")
    assert lines[3].endswith("| – | – | – |")  # nginx: no SQL, no gunicorn worker


def test_the_minimal_view_exists_only_in_the_bench_urlconf():
    assert resolve("/bench/minimal/").url_name == "wagtail_serve"  # production: a page path
    assert resolve("/bench/minimal/", urlconf="bench.serve_urls").url_name == "bench-minimal"
    assert resolve("/healthz", urlconf="bench.serve_urls").url_name == "healthz"


@pytest.mark.django_db  # the middleware finds the request's site (pages/routing.py)
@override_settings(ROOT_URLCONF="bench.serve_urls")
def test_the_minimal_view_answers_through_the_middleware_stack():
    response = Client().get("/bench/minimal/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "Content-Security-Policy" in response  # the portal's middleware ran


def test_a_large_feed_is_reported_beside_the_pages_not_judged_with_them():
    """The target is about pages; an 80 KB JDIHN list cannot match a 10 KB static file."""
    rows = [
        _row(NGINX, "ceiling", 8, 80_000.0, rss=None),
        _row("article", "cached", 8, 76_000.0),
        _row("JDIHN limit 100", "cached", 8, 40_000.0, bytes_per_response=80_303),
    ]
    checks = {check.name: check for check in serve_report.checks(rows, freshness=2.4)}

    assert checks["cached pages / nginx static, c8"].verdict == "PASS"
    feeds = checks["cached feeds and APIs / nginx static, c8 (not judged)"]
    assert feeds.verdict == "INFO" and feeds.measured == "JDIHN limit 100 50% (80,303 bytes)"
    fresh = checks["a published change shows through nginx's micro-cache, page under load"]
    assert (fresh.verdict, fresh.measured) == ("MISS", "2.40 s")
