"""One record of every kind for an agency, for tests that walk admin URLs with sample values.

`build_records(agency)` returns {model label: instance}. It must know every model registered
through `AgencyScopedSnippetViewSet`: the chooser test and the access matrix fail, naming the
model, when a new one has no builder here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.core.files.base import ContentFile
from django.db.models import Model


def _document(agency, title: str):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title, collection=agency.collection)
    document.file.save("dokumen-uji.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


def build_records(agency) -> dict[str, Model]:
    from lontar.agencies.models import (
        AgencyCalendarSettings,
        StaffProfile,
        Unit,
        WorkingDayOverride,
    )
    from lontar.agencies.tests.factories import UserFactory
    from lontar.infolist.models import ExemptInfo, InfoItem, ServiceStandard, UrgentNotice
    from lontar.news.models import NewsCategory
    from lontar.newsroom.models import ArticleTemplate, UnitDesk
    from lontar.opendata.models import (
        Dataset,
        Group,
        PartnerAgreement,
        PartnerKey,
        PartnerKeyUse,
        Resource,
    )
    from lontar.podcast.models import Episode, Show
    from lontar.ppid.models import PPIDSettings
    from lontar.programs.models import DocumentReminderSettings, Event, PlanningDocument, Program
    from lontar.regulations.models import DocumentRelation, LegalDocument, Subject
    from lontar.survey.models import SurveyPeriod, SurveyUnit

    tag = agency.short_name
    unit = Unit.objects.create(agency=agency, name=f"Bidang Rahasia {tag}", slug=f"bidang-{tag}")
    user = UserFactory(username=f"pegawai-{tag.lower()}", first_name="Pegawai", last_name=tag)
    staff = StaffProfile.objects.create(
        user=user, agency=agency, unit=unit, position="Analis", slug=f"pegawai-{tag.lower()}"
    )
    dataset = Dataset.objects.create(
        agency=agency,
        title=f"Dataset mitra {tag}",
        slug=f"dataset-{tag.lower()}",
        description="Data khusus mitra.",
        visibility=Dataset.Visibility.PARTNERS,
    )
    agreement = PartnerAgreement.objects.create(
        agency=agency,
        partner_name=f"Mitra Rahasia {tag}",
        purpose="Uji.",
        legal_basis="Uji.",
        starts_on=date(2025, 1, 1),
        ends_on=date(2030, 12, 31),
    )
    key = PartnerKey.objects.create(
        agreement=agreement, label="Kunci uji", prefix=f"k{tag[:6]}", key_hash=f"hash-{tag}"
    )
    show = Show.objects.create(
        agency=agency,
        title=f"Siniar {tag}",
        slug=f"siniar-{tag.lower()}",
        description="Uji.",
        author=tag,
        owner_email="siniar@example.invalid",
        cover="podcast/sampul-uji.png",
    )
    program = Program.objects.create(agency=agency, year=2025, name=f"Program {tag}")
    legal = LegalDocument.objects.create(
        agency=agency, kind="Peraturan Gubernur", year=2020, title=f"Pergub {tag}"
    )
    other_legal = LegalDocument.objects.create(
        agency=agency, kind="Peraturan Gubernur", year=2021, title=f"Pergub kedua {tag}"
    )
    survey_unit = SurveyUnit.objects.create(agency=agency, name=f"Loket {tag}")
    records: dict[str, Model] = {
        "agencies.agency": agency,
        "agencies.unit": unit,
        "agencies.staffprofile": staff,
        "agencies.workingdayoverride": WorkingDayOverride.objects.create(
            agency=agency,
            day=date(2026, 5, 4),
            kind=WorkingDayOverride._meta.get_field("kind").choices[0][0],
            reason=f"Libur rahasia {tag}",
        ),
        "agencies.agencycalendarsettings": AgencyCalendarSettings.objects.get_or_create(
            agency=agency
        )[0],
        "news.newscategory": NewsCategory.objects.create(
            agency=agency, name=f"Kategori {tag}", slug=f"kategori-{tag.lower()}"
        ),
        "opendata.dataset": dataset,
        "opendata.resource": Resource.objects.create(dataset=dataset, name=f"Sumber {tag}"),
        "opendata.partneragreement": agreement,
        # Data groups are shared by every agency (not agency-scoped): a sample only.
        "opendata.group": Group.objects.get_or_create(
            name="kepegawaian", defaults={"title": "Kepegawaian"}
        )[0],
        "opendata.partnerkeyuse": PartnerKeyUse.objects.create(
            key=key, path="/api/3/action/package_show", dataset=dataset
        ),
        "podcast.show": show,
        "podcast.episode": Episode.objects.create(
            show=show,
            title=f"Episode {tag}",
            slug=f"episode-{tag.lower()}",
            notes="Uji.",
            audio="podcast/episode-uji.mp3",
            audio_type="audio/mpeg",
        ),
        "ppid.ppidsettings": PPIDSettings.objects.get_or_create(agency=agency)[0],
        "programs.program": program,
        "programs.event": Event.objects.create(
            agency=agency,
            title=f"Agenda {tag}",
            starts_at=datetime(2030, 1, 1, 1, 0, tzinfo=UTC),
        ),
        "programs.planningdocument": PlanningDocument.objects.create(
            agency=agency,
            kind=PlanningDocument._meta.get_field("kind").choices[0][0],
            year=2025,
            title=f"Renstra {tag}",
            document=_document(agency, f"Renstra {tag}"),
        ),
        "programs.documentremindersettings": DocumentReminderSettings.objects.get_or_create(
            agency=agency
        )[0],
        "regulations.legaldocument": legal,
        "regulations.documentrelation": DocumentRelation.objects.create(
            source=legal,
            target=other_legal,
            kind=DocumentRelation._meta.get_field("kind").choices[0][0],
        ),
        "regulations.subject": Subject.objects.create(agency=agency, name=f"Subjek {tag}"),
        "survey.surveyunit": survey_unit,
        "survey.surveyperiod": SurveyPeriod.objects.create(
            agency=agency,
            unit=survey_unit,
            name=f"Periode {tag}",
            kind=SurveyPeriod._meta.get_field("kind").choices[0][0],
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 3, 31),
        ),
        "infolist.infoitem": InfoItem.objects.create(
            agency=agency,
            summary=f"Laporan keuangan {tag}",
            holder="Sekretariat",
            responsible="Kepala Sekretariat",
            made_when_where="2025, Kupang",
            retention="10 tahun",
            category="berkala",
        ),
        "infolist.exemptinfo": ExemptInfo.objects.create(
            agency=agency,
            description=f"Berkas penyidikan {tag}",
            ground="a",
            consequence_analysis="Uji.",
            exempt_until=date(2030, 1, 1),
            duration_note="5 tahun",
            decided_by="PPID",
            decision_number=f"1/DIK/{tag}",
            decided_on=date(2025, 1, 1),
        ),
        "infolist.urgentnotice": UrgentNotice.objects.create(
            agency=agency, title=f"Banjir {tag}", body="Uji."
        ),
        "newsroom.articletemplate": ArticleTemplate.objects.create(
            agency=agency, name=f"Templat {tag}", slug=f"templat-{tag.lower()}", outline="## Uji"
        ),
        "newsroom.unitdesk": UnitDesk.objects.create(unit=unit, monthly_target=2),
        "infolist.servicestandard": ServiceStandard.objects.create(
            agency=agency,
            kind="maklumat",
            title=f"Maklumat {tag}",
            legal_basis="UU 14/2008.",
            procedure="Uji.",
            completion_time="10 hari kerja.",
            fees="Gratis.",
            guarantee="Uji.",
            evaluation="SKM.",
        ),
    }
    return records


def scoped_snippet_viewsets() -> list:
    """Every registered snippet viewset that claims agency scoping (a new one counts too)."""
    from wagtail.snippets.models import get_snippet_models

    from lontar.agencies.admin_scoping import AgencyScopedSnippetViewSet

    return [
        model.snippet_viewset
        for model in get_snippet_models()
        if isinstance(model.snippet_viewset, AgencyScopedSnippetViewSet)
    ]
