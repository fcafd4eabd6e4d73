"""deploy/: the nginx configuration passes `nginx -t`, the systemd units pass
`systemd-analyze verify`, where those tools are installed (Debian: apt-get install nginx)."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def _self_signed(directory: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bkd.example.go.id")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (directory / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_configuration_is_valid(tmp_path):
    for name in ("ssl", "cache", "log", "srv"):
        (tmp_path / name).mkdir()
    _self_signed(tmp_path / "ssl")
    site = (DEPLOY / "nginx" / "lontar.conf").read_text()
    for old, new in {
        "/etc/ssl/lontar": str(tmp_path / "ssl"),
        "/etc/nginx/lontar_proxy.conf": str(DEPLOY / "nginx" / "lontar_proxy.conf"),
        "/var/cache/nginx/lontar": str(tmp_path / "cache"),
        "/var/log/nginx": str(tmp_path / "log"),
        "/srv/lontar": str(tmp_path / "srv"),
    }.items():
        site = site.replace(old, new)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/log/error.log;\n"
        "events {}\n"
        f"http {{ access_log off; include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )

    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_units_are_valid(tmp_path):
    units = sorted((DEPLOY / "systemd").glob("*.service"))
    assert [unit.name for unit in units] == ["lontar-web.service", "lontar-worker.service"]

    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
    )

    # Paths of the target machine (/srv/lontar/venv) do not exist here; anything else is a
    # mistake in the unit files.
    problems = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and "/srv/lontar" not in line and "lontar.env" not in line
    ]
    assert problems == [], result.stderr
