"""The command line's progress bar: a line per tenth in a log, one rewritten line in a terminal."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from lontar.wordpress.progress import ProgressBar
from lontar.wordpress.tests.builder import Entry, wxr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_log_the_bar_writes_the_start_and_a_line_per_tenth():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    for done in range(1, 1001):
        bar("berita", done, 1000)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[0].startswith("berita     [....") and " 1/1000 " in lines[0]
    assert lines[1].startswith("berita     [###....") and " 100/1000 " in lines[1]
    assert lines[-1].startswith("berita     [" + "#" * 30 + "] 1000/1000")


def test_in_a_terminal_one_line_is_rewritten_per_stage():
    stream = Terminal()
    bar = ProgressBar(stream)
    for done in range(1, 4):
        bar("lampiran", done, 3)
    for done in range(1, 3):
        bar("berita", done, 2)
    text = stream.getvalue()
    assert text.count("\r") == 5 and text.count("\n") == 2
    assert "\rlampiran   [" + "#" * 30 + "] 3/3" in text
    assert "\rberita     [" + "#" * 15 + "." * 15 + "] 1/2" in text
    assert "\rberita     [" + "#" * 30 + "] 2/2" in text and text.endswith("\n")


@pytest.mark.django_db
def test_the_import_command_shows_its_progress(agency_a, tmp_path):
    path = tmp_path / "situs.xml"
    path.write_bytes(wxr([Entry(n, f"Berita {n}", "<p>Isi.</p>", slug=f"b{n}") for n in (1, 2, 3)]))
    err = io.StringIO()
    call_command("import_wordpress", agency_a.slug, str(path), stdout=io.StringIO(), stderr=err)
    assert "berita     [" + "#" * 30 + "] 3/3" in err.getvalue()
