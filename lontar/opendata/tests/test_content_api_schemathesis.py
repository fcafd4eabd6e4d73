"""The content API is what its OpenAPI document says: Schemathesis (the real command line)
generates requests from /api/v1/openapi.json against the live test server, valid and invalid
ones, with a fixed number of examples and a fixed seed, and runs every check it has: no 5xx,
responses match the schema, declared limits refused (negative data rejected), undeclared
methods answered 405, and the rest of its list."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lontar.news.tests.helpers import article, category, news_index
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db(transaction=True)
EXAMPLES = 30
SEED = 15


@pytest.fixture
def content(agency_a):
    index = news_index(agency_a)
    events = category(agency_a, "Kegiatan")
    for day in range(1, 4):
        article(index, f"Berita {day}", on=date(2026, 3, day), category=events)
    make_document(agency_a, title="Pergub Pelayanan", year=2024)


def test_schemathesis_finds_nothing_with_every_check(content, live_server, agency_a, tmp_path):
    schemathesis = Path(sys.executable).parent / "schemathesis"
    command = [
        str(schemathesis),
        "run",
        f"{live_server.url}/api/v1/openapi.json",
        "--checks",
        "all",
        "--mode",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        str(SEED),
        "--generation-deterministic",
        "--no-shrink",
        "--request-timeout",
        "30",
        "--report-dir",
        str(tmp_path),
    ]
    finished = subprocess.run(command, capture_output=True, timeout=900, check=False, cwd=tmp_path)
    output = finished.stdout.decode(errors="replace")
    assert finished.returncode == 0, output[-6000:]
    assert "No issues found" in output
    generated = re.search(r"(\d+) generated, (\d+) passed", output)
    assert generated and int(generated.group(1)) == int(generated.group(2)) >= 100, output
