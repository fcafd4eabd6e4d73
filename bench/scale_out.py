"""Scale-out on one machine (issue 14): two app servers behind the real nginx configuration,
sharing PostgreSQL, Redis and an S3 server, behave as one portal.

Starts a moto S3 server (public and private bucket), prepares one PostgreSQL database
(migrate + load_demo), starts TWO gunicorn instances (A and B: separate processes and ports,
production settings, LONTAR_DEBUG=0, lontar/config/gunicorn.py) and nginx with
deploy/nginx/lontar.conf (TLS with a self-signed certificate, both instances in
`upstream lontar_app`; see scale_out_stack.py for what is substituted). Then checks, through
nginx and directly through each instance:

a. numbering: citizens submit information requests through nginx, A and B in turn, several at
   once; every acknowledged number is stored, and numbers per agency and year are 1..n with no
   gap and no repeat (bench/inspect_db.py);
b. publish: staff sign in on A (password + TOTP code) and publish an edited article through
   A's admin; the delay until the public page through B (and through nginx) shows it is
   measured and must be under 2 s;
c. files: an image uploaded in A's admin and the KTP scans of the citizens land in the S3
   buckets, not on either server's disk; B serves the image's S3 address and the scan only
   through the authorised admin view;
d. sessions: the staff session made on A is valid on B and through nginx;
e. read replica (`--replica stream`, the default): the database runs on a primary and a
   streaming standby of the run's own (scale_out_replica.py), the app servers get
   DATABASE_REPLICA_URL; anonymous page reads on A and B are counted on the standby and not on
   the primary, while a-d above run with it (numbers gap-free: writes on the primary; the
   publish visible within 2 s with replication in between);
f. replica down: the standby is stopped; public pages on A and B still answer, and
   /healthz/ready reports the replica down ("degraded", HTTP 200).
`--replica readonly` (no PostgreSQL binaries): the replica is a read-only connection to the
same server, and e. counts its connections; `--replica none`: no replica, e. and f. skipped.

Each simulated citizen connects from its own loopback address (127.R.x.y), so nginx's
per-address limits and the app's per-address limits apply to it as to a real visitor: nothing
is raised for the test. Requests sent straight to an instance carry X-Forwarded-Proto: https,
the harness standing in for nginx (the instances run with LONTAR_HTTPS on).

    python bench/scale_out.py                    # make test-extended
    DATABASE_URL=postgres://... REDIS_URL=redis://... python bench/scale_out.py
The database is the run's own (on the run's own primary with `--replica stream`), dropped and
created afresh (the S3 server starts empty, so
older rows would name missing files): postgres://postgres@127.0.0.1:5432/lontar_scale_out,
or, when DATABASE_URL names a PostgreSQL database, `<its name>_scale_out` on that server.
Redis: REDIS_URL, else redis://127.0.0.1:6379/13 (that one is flushed first).
Exit status 1 on any violation; the logs stay in the run's directory then.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crash_loop import Citizen, Figures, tiny_png
from portal import hidden_inputs
from scale_out_replica import (
    StreamingPair,
    fallback_check,
    postgres_bindir,
    reads_check,
    start_replica,
)
from scale_out_report import (
    files_report,
    numbering_report,
    publish_report,
    replica_report,
    session_report,
)
from scale_out_stack import PRIVATE_BUCKET, PUBLIC_BUCKET, Stack

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/lontar_scale_out"
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"
RUN_OCTET = random.randrange(2, 254)
POSTED = re.compile(r'"POST /ppid/permohonan/baru/" 302')


class SourceAddress(HTTPAdapter):
    """Connect from a given loopback address: one address per simulated visitor."""

    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs) -> None:
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class BehindProxy(requests.Session):
    """Sends Secure cookies over the plain-HTTP hop to an instance, as nginx does.

    (A cookie policy would not do: requests copies the cookies into a jar of its own per
    request.)
    """

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        for cookie in self.cookies:
            cookie.secure = False
        return super().prepare_request(request)


def citizen_address(index: int) -> str:
    return f"127.{RUN_OCTET}.{index // 250}.{index % 250 + 1}"


def browser(stack: Stack, target: str, source: str | None = None) -> requests.Session:
    """A session aimed at nginx ("nginx") or straight at instance "A" or "B"."""
    session = requests.Session() if target == "nginx" else BehindProxy()
    # REQUESTS_CA_BUNDLE or a proxy in the environment would override the session's settings.
    session.trust_env = False
    session.verify = str(stack.cert)
    if target == "nginx":
        session.headers["Origin"] = stack.nginx_base
    else:
        # The harness is the proxy here: it says the visitor came over HTTPS, as nginx would.
        session.headers["X-Forwarded-Proto"] = "https"
        session.headers["Origin"] = f"https://127.0.0.1:{stack.app_ports[target]}"
    if source:
        adapter = SourceAddress(source)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
    return session


def base_of(stack: Stack, target: str) -> str:
    if target == "nginx":
        return stack.nginx_base
    return f"http://127.0.0.1:{stack.app_ports[target]}"


def relative(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# --- a. numbering --------------------------------------------------------------------------
def submit_requests(stack: Stack, count: int, clients: int, marker: str) -> tuple[Figures, dict]:
    figures = Figures()
    scan = tiny_png()
    targets = ["nginx", "A", "B"]
    per_target = dict.fromkeys(targets, 0)
    indices = list(range(count))
    lock = threading.Lock()

    def one(index: int) -> None:
        target = targets[index % 3]
        citizen = Citizen(base_of(stack, target), index, marker, scan if index % 2 else None)
        citizen.session = browser(stack, target, citizen_address(index))
        try:
            citizen.fetch_form(figures)
            citizen.submit(figures)
        except requests.RequestException as error:
            figures.fail(f"submission {index} via {target}: {error}")
            return
        with lock:
            per_target[target] += 1 if index in figures.receipts else 0

    def worker(mine: list[int]) -> None:
        for index in mine:
            one(index)

    threads = [threading.Thread(target=worker, args=(indices[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return figures, per_target


def posts_per_instance(stack: Stack) -> dict[str, int]:
    counts = {}
    for name in ("A", "B"):
        text = (stack.dir / f"gunicorn-{name}.log").read_text(errors="replace")
        counts[name] = len(POSTED.findall(text))
    return counts


# --- d. staff session ------------------------------------------------------------------------
def sign_in(stack: Stack, staff: dict, password: str) -> requests.Session:
    """Password, then the TOTP code, on instance A's admin."""
    from django_otp.oath import totp

    session = browser(stack, "A")
    base = base_of(stack, "A")
    page = session.get(base + "/admin/login/", timeout=30)
    fields = {**hidden_inputs(page.text), "username": staff["username"], "password": password}
    fields["next"] = "/admin/"
    answer = session.post(base + "/admin/login/", data=fields, allow_redirects=False, timeout=30)
    if answer.status_code != 302:
        raise SystemExit(f"admin login on A: HTTP {answer.status_code}")
    step = session.get(base + "/admin/", allow_redirects=False, timeout=30)
    if step.status_code == 302 and "/2fa/" in step.headers["Location"]:
        verify = relative(step.headers["Location"])
        form = session.get(base + verify, timeout=30)
        code = f"{totp(bytes.fromhex(staff['totp_key'])):06d}"
        data = {**hidden_inputs(form.text), "token": code}
        done = session.post(base + verify, data=data, allow_redirects=False, timeout=30)
        if done.status_code != 302:
            raise SystemExit(f"TOTP step on A: HTTP {done.status_code}")
    return session


