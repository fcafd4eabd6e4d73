"""nginx for bench/serve_bench.py: the static ceiling and deploy/nginx/lontar.conf's micro-cache.

The cached rows of `make bench` go through nginx as in production: the micro-cache's
directives (`proxy_cache_path`, the cookie map, `location /`) are taken from
deploy/nginx/lontar.conf itself, paths moved into the work directory, and only its
per-address request limit left out — every wrk request comes from 127.0.0.1, and 20 a second
per address is the limit a real crowd never meets one by one.

`publish_probe` measures the other half of issue 14's target: a change published while the
page is under load shows through nginx within 2 s.
"""

from __future__ import annotations

import ast
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY_CONF = ROOT / "deploy" / "nginx" / "lontar.conf"
PROXY_CONF = ROOT / "deploy" / "nginx" / "lontar_proxy.conf"

NGINX_CONF = """\
# Written by bench/serve_bench.py: deploy/nginx/lontar.conf's static location and micro-cache,
# on loopback, without TLS and without the per-address request limit.
{user}worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {work}/nginx-tmp/body;
    proxy_temp_path {work}/nginx-tmp/proxy;
    fastcgi_temp_path {work}/nginx-tmp/fastcgi;
    uwsgi_temp_path {work}/nginx-tmp/uwsgi;
    scgi_temp_path {work}/nginx-tmp/scgi;
{cache_http}
    upstream lontar_app {{
        server 127.0.0.1:{app_port};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{
            alias {static}/;
            gzip_static on;
            expires max;
            add_header Cache-Control "public, immutable" always;
        }}
{cache_location}
    }}
}}
"""


def micro_cache_directives(work: Path) -> tuple[str, str]:
    """(http-level directives, the `location /` block) of the production configuration."""
    text = DEPLOY_CONF.read_text()
    path = re.search(r"^proxy_cache_path .*?;$", text, re.MULTILINE | re.DOTALL)
    cookie_map = re.search(r"^map \$http_cookie \$lontar_personal \{.*?^\}$", text, re.M | re.S)
    location = re.search(r"^    location / \{\n.*?^    \}$", text, re.MULTILINE | re.DOTALL)
    if not (path and cookie_map and location):
        raise SystemExit("deploy/nginx/lontar.conf: micro-cache directives not found")
    http = path.group(0).replace("/var/cache/nginx/lontar", str(work / "nginx-cache"))
    block = "\n".join(
        line for line in location.group(0).splitlines() if not line.strip().startswith("limit_req ")
    ).replace("/etc/nginx/lontar_proxy.conf", str(PROXY_CONF))
    indent = lambda s: "\n".join("    " + line if line else line for line in s.splitlines())  # noqa: E731
    return indent(http + "\n" + cookie_map.group(0)), indent(block)


class Nginx:
    def __init__(self, work: Path, static: Path, port: int, app_port: int, which) -> None:
        self.work, self.static, self.port, self.app_port = work, static, port, app_port
        self.which = which
        self.process: subprocess.Popen | None = None

    def start(self, ready_path: str) -> None:
        (self.work / "nginx-tmp").mkdir(parents=True, exist_ok=True)
        user = ""
        if os.geteuid() == 0:  # workers would run as nobody, who may not read the work dir
            user = "user root;\n"
        cache_http, cache_location = micro_cache_directives(self.work)
        conf = self.work / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                user=user,
                work=self.work,
                port=self.port,
                static=self.static,
                app_port=self.app_port,
                cache_http=cache_http,
                cache_location=cache_location,
            )
        )
        nginx = self.which("nginx") or "nginx"
        check = subprocess.run([nginx, "-t", "-q", "-c", str(conf)], capture_output=True)
        if check.returncode:
            raise SystemExit(f"nginx -t failed:\n{check.stderr.decode()}")
        self.process = subprocess.Popen(
            [nginx, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if fetch(self.port, ready_path)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"nginx not answering; see {self.work / 'nginx-error.log'}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: the master reaps its workers
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def fetch(port: int, path: str) -> tuple[int, bytes]:
    """One GET without following redirects: a 301 is a 301, not its target's 200."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# A production shell: edit the article's title, publish, print the moment the publish returned
# (committed), in this machine's clock.
_PUBLISH = """
import time
from lontar.news.models import NewsArticlePage
path = {path!r}
page = next(p for p in NewsArticlePage.objects.live().filter(slug=path.rstrip("/").split("/")[-1])
            if p.get_url_parts()[2] == path)
print("ORIGINAL", repr(page.title))
page.title = {title!r}
page.save_revision().publish()
print("PUBLISHED", repr(time.time()))
"""


def _publish(env: dict[str, str], path: str, title: str) -> subprocess.Popen:
    code = _PUBLISH.format(path=path, title=title)
    return subprocess.Popen(
        [sys.executable, "-m", "lontar", "shell", "-c", code],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def publish_probe(env: dict[str, str], port: int, path: str, load) -> float:
    """Seconds from a publish's commit until nginx serves the new title, `load` running.

    `load` is a callable run in a thread meanwhile (wrk on the same page). The title is put
    back afterwards, unmeasured.
    """
    marker = f"Uji kesegaran {int(time.time())}"
    loader = threading.Thread(target=load, daemon=True)
    loader.start()
    time.sleep(1)  # the page is under load and in every cache before the publish
    publisher = _publish(env, path, marker)
    seen = None
    deadline = time.monotonic() + 60
    while seen is None and time.monotonic() < deadline:
        if marker.encode() in fetch(port, path)[1]:
            seen = time.time()
        else:
            time.sleep(0.02)
    out, err = publisher.communicate(timeout=60)
    loader.join()
    published = re.search(r"PUBLISHED ([0-9.]+)", out)
    if published is None:
        raise SystemExit(f"publishing the probe's title failed:\n{out}\n{err}")
    original = re.search(r"ORIGINAL (.*)", out)
    assert original is not None
    restore = _publish(env, path, ast.literal_eval(original.group(1)))
    restore.communicate(timeout=60)
    if seen is None:
        return float("inf")
    return seen - float(published.group(1))
