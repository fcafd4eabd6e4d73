"""The pure half of bench/serve_bench.py: wrk's output read into a row, the table, the targets.

No Django and no processes here, so `lontar/core/tests/test_serve_bench.py` tests it directly.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import asdict, dataclass, field

# Issue 14's reference table (2 sync workers, SQLite, `wrk -c8`): req/s of the uncached page.
REFERENCE_RATE = {"article": 19.9, "news index p50": 18.6, "regulation": 25.2}
SPEEDUP_TARGET = 6.0
STATIC_SHARE_TARGET = 0.90  # cached pages against the nginx static file, same concurrency
P95_TARGET_MS = {"search": 100.0, "register p100": 150.0}  # uncached, at concurrency 8
TARGET_CONCURRENCY = 8
RSS_LIMIT_MB = 250.0
FRESHNESS_TARGET_S = 2.0  # a published change visible through the cache
# Not pages: the target is about pages, and these answer 5–80 KB where the static copy of the
# home page is 10 KB, so their rate against it is reported, not judged.
MACHINE_FORMATS = {"JDIHN limit 100", "CKAN package_search", "podcast feed"}
NGINX = "nginx static"
MINIMAL = "minimal view"

# The Lua `done()` of bench/serve_wrk.lua prints one line of this shape.
_SUMMARY = re.compile(r"^wrk-summary (.*)$", re.MULTILINE)
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^([\d.]+)(us|ms|s|m|h)$")


@dataclass
class Row:
    """One wrk run: a target at one concurrency, with the page cache on or off."""

    name: str
    path: str
    mode: str  # "uncached", "cached" or "ceiling"
    concurrency: int
    rate: float = 0.0  # requests a second
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    non_2xx: int = 0
    socket_errors: int = 0
    bytes_per_response: int = 0  # headers included, as wrk reads them
    queries: int | None = None  # SQL per uncached request, counted in-process
    rss_mb: float | None = None  # the largest gunicorn worker after the run
    status: int | None = None  # of the check request before the run
    restarts: int | None = None  # gunicorn workers recycled during the run (max_requests)

    @property
    def errors(self) -> int:
        """Non-2xx responses and socket errors; a failed status check counts as one, and so
        does a run in which no response came back at all (its figures are all zero)."""
        failed_check = 1 if self.status is not None and not 200 <= self.status < 300 else 0
        return self.non_2xx + self.socket_errors + failed_check + (self.requests == 0)

    def as_dict(self) -> dict:
        return {**asdict(self), "errors": self.errors}


@dataclass
class Check:
    name: str
    measured: str
    target: str
    passed: bool | None  # None: reported, not judged
    details: dict = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "MISS", None: "INFO"}[self.passed]


def duration_ms(text: str) -> float:
    """wrk's '398.00us', '1.10ms', '1.02s' or '2.00m' in milliseconds."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str, row: Row) -> Row:
    """Fill `row` from wrk's `--latency` output and the summary line of serve_wrk.lua.

    p50/p90/p99 come from wrk's latency distribution, p95 from the Lua summary (wrk prints no
    95th percentile); requests, bytes and errors from the summary, which is exact where the
    text rounds (`155.06MB read`).
    """
    # wrk pads a value in seconds with a space ("1.21s "), not one in ms.
    distribution = dict(re.findall(r"^ +(50|90|99)% +(\S+) *$", output, re.MULTILINE))
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    summary = _SUMMARY.search(output)
    if not (distribution and rate and summary):
        raise ValueError("wrk printed no result:\n" + output[-2000:])
    values = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", summary.group(1))}
    row.rate = float(rate.group(1))
    row.p50_ms = duration_ms(distribution["50"])
    row.p90_ms = duration_ms(distribution["90"])
    row.p99_ms = duration_ms(distribution["99"])
    row.p95_ms = values["p95_us"] / 1000
    row.requests = values["requests"]
    row.non_2xx = values["status"]
    row.socket_errors = sum(values[k] for k in ("connect", "read", "write", "timeout"))
    row.bytes_per_response = values["bytes"] // values["requests"] if values["requests"] else 0
    return row


def _find(rows: list[Row], name: str, mode: str, concurrency: int) -> Row | None:
    for row in rows:
        if (row.name, row.mode, row.concurrency) == (name, mode, concurrency):
            return row
    return None