def session_check(stack: Stack, staff_session: requests.Session) -> dict[str, int]:
    """The admin home with A's session cookies only, on each instance and through nginx."""
    statuses = {}
    for target in ("A", "B", "nginx"):
        other = browser(stack, target)
        for cookie in staff_session.cookies:
            other.cookies.set_cookie(cookie)
        # Signed out, or signed in without the second step, would be a redirect.
        response = other.get(base_of(stack, target) + "/admin/", allow_redirects=False, timeout=30)
        statuses[target] = response.status_code
    return statuses


# --- b. publish ------------------------------------------------------------------------------
def publish_check(stack: Stack, staff_session: requests.Session, staff: dict) -> dict:
    mark = staff["new_title"][staff["new_title"].index("[skala ") :]
    seen: dict[str, float] = {}
    before: dict[str, int] = dict.fromkeys(("A", "B", "nginx"), 0)
    statuses: dict[str, set[int]] = {target: set() for target in ("A", "B", "nginx")}
    stop = threading.Event()

    def poll(target: str, every: float) -> None:
        session = browser(stack, target, "127.0.0.1")
        url = base_of(stack, target) + staff["path"]
        while not stop.is_set():
            try:
                response = session.get(url, timeout=10)
                # An anonymous visitor: no cookie kept, so the page cache serves them.
                session.cookies.clear()
            except requests.RequestException:
                time.sleep(every)
                continue
            statuses[target].add(response.status_code)
            if mark in response.text:
                seen.setdefault(target, time.monotonic())
                return
            before[target] += 1
            time.sleep(every)

    pollers = [
        threading.Thread(target=poll, args=("B", 0.05)),
        threading.Thread(target=poll, args=("A", 0.05)),
        # nginx's page limit is 20 a second per address: stay under it.
        threading.Thread(target=poll, args=("nginx", 0.1)),
    ]
    for thread in pollers:
        thread.start()
    time.sleep(2.5)  # the pages are cached (Redis) and the pollers have seen the old title
    base = base_of(stack, "A")
    action = f"/admin/bulk/wagtailcore/page/publish/?id={staff['page_id']}&next=/admin/"
    confirm = staff_session.get(base + action, timeout=30)
    sent = time.monotonic()
    response = staff_session.post(
        base + action,
        data={**hidden_inputs(confirm.text), "include_descendants": ""},
        allow_redirects=False,
        timeout=30,
    )
    answered = time.monotonic()
    deadline = answered + 10
    while time.monotonic() < deadline and len(seen) < 3:
        time.sleep(0.05)
    stop.set()
    for thread in pollers:
        thread.join()
    return {
        "status": response.status_code,
        "publish_ms": (answered - sent) * 1000,
        "delay": {target: seen[target] - answered for target in seen},
        "polls_before": before,
        "statuses": {target: sorted(codes) for target, codes in statuses.items()},
        "seen_before_publish": [t for t, when in seen.items() if when < sent],
    }


