"""A throw-away portal under gunicorn for the extended harnesses (crash_loop.py, load.py).

Everything lives in one temporary directory (SQLite file, media, private files, file cache),
unless DATABASE_URL names a PostgreSQL database, which is then migrated and used as is. The
portal runs with LONTAR_DEBUG=1 (console e-mail, generated secret key) but plain HTTP and
LONTAR_TRUSTED_PROXY_COUNT=1, so each simulated citizen can carry its own address in
X-Forwarded-For and the per-address limits on public forms stay as they are in production.
"""

from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hidden_inputs(page: str) -> dict[str, str]:
    """name → value of every <input type="hidden"> on the page (CSRF, shown_at, keys)."""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        if not re.search(r'type="hidden"', tag):
            continue
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
    return fields


class Portal:
    """Prepare a database and run gunicorn on a free loopback port; kill and restart it."""

    def __init__(self, workers: int = 3, var_dir: str | None = None) -> None:
        self.workers = workers
        self.tmp = Path(var_dir or tempfile.mkdtemp(prefix="lontar-bench-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log = open(self.tmp / "gunicorn.log", "ab")  # closed in stop()
        self.env = {
            **os.environ,
            "LONTAR_DEBUG": "1",
            "LONTAR_HTTPS": "0",
            "LONTAR_VAR_DIR": str(self.tmp / "var"),
            "LONTAR_TRUSTED_PROXY_COUNT": "1",
            "PYTHONPATH": str(ROOT),
        }
        self.database = os.environ.get("DATABASE_URL", "") or "sqlite"

    @property
    def backend(self) -> str:
        return "postgresql" if self.database.startswith("postgres") else "sqlite"

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "-m", "lontar", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise SystemExit(f"lontar {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def prepare(self) -> None:
        """Migrate and load the demo province (idempotent: a second call is quick)."""
        started = time.monotonic()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo", "--port", str(self.port))
        print(f"[portal] {self.backend} ready in {time.monotonic() - started:.0f} s ({self.tmp})")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "lontar.config.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--forwarded-allow-ips",
                "127.0.0.1",
                # Workers fork from a loaded app, so a killed one is back in milliseconds
                # (on two shared cores a cold worker boot takes longer than the kill interval).
                "--preload",
                # The default control socket is one per user: other portals would share it.
                "--no-control-socket",
                "--config",
                str(ROOT / "bench" / "gunicorn_warm.py"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.tmp / 'gunicorn.log'}")
            try:
                if requests.get(self.base + "/healthz", timeout=2).status_code < 500:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn not ready after {timeout} s; see {self.tmp / 'gunicorn.log'}")

    def worker_pids(self) -> list[int]:
        if not self.process:
            return []
        master = self.process.pid
        try:
            children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        except OSError:
            return []
        return [int(pid) for pid in children]

    def kill_worker(self, pid: int) -> bool:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        return True

    def crash_and_restart(self) -> float:
        """SIGKILL the master and every worker (a host crash for the app); start again."""
        assert self.process
        pids = self.worker_pids()
        os.kill(self.process.pid, signal.SIGKILL)
        for pid in pids:
            self.kill_worker(pid)
        self.process.wait()
        started = time.monotonic()
        self.start()
        return time.monotonic() - started

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def inspect(self, marker: str) -> dict:
        """Run bench/inspect_db.py in the portal's environment and return its JSON."""
        import json

        result = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "inspect_db.py"), marker],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise SystemExit(f"inspect_db failed:\n{result.stdout}\n{result.stderr}")
        return json.loads(result.stdout)
