"""bench/scale_out.py runs the real deploy/nginx/lontar.conf in front of two app servers: the
substituted copy names both of them and still passes `nginx -t` (when nginx is installed)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Loaded by path: putting bench/ on sys.path would let its scripts shadow other modules.
_spec = importlib.util.spec_from_file_location(
    "scale_out_stack", Path(__file__).resolve().parents[3] / "bench" / "scale_out_stack.py"
)
assert _spec and _spec.loader
stack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack)
DEPLOY, nginx_main, nginx_site, self_signed = (
    stack.DEPLOY,
    stack.nginx_main,
    stack.nginx_site,
    stack.self_signed,
)


def _site(tmp_path: Path, upstreams: list[str]) -> str:
    return nginx_site(
        (DEPLOY / "nginx" / "lontar.conf").read_text(),
        directory=tmp_path,
        static_root=tmp_path / "static",
        http_port=18080,
        https_port=18443,
        upstreams=upstreams,
    )


def test_the_upstream_names_every_app_server_with_the_production_parameters(tmp_path):
    site = _site(tmp_path, ["127.0.0.1:18001", "127.0.0.1:18002"])

    block = re.search(r"upstream lontar_app \{(.*?)\n\}", site, re.DOTALL)
    assert block is not None
    upstream = block.group(1)
    assert re.findall(r"server (\S+) max_fails=3 fail_timeout=10s;", upstream) == [
        "127.0.0.1:18001",
        "127.0.0.1:18002",
    ]
    assert "keepalive 32;" in upstream
    assert "127.0.0.1:8000" not in site
    assert "listen 127.0.0.1:18443 ssl http2;" in site and "[::]" not in site
    directives = "\n".join(line.split("#")[0] for line in site.splitlines())
    assert "/etc/" not in directives and "/srv/" not in directives and "/var/" not in directives
    # What the test is about stays as in production: limits, micro-cache, proxy headers.
    assert "rate=2r/s" in site and "proxy_ignore_headers Cache-Control Expires Vary;" in site


def test_a_changed_production_file_is_noticed(tmp_path):
    text = (DEPLOY / "nginx" / "lontar.conf").read_text().replace("listen 443 ssl http2;", "")

    with pytest.raises(ValueError, match="listen 443"):
        nginx_site(
            text,
            directory=tmp_path,
            static_root=tmp_path,
            http_port=1,
            https_port=2,
            upstreams=["127.0.0.1:3"],
        )


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_the_two_server_configuration_passes_nginx_t(tmp_path):
    for name in ("log", "cache", "media", "static", "tmp"):
        (tmp_path / name).mkdir()
    self_signed(tmp_path / "ssl")
    (tmp_path / "site.conf").write_text(_site(tmp_path, ["127.0.0.1:18001", "127.0.0.1:18002"]))
    (tmp_path / "nginx.conf").write_text(nginx_main(tmp_path))

    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