# --- c. files --------------------------------------------------------------------------------
def upload_image(stack: Stack, staff_session: requests.Session, marker: str) -> int:
    base = base_of(stack, "A")
    form = staff_session.get(base + "/admin/images/add/", timeout=30)
    data = {**hidden_inputs(form.text), "title": f"Foto skala {marker}", "tags": ""}
    collection = re.search(r'<select[^>]*name="collection"[^>]*>.*?value="(\d+)"', form.text, re.S)
    if collection:
        data["collection"] = collection.group(1)
    files = {"file": (f"skala-{marker}.png", tiny_png(), "image/png")}
    response = staff_session.post(
        base + "/admin/images/add/", data=data, files=files, allow_redirects=False, timeout=60
    )
    return response.status_code


def local_files(stack: Stack) -> list[str]:
    found = []
    for name in ("A", "B"):
        for sub in ("media", "private"):
            root = stack.var_dir(name) / sub
            if root.exists():
                found += [str(p) for p in root.rglob("*") if p.is_file()]
    return found


def files_check(stack: Stack, s3, staff_session: requests.Session, marker: str, status: int):
    info = json.loads(stack.script("bench/scale_out_app.py", "files", marker))
    public = {o["Key"] for o in s3.list_objects_v2(Bucket=PUBLIC_BUCKET).get("Contents", [])}
    private = {o["Key"] for o in s3.list_objects_v2(Bucket=PRIVATE_BUCKET).get("Contents", [])}
    result: dict = {"upload_status": status, **info, "local_files": local_files(stack)}
    result["image_in_s3"] = f"media/{info['image_name']}" in public
    result["scan_in_s3"] = f"private/{info['scan_name']}" in private
    result["private_objects"] = len([k for k in private if k.startswith("private/")])
    on_b = browser(stack, "B")
    for cookie in staff_session.cookies:
        on_b.cookies.set_cookie(cookie)
    base_b = base_of(stack, "B")
    # The image through B: its admin page names the S3 address of a rendition B made from the
    # original in S3; the address answers from the S3 server.
    page = on_b.get(f"{base_b}/admin/images/{info['image_id']}/", timeout=60)
    urls = re.findall(rf'(?:src|href)="({re.escape(stack.s3_endpoint)}/[^"]+)"', page.text)
    result["image_page"] = page.status_code
    result["image_url"] = urls[0].replace("&amp;", "&") if urls else ""
    if urls:
        served = requests.get(result["image_url"], timeout=10)
        result["image_served"] = served.status_code
        result["image_type"] = served.headers.get("Content-Type", "")
    # The scan: through B's authorised view with the staff session; refused without it.
    if info["scan_request"]:
        path = f"/admin/ppid/permohonan/{info['scan_request']}/berkas/identitas/"
        shown = on_b.get(base_b + path, allow_redirects=False, timeout=30)
        result["scan_view"] = shown.status_code
        result["scan_is_png"] = shown.content[:8] == b"\x89PNG\r\n\x1a\n"
        anonymous = browser(stack, "B").get(base_b + path, allow_redirects=False, timeout=30)
        result["scan_anonymous"] = anonymous.status_code
        acl = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=f"private/{info['scan_name']}")
        result["scan_public_grant"] = any(
            g["Grantee"].get("URI", "").endswith("AllUsers") for g in acl["Grants"]
        )
    return result


# --- the run ---------------------------------------------------------------------------------
def fresh_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(stack: Stack) -> None:
    import redis

    started = time.monotonic()
    fresh_database(stack.database_url)
    if stack.redis_url == DEFAULT_REDIS:
        redis.Redis.from_url(stack.redis_url).flushdb()  # this harness's own Redis database
    stack.manage("migrate", "--no-input", "-v", "0")
    stack.manage("load_demo", "--force", "--port", str(stack.https_port))
    stack.manage("collectstatic", "--no-input", "-v", "0")
    # One build of the static files for both servers, as a deployment copies it to each.
    (stack.var_dir("B")).mkdir(parents=True, exist_ok=True)
    (stack.var_dir("B") / "static").symlink_to(stack.var_dir("A") / "static")
    seconds = time.monotonic() - started
    print(f"[scale-out] database, demo and static files ready in {seconds:.0f} s")


