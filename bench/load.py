"""Load test (reliability plan T-LOAD-3, shortened): steady users, then a spike; nothing lost.

Starts the portal under gunicorn (see portal.py) and runs --users simulated visitors for
--duration seconds, then --spike-users for --spike seconds more. Each visitor loops over a
mixed journey with a short think time: reading (home, a news article, the news index, the
regulations index), searching (/cari/?q=...) and, now and then, submitting an information
request through the public form as crash_loop.py does (form, CSRF, fill time, receipt).

Prints throughput and p50/p95 latency per kind of request and the errors; exits 1 on any
error (connection error, HTTP 4xx/5xx) or on an acknowledged submission missing from the DB.

    python bench/load.py                                    # 50 users 60 s, 150 users 20 s
    python bench/load.py --users 20 --duration 30 --spike-users 0
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crash_loop import Citizen, Figures
from portal import Portal

READS = ["/", "/berita/usul-kenaikan-pangkat-periode-april-dibuka/", "/berita/", "/regulasi/"]
SEARCHES = ["pelayanan", "pegawai", "informasi publik", "peraturan daerah", "kenaikan pangkat"]
# Share of each kind in a visitor's journey.
WEIGHTS = {"read": 0.75, "search": 0.17, "submit": 0.08}
THINK_SECONDS = (0.5, 2.0)
TIMEOUT = 60


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def record(self, kind: str, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


def timed_get(session: requests.Session, stats: Stats, kind: str, url: str) -> None:
    started = time.monotonic()
    try:
        response = session.get(url, timeout=TIMEOUT)
    except requests.RequestException as error:
        stats.record(kind, time.monotonic() - started, f"{url}: {type(error).__name__}")
        return
    error = f"{url}: HTTP {response.status_code}" if response.status_code >= 400 else None
    stats.record(kind, time.monotonic() - started, error)


def visitor(portal: Portal, stats: Stats, figures: Figures, stop: threading.Event, ids, marker):
    session = requests.Session()
    session.headers["X-Forwarded-For"] = f"fd01:{random.randrange(0xFFFF):x}::1"
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    while not stop.is_set():
        kind = random.choices(kinds, weights)[0]
        if kind == "read":
            timed_get(session, stats, "read", portal.base + random.choice(READS))
        elif kind == "search":
            query = random.choice(SEARCHES)
            timed_get(session, stats, "search", f"{portal.base}/cari/?q={query}")
        else:
            citizen = Citizen(portal.base, next(ids), marker, None)
            try:
                citizen.fetch_form(figures)
            except requests.RequestException as error:
                stats.record("submit", 0.0, f"form: {type(error).__name__}")
                continue
            started = time.monotonic()
            try:
                citizen.submit(figures)  # waits out the bot check's fill time; fails in figures
                waited = max(0.0, citizen.shown_at + 3.3 - started)
                stats.record("submit", time.monotonic() - started - waited)
            except requests.RequestException as error:
                stats.record("submit", time.monotonic() - started, type(error).__name__)
        stop.wait(random.uniform(*THINK_SECONDS))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run(args: argparse.Namespace) -> int:
    portal = Portal(workers=args.workers, var_dir=args.var_dir)
    portal.prepare()
    portal.start()
    stats, figures = Stats(), Figures()
    marker, ids = uuid.uuid4().hex[:8], itertools.count(1)
    steady, spike = threading.Event(), threading.Event()

    def start(n: int, stop: threading.Event) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=visitor, args=(portal, stats, figures, stop, ids, marker))
            for _ in range(n)
        ]
        for thread in threads:
            thread.start()
            time.sleep(args.ramp / max(1, n))
        return threads

    started = time.monotonic()
    try:
        threads = start(args.users, steady)
        time.sleep(max(0.0, args.duration - (time.monotonic() - started)))
        if args.spike_users > args.users and args.spike > 0:
            print(f"[load] spike to {args.spike_users} users for {args.spike} s")
            threads += start(args.spike_users - args.users, spike)
            time.sleep(args.spike)
        steady.set()
        spike.set()
        for thread in threads:
            thread.join()
        duration = time.monotonic() - started
        report = portal.inspect(marker)
    finally:
        steady.set()
        spike.set()
        portal.stop()

    stats.errors += [f"submit: {failure}" for failure in figures.failures]
    lost = [
        f"acknowledged {number} (submission {index}) is not stored"
        for index, number in figures.receipts.items()
        if number not in report["rows"].get(str(index), [])
    ]
    total = sum(len(v) for v in stats.latency.values())
    print(
        f"load on {portal.backend}, {args.workers} workers: {args.users} users {args.duration} s"
        f" + spike {args.spike_users} users {args.spike} s"
    )
    print(f"  {'kind':<8} {'count':>6} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in WEIGHTS:
        values = stats.latency.get(kind, [])
        print(
            f"  {kind:<8} {len(values):>6} {len(values) / duration:>7.1f} "
            f"{percentile(values, 0.5) * 1000:>8.0f} {percentile(values, 0.95) * 1000:>8.0f} "
            f"{max(values, default=0) * 1000:>8.0f}"
        )
    print(f"  total    {total:>6} {total / duration:>7.1f} requests/s over {duration:.0f} s")
    print(f"  submissions acknowledged {figures.acknowledged}, stored {len(report['rows'])}")
    print(f"  errors   {len(stats.errors)}; lost submissions {len(lost)}")
    for message in (stats.errors + lost)[:30]:
        print(f"VIOLATION: {message}")
    if stats.errors or lost:
        print(f"FAIL; gunicorn log in {portal.tmp}")
        return 1
    print("OK")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50, help="steady concurrent visitors")
    parser.add_argument("--duration", type=float, default=60, help="seconds of steady load")
    parser.add_argument("--spike-users", type=int, default=150, help="visitors during the spike")
    parser.add_argument("--spike", type=float, default=20, help="seconds of the spike")
    parser.add_argument("--ramp", type=float, default=5, help="seconds to start each group")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--var-dir", help="reuse this directory instead of a new temporary one")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
