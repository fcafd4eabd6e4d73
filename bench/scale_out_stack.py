"""The scale-out stack of bench/scale_out.py on one machine: a moto S3 server, two gunicorn
app servers with production settings, and nginx running the real deploy/nginx/lontar.conf.

`nginx_site()` is the only pure part (tested in lontar/config/tests/test_scale_out_config.py):
it turns the production site file into one that runs on loopback from a temporary directory.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYTHON = sys.executable
S3_KEY, S3_SECRET = "lontar-scale-out", "lontar-scale-out-secret"
PUBLIC_BUCKET, PRIVATE_BUCKET = "lontar-media", "lontar-private"
UPSTREAM_SERVER = re.compile(r"^(\s*)server\s+\S+(\s[^;]*)?;\s*$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_site(
    text: str,
    *,
    directory: Path,
    static_root: Path,
    http_port: int,
    https_port: int,
    upstreams: list[str],
) -> str:
    """deploy/nginx/lontar.conf made runnable on loopback from `directory`.

    Only what ties the file to a real machine changes: certificate, cache, log and site
    paths, the listen ports (IPv4 loopback only; the IPv6 wildcards are dropped) and the
    servers of `upstream lontar_app`, one line per app server with the original parameters.
    Everything else (limits, micro-cache, locations, proxy headers) is the production file.
    Raises ValueError when the file no longer has what is replaced, so drift is noticed.
    """
    replacements = {
        "/etc/ssl/lontar": str(directory / "ssl"),
        "/etc/nginx/lontar_proxy.conf": str(DEPLOY / "nginx" / "lontar_proxy.conf"),
        "/var/cache/nginx/lontar": str(directory / "cache"),
        "/var/log/nginx": str(directory / "log"),
        "/srv/lontar/static/": f"{static_root}/",
        "/srv/lontar/media/": str(directory / "media") + "/",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
    }
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"deploy/nginx/lontar.conf no longer contains {old!r}")
        text = text.replace(old, new)
    block = re.search(r"upstream lontar_app \{(.*?)\n\}", text, re.DOTALL)
    if not block or not UPSTREAM_SERVER.search(block.group(1)):
        raise ValueError("deploy/nginx/lontar.conf has no `server` line in upstream lontar_app")
    lines = block.group(1).splitlines()
    matches = [UPSTREAM_SERVER.match(line) for line in lines]
    position = next(i for i, match in enumerate(matches) if match)
    first = matches[position]
    assert first is not None
    indent, parameters = first.group(1), first.group(2) or ""
    kept = [line for line, match in zip(lines, matches, strict=True) if not match]
    # The app servers go where the first one was (before `keepalive`), with its parameters.
    kept[position:position] = [f"{indent}server {address}{parameters};" for address in upstreams]
    body = "\n".join(kept)
    return text[: block.start(1)] + body + text[block.end(1) :]


def nginx_main(directory: Path) -> str:
    """The nginx.conf that includes the site (the Debian file would load every site)."""
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers write the temp cache
    temp = "".join(
        f"    {name}_temp_path {directory / 'tmp' / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}pid {directory}/nginx.pid;\nerror_log {directory}/log/error.log warn;\n"
        "worker_processes 1;\nevents { worker_connections 512; }\n"
        "http {\n    access_log off;\n    include /etc/nginx/mime.types;\n"
        f"{temp}    include {directory}/site.conf;\n}}\n"
    )


def self_signed(directory: Path) -> Path:
    """A certificate for the demo host names and 127.0.0.1; returns its path (to verify)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bkd.example.go.id")])
    now = datetime.datetime.now(datetime.UTC)
    names: list[x509.GeneralName] = [
        x509.DNSName("bkd.example.go.id"),
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    chain = directory / "fullchain.pem"
    chain.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return chain


def ensure_nginx() -> str:
    """The nginx binary; installed with apt-get when missing (Debian), else a clear exit."""
    found = shutil.which("nginx") or (Path("/usr/sbin/nginx").exists() and "/usr/sbin/nginx")
    if found:
        return str(found)
    print("[stack] nginx is missing: apt-get install -y nginx", flush=True)
    try:
        subprocess.run(["apt-get", "install", "-y", "nginx"], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(
            f"nginx is needed and could not be installed ({error}); "
            "install it with `apt-get install -y nginx` and run again."
        ) from error
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise SystemExit("nginx is still missing after apt-get install; install it by hand.")
    return found


class Stack:
    """Everything of one run, under one temporary directory."""

    def __init__(self, directory: Path, database_url: str, redis_url: str) -> None:
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url
        self.replica_url = ""  # DATABASE_REPLICA_URL of the app servers (scale_out_replica.py)
        self.redis_url = redis_url
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.logs: list = []
        self.moto: Any = None  # moto's ThreadedMotoServer, imported when started
        self.s3_port = free_port()
        self.s3_endpoint = f"http://127.0.0.1:{self.s3_port}"
        self.http_port, self.https_port = free_port(), free_port()
        self.nginx_base = f"https://127.0.0.1:{self.https_port}"
        self.app_ports = {"A": free_port(), "B": free_port()}
        self.cert = self.dir / "ssl" / "fullchain.pem"
        self.nginx_binary = ""

    # --- environment -------------------------------------------------------------------
    def var_dir(self, name: str) -> Path:
        return self.dir / f"app-{name}"

    def env(self, name: str) -> dict[str, str]:
        """Production settings (LONTAR_DEBUG=0) of app server `name`, on the shared services."""
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "lontar.config.settings",
            "LONTAR_DEBUG": "0",
            "LONTAR_VAR_DIR": str(self.var_dir(name)),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "SECRET_KEY": "scale-out-secret-key-not-for-production-" + "x" * 24,
            "LONTAR_PII_KEY": "dGVzdC1waWkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
            "LONTAR_TRACKING_KEY": "scale-out-tracking-key",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LONTAR_BASE_URL": self.nginx_base,
            "CSRF_TRUSTED_ORIGINS": self.nginx_base,
            "LONTAR_TRUSTED_PROXY_COUNT": "1",
            # Nobody listens there: mail waits in the outbox (no flow here needs it sent).
            "EMAIL_URL": f"smtp://127.0.0.1:{free_port()}",
            "S3_BUCKET": PUBLIC_BUCKET,
            "S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
            "S3_ENDPOINT_URL": self.s3_endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": S3_KEY,
            "S3_SECRET_ACCESS_KEY": S3_SECRET,
            "WEB_BIND": f"127.0.0.1:{self.app_ports.get(name, 0)}",
            "WEB_CONCURRENCY": "2",
            "WEB_THREADS": "2",
            "WEB_ACCESS_LOG": "1",
            "DATABASE_REPLICA_URL": self.replica_url,
        }
        if not self.replica_url:
            del env["DATABASE_REPLICA_URL"]  # nor one from the caller's environment
        return env

    def manage(self, *args: str, name: str = "A") -> str:
        result = subprocess.run(
            [PYTHON, "-m", "lontar", *args],
            cwd=ROOT,
            env=self.env(name),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise SystemExit(f"lontar {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def script(self, *args: str, name: str = "A") -> str:
        result = subprocess.run(
            [PYTHON, *args], cwd=ROOT, env=self.env(name), capture_output=True, text=True
        )
        if result.returncode:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    # --- services ------------------------------------------------------------------------
    def start_s3(self):
        """moto's S3 server on a loopback port with the public and the private bucket."""
        import logging

        import boto3
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per S3 request

        self.moto = ThreadedMotoServer(ip_address="127.0.0.1", port=self.s3_port, verbose=False)
        self.moto.start()
        s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            region_name="us-east-1",
            aws_access_key_id=S3_KEY,
            aws_secret_access_key=S3_SECRET,
        )
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            s3.create_bucket(Bucket=bucket)
        return s3

    def spawn(self, label: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = open(self.dir / f"{label}.log", "ab")  # closed in stop()
        self.logs.append(log)
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append((label, process))
        return process

    def start_app(self, name: str) -> None:
        config = "python:lontar.config.gunicorn"
        args = [PYTHON, "-m", "gunicorn", "-c", config, "lontar.config.wsgi"]
        # The default control socket is one per user: the two instances would share it.
        args.append("--no-control-socket")
        self.spawn(f"gunicorn-{name}", args, self.env(name))

    def wait_app(self, name: str, timeout: float = 120) -> None:
        base = f"http://127.0.0.1:{self.app_ports[name]}"
        deadline = time.monotonic() + timeout
        process = dict(self.processes)[f"gunicorn-{name}"]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn {name} exited; see {self.dir}/gunicorn-{name}.log")
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn {name} not ready in {timeout} s; see {self.dir}")

    def start_nginx(self) -> None:
        self.nginx_binary = ensure_nginx()
        for sub in ("log", "cache", "media", "tmp"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        self_signed(self.dir / "ssl")
        site = nginx_site(
            (DEPLOY / "nginx" / "lontar.conf").read_text(),
            directory=self.dir,
            static_root=self.var_dir("A") / "static",
            http_port=self.http_port,
            https_port=self.https_port,
            upstreams=[f"127.0.0.1:{port}" for port in self.app_ports.values()],
        )
        (self.dir / "site.conf").write_text(site)
        (self.dir / "nginx.conf").write_text(nginx_main(self.dir))
        command = [self.nginx_binary, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode:
            raise SystemExit(f"nginx -t failed:\n{check.stderr}")
        self.spawn("nginx", [*command, "-g", "daemon off;"], dict(os.environ))
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                requests.get(self.nginx_base + "/healthz", timeout=2, verify=str(self.cert))
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit(f"nginx did not answer; see {self.dir}/log/error.log")

    def stop(self) -> None:
        for _label, process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for _label, process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for log in self.logs:
            log.close()
        if self.moto is not None:
            self.moto.stop()