def anonymous(stack: Stack):
    """GET of a path straight on instance A or B by a visitor with no cookie."""

    def get(target: str, path: str) -> requests.Response:
        url = base_of(stack, target) + path
        return browser(stack, target).get(url, allow_redirects=False, timeout=30)

    return get


def run(args: argparse.Namespace) -> int:
    database = args.database_url
    directory = Path(args.var_dir or tempfile.mkdtemp(prefix="lontar-scale-out-"))
    stack = Stack(directory, database, args.redis_url)
    marker = uuid.uuid4().hex[:8]
    violations: list[str] = []
    pair: StreamingPair | None = None
    replica: dict = {}
    try:
        pair = start_replica(args.replica, args.bindir, stack)
        s3 = stack.start_s3()
        prepare(stack)
        for name in ("A", "B"):
            stack.start_app(name)
        for name in ("A", "B"):
            stack.wait_app(name)
        stack.start_nginx()
        print(
            f"[scale-out] nginx {stack.nginx_base} → A :{stack.app_ports['A']}, "
            f"B :{stack.app_ports['B']}; S3 {stack.s3_endpoint}; {directory}"
        )
        staff = json.loads(stack.script("bench/scale_out_app.py", "staff", marker))
        password = args.password

        started = time.monotonic()
        figures, per_target = submit_requests(stack, args.count, args.clients, marker)
        duration = time.monotonic() - started
        report = json.loads(stack.script("bench/inspect_db.py", marker))
        posts = posts_per_instance(stack)

        staff_session = sign_in(stack, staff, password)
        sessions = session_check(stack, staff_session)
        published = publish_check(stack, staff_session, staff)
        upload_status = upload_image(stack, staff_session, marker)
        files = files_check(stack, s3, staff_session, marker, upload_status)
        if args.replica != "none":
            replica["reads"] = reads_check(
                args.replica, stack, anonymous(stack), staff["path"], pair
            )
        if pair is not None:
            replica["down"] = fallback_check(pair, stack, anonymous(stack), staff["path"])
    finally:
        stack.stop()
        if pair is not None:
            pair.stop()

    violations += numbering_report(args, figures, per_target, report, posts, duration)
    violations += publish_report(published, staff)
    violations += files_report(files)
    violations += session_report(sessions)
    violations += replica_report(replica)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average at the end: {load} ({os.cpu_count()} cores)")
    for message in violations:
        print(f"VIOLATION: {message}")
    if violations:
        print(f"FAIL: {len(violations)} violation(s); logs in {directory}")
        if pair is not None:
            print(f"PostgreSQL logs in {pair.dir}")
        return 1
    print("OK")
    if not args.var_dir:
        shutil.rmtree(directory, ignore_errors=True)
        if pair is not None:
            shutil.rmtree(pair.dir, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=36, help="information requests")
    parser.add_argument("--clients", type=int, default=6, help="citizens submitting at once")
    parser.add_argument("--var-dir", help="keep everything in this directory")
    parser.add_argument("--password", default=os.environ.get("LONTAR_DEMO_PASSWORD", ""))
    parser.add_argument(
        "--replica",
        choices=("stream", "readonly", "none"),
        default="stream",
        help="a streaming standby of the run's own (default), a read-only connection to the "
        "same server, or no replica",
    )
    args = parser.parse_args()
    args.bindir = postgres_bindir() if args.replica == "stream" else None
    if args.replica == "stream" and args.bindir is None:
        print("[scale-out] no PostgreSQL binaries (PG_BINDIR): --replica readonly instead")
        args.replica = "readonly"
    args.database_url = scale_out_database(os.environ.get("DATABASE_URL", ""))
    args.redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS
    args.password = args.password or "lontar-demo-2026"
    return run(args)


def scale_out_database(database_url: str) -> str:
    """The run's own PostgreSQL database, created afresh: DATABASE_URL's server with the name
    `<name>_scale_out`, or DEFAULT_DATABASE. Never DATABASE_URL's database itself: dropping it
    would destroy someone's data, and keeping it would keep rows naming files that the new,
    empty S3 server does not have."""
    if not database_url.startswith("postgres"):
        return DEFAULT_DATABASE
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/") or "lontar"
    if not name.endswith("_scale_out"):
        name += "_scale_out"
    return parts._replace(path=f"/{name}").geturl()


if __name__ == "__main__":
    sys.exit(main())