def checks(rows: list[Row], freshness: float | None = None) -> list[Check]:
    """The issue's targets, each measured within this one run."""
    found: list[Check] = []
    if freshness is not None:
        found.append(
            Check(
                "a published change shows through nginx's micro-cache, page under load",
                f"{freshness:.2f} s",
                f"≤ {FRESHNESS_TARGET_S:.0f} s",
                freshness <= FRESHNESS_TARGET_S,
            )
        )
    for concurrency in sorted({r.concurrency for r in rows}):
        static = _find(rows, NGINX, "ceiling", concurrency)
        every = [r for r in rows if r.mode == "cached" and r.concurrency == concurrency]
        cached = [r for r in every if r.name not in MACHINE_FORMATS]
        formats = [r for r in every if r.name in MACHINE_FORMATS]
        if static and static.rate and formats:
            found.append(
                Check(
                    f"cached feeds and APIs / nginx static, c{concurrency} (not judged)",
                    ", ".join(
                        f"{r.name} {r.rate / static.rate:.0%} ({r.bytes_per_response:,} bytes)"
                        for r in formats
                    ),
                    "—",
                    None,
                )
            )
        if static and static.rate and cached:
            shares = {r.name: r.rate / static.rate for r in cached}
            worst = min(shares, key=shares.__getitem__)
            found.append(
                Check(
                    f"cached pages / nginx static, c{concurrency}",
                    f"worst {worst} {shares[worst]:.1%}, "
                    f"median {statistics.median(shares.values()):.1%}",
                    f"≥ {STATIC_SHARE_TARGET:.0%}",
                    shares[worst] >= STATIC_SHARE_TARGET,
                    {name: round(share, 4) for name, share in shares.items()},
                )
            )
    minimal = _find(rows, MINIMAL, "ceiling", TARGET_CONCURRENCY)
    for name, reference in REFERENCE_RATE.items():
        row = _find(rows, name, "uncached", TARGET_CONCURRENCY)
        if row is None:
            continue
        factor = row.rate / reference
        ceiling = f"; {row.rate / minimal.rate:.1%} of the minimal view" if minimal else ""
        found.append(
            Check(
                f"uncached {name}, c{TARGET_CONCURRENCY}, against issue 14's {reference} req/s",
                f"{row.rate:.1f} req/s = {factor:.1f}×{ceiling}",
                f"≥ {SPEEDUP_TARGET:.0f}×",
                factor >= SPEEDUP_TARGET,
            )
        )
    for name, limit in P95_TARGET_MS.items():
        row = _find(rows, name, "uncached", TARGET_CONCURRENCY)
        if row is None:
            continue
        found.append(
            Check(
                f"{name} p95, uncached, c{TARGET_CONCURRENCY}",
                f"{row.p95_ms:.1f} ms" if row.requests else "no response",
                f"≤ {limit:.0f} ms",
                bool(row.requests) and row.p95_ms <= limit,
            )
        )
    if rows:
        errors = sum(r.errors for r in rows)
        bad = [f"{r.name} {r.mode} c{r.concurrency}" for r in rows if r.errors]
        where = f" ({', '.join(bad[:4])}{', …' if len(bad) > 4 else ''})" if bad else ""
        found.append(
            Check(
                "errors (non-2xx and socket errors), every row",
                f"{errors}{where}",
                "0",
                errors == 0,
            )
        )
    sizes = [r.rss_mb for r in rows if r.rss_mb is not None]
    if sizes:
        found.append(
            Check(
                "largest gunicorn worker RSS after a run",
                f"{max(sizes):.0f} MB",
                f"≤ {RSS_LIMIT_MB:.0f} MB",
                max(sizes) <= RSS_LIMIT_MB,
            )
        )
    return found


def _number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


HEADER = (
    "| target | mode | c | req/s | p50 ms | p95 ms | p99 ms | errors | bytes | queries | RSS MB "
    "| restarts |"
)


def table(rows: list[Row]) -> str:
    """One markdown table, every row of the run."""
    lines = [HEADER, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.mode} | {r.concurrency} | {_number(r.rate)} | "
            f"{_number(r.p50_ms)} | {_number(r.p95_ms)} | {_number(r.p99_ms)} | "
            f"{r.errors} | {_number(r.bytes_per_response)} | {_number(r.queries)} | "
            f"{_number(r.rss_mb, 0)} | {_number(r.restarts)} |"
        )
    return "\n".join(lines)


def checks_text(found: list[Check]) -> str:
    return "\n".join(f"- {c.verdict}: {c.name}: {c.measured} (target {c.target})" for c in found)
