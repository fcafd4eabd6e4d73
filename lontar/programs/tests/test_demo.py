"""The demo BKD shows two years of programs, an agenda and its planning documents."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from lontar.programs.models import Event, PerformanceIndicator, PlanningDocument, Program

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_bkd_has_programs_agenda_and_documents_once(client):
    call_command("load_demo")
    counts = (
        Program.objects.count(),
        PerformanceIndicator.objects.count(),
        Event.objects.count(),
        PlanningDocument.objects.count(),
    )
    call_command("load_demo")

    year = timezone.localdate().year
    assert counts == (
        Program.objects.count(),
        PerformanceIndicator.objects.count(),
        Event.objects.count(),
        PlanningDocument.objects.count(),
    )
    assert set(Program.objects.values_list("year", flat=True)) == {year - 1, year}
    home = client.get("/").content.decode()
    assert 'href="/program/"' in home and 'href="/agenda/"' in home
    assert "Program Kepegawaian Daerah" in client.get("/program/").content.decode()
    agenda = client.get("/agenda/").content.decode()
    assert "Sosialisasi Manajemen Talenta ASN" in agenda
    assert "Aula Kantor Gubernur" in agenda
    workshop = Event.objects.get(title="Sosialisasi Manajemen Talenta ASN")
    assert workshop.report is not None
    assert "Baca laporan kegiatan" in client.get(workshop.get_absolute_url()).content.decode()
    documents = client.get("/dokumen-perencanaan/").content.decode()
    assert f"Laporan Kinerja Instansi Pemerintah BKD Tahun {year - 1}" in documents
