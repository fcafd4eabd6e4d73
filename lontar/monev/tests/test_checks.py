"""Each Monev check's present and missing (or stale) outcome, and the page with its score."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.utils import timezone

from lontar.agencies.models import Unit
from lontar.annualreport.models import AnnualReport
from lontar.infolist.models import ExemptInfo, InfoItem, SourceConfirmation
from lontar.infolist.registry import sources
from lontar.monev.registry import Status, check_for
from lontar.programs.models import PlanningDocument

pytestmark = pytest.mark.django_db

TODAY = date(2027, 2, 10)


def _status(key: str, agency, today: date = TODAY) -> Status:
    check = check_for(key)
    assert check is not None, key
    result = check(agency, today)
    assert result.fix_url.startswith("/"), key
    return result.status


def _dip_item(agency, **extra):
    defaults = {
        "summary": "Profil BKD",
        "holder": "Sekretariat",
        "responsible": "PPID",
        "made_when_where": "2026, Kupang",
        "retention": "5 tahun",
        "category": "setiap_saat",
        "last_updated": date(2027, 1, 5),
    }
    return InfoItem.objects.create(agency=agency, **{**defaults, **extra})


def test_dip(agency_a):
    assert _status("dip", agency_a) == Status.MISSING  # only the automatic entries
    _dip_item(agency_a)
    assert _status("dip", agency_a) == Status.STALE  # sources not confirmed yet
    for source in sources():
        SourceConfirmation.objects.create(
            agency=agency_a, source_key=source.key, category=source.proposed_category
        )
    assert _status("dip", agency_a) == Status.PRESENT
    _dip_item(agency_a, summary="LRA", category="berkala", last_updated=date(2026, 1, 1))
    assert _status("dip", agency_a) == Status.STALE


def test_dik(agency_a):
    assert _status("dik", agency_a) == Status.MISSING
    entry = ExemptInfo.objects.create(
        agency=agency_a,
        description="Berkas pemeriksaan disiplin",
        ground="h",
        consequence_analysis="Membuka merugikan pegawai.",
        duration_note="Permanen",
        decided_by="PPID",
        decision_number="1/2026",
        decided_on=date(2026, 1, 2),
    )
    assert _status("dik", agency_a) == Status.PRESENT
    ExemptInfo.objects.filter(pk=entry.pk).update(ground="a", exempt_until=date(2027, 1, 1))
    assert _status("dik", agency_a) == Status.STALE


def test_forms_and_registers(agency_a):
    agency_a.ppid_email = "ppid@bkd.example.go.id"
    agency_a.save()
    for key in ("request-form", "objection-form", "request-register", "objection-register"):
        assert _status(key, agency_a) == Status.PRESENT, key
    assert _status("statistics", agency_a) == Status.PRESENT
    agency_a.retired_at = timezone.now()
    agency_a.save()
    assert _status("request-form", agency_a) == Status.MISSING
    assert _status("objection-form", agency_a) == Status.MISSING


def test_annual_report_published_by_31_march(agency_a):
    assert _status("annual-report", agency_a) == Status.MISSING
    report = AnnualReport.objects.create(
        agency=agency_a, year=2025, status="terbit", published_on=date(2026, 3, 30)
    )
    # February 2027: the 2025 report counts while the 2026 one is not yet due.
    assert _status("annual-report", agency_a) == Status.PRESENT
    assert _status("annual-report", agency_a, date(2027, 4, 1)) == Status.MISSING
    AnnualReport.objects.create(
        agency=agency_a, year=2026, status="terbit", published_on=date(2027, 4, 15)
    )
    assert _status("annual-report", agency_a, date(2027, 5, 1)) == Status.STALE
    AnnualReport.objects.filter(pk=report.pk).update(published_on=date(2026, 5, 1))
    assert _status("annual-report", agency_a) == Status.STALE


def test_service_hours_leadership_and_accessibility(agency_a, ppid_officer_a):
    agency_a.office_hours = ""
    agency_a.save()
    assert _status("service-hours", agency_a) == Status.MISSING
    agency_a.office_hours = "Senin–Jumat 08.00–16.00"
    agency_a.save()
    assert _status("service-hours", agency_a) == Status.PRESENT

    Unit.objects.filter(agency=agency_a, kind="pimpinan").delete()
    assert _status("leadership-profiles", agency_a) == Status.MISSING
    Unit.objects.create(
        agency=agency_a, name="Kepala", slug="kepala", kind="pimpinan", head_title="Kepala BKD"
    )
    assert _status("leadership-profiles", agency_a) == Status.STALE
    profile = ppid_officer_a.staff_profile
    profile.shown_on_ppid_page = True
    profile.career = "Kepala Bidang 2019–2024"
    profile.save()
    assert _status("leadership-profiles", agency_a) == Status.PRESENT
    assert _status("accessibility", agency_a) == Status.PRESENT


def test_budget_and_satisfaction(agency_a, django_user_model):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    assert _status("budget-financial", agency_a) == Status.MISSING
    document = Document.objects.create(title="DPA", file=ContentFile(b"%PDF-1.4", name="dpa.pdf"))
    for kind, year in (("dpa", 2024), ("laporan-keuangan", 2026)):
        PlanningDocument.objects.create(
            agency=agency_a, kind=kind, year=year, title=kind, document=document
        )
    assert _status("budget-financial", agency_a) == Status.STALE
    PlanningDocument.objects.create(
        agency=agency_a, kind="dpa", year=2027, title="DPA 2027", document=document
    )
    assert _status("budget-financial", agency_a) == Status.PRESENT

    assert _status("satisfaction", agency_a) == Status.MISSING


def test_the_page_shows_each_item_with_a_score(client, agency_a, ppid_officer_a, editor):
    client.force_login(ppid_officer_a)
    page = client.get("/admin/ppid/monev/").content.decode()
    assert page.count("data-item=") == 15
    assert 'data-item="maklumat"' in page  # checked once the maklumat's app registers it
    assert 'data-item="accessibility" data-status="ada"' in page
    assert "data-score" in page and "data-band" in page
    client.force_login(editor)
    assert client.get("/admin/ppid/monev/").status_code in (302, 403)


def test_the_province_dashboard_shows_the_same_score_as_the_page(client, agency_a, ppid_officer_a):
    from lontar.province.registry import agency_scores

    client.force_login(ppid_officer_a)
    page = client.get("/admin/ppid/monev/").content.decode()
    shown = re.search(r"<strong data-score>([^<]+)</strong>", page).group(1)
    assert str(agency_scores([agency_a])[agency_a.pk]) == shown.replace(",", ".")


def test_maklumat_and_sop_count_once_published(agency_a):
    from lontar.infolist.models import ServiceStandard

    assert _status("maklumat", agency_a) == Status.MISSING
    fields = {
        "legal_basis": "UU 14/2008.",
        "procedure": "Permohonan diterima di meja layanan.",
        "completion_time": "10 hari kerja.",
        "fees": "Gratis.",
        "guarantee": "Petugas menjawab tepat waktu.",
        "evaluation": "SKM tiap semester.",
    }
    draft = ServiceStandard.objects.create(
        agency=agency_a, kind="maklumat", title="Maklumat", **fields
    )
    assert _status("maklumat", agency_a) == Status.MISSING  # a draft is not on the site
    draft.is_published = True
    draft.save()
    assert _status("maklumat", agency_a) == Status.PRESENT
    assert _status("sop", agency_a) == Status.MISSING
    ServiceStandard.objects.create(
        agency=agency_a, kind="sop", title="SOP", is_published=True, **fields
    )
    assert _status("sop", agency_a) == Status.PRESENT
