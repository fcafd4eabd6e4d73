"""The month's figures: the digest equals an independent count; the dashboard's budget."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from wagtail.models import Page

from lontar.agencies.models import Unit
from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import staff_member
from lontar.news.models import ArticleLike, NewsArticlePage
from lontar.news.tests.helpers import article, news_index
from lontar.newsroom import digest
from lontar.newsroom.figures import month_figures
from lontar.newsroom.models import ArticleViewDay, Prompt, UnitDesk

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def _published_on(page, when: datetime) -> None:
    Page.objects.filter(pk=page.pk).update(first_published_at=when)


def _world(agency, units: int = 3):
    index = news_index(agency)
    made = [
        Unit.objects.create(agency=agency, name=f"Bidang {n:02d}", slug=f"bidang-{n}")
        for n in range(units)
    ]
    for n, unit in enumerate(made):
        UnitDesk.objects.create(unit=unit, monthly_target=2 + n % 2)
    writers = []
    for n in range(3):
        user = staff_member(agency, Role.WRITER, username=f"penulis-{n}")
        user.staff_profile.unit = made[n % len(made)]
        user.staff_profile.save()
        writers.append(user.staff_profile)
    pages = []
    plan = [(0, 3), (0, 5), (1, 8), (0, 12), (2, 20)]  # (writer, day of March)
    for n, (who, day) in enumerate(plan):
        page = article(index, f"Berita {n}", author=writers[who])
        _published_on(page, datetime(2026, 3, day, 10, tzinfo=WITA))
        pages.append(page)
    outside = article(index, "Berita April", author=writers[0])
    _published_on(outside, datetime(2026, 4, 1, 1, tzinfo=WITA))
    ArticleViewDay.objects.create(article=pages[0], day=date(2026, 3, 4), views=7)
    ArticleViewDay.objects.create(article=pages[2], day=date(2026, 3, 9), views=5)
    ArticleViewDay.objects.create(article=pages[2], day=date(2026, 4, 2), views=100)
    for n in range(4):
        like = ArticleLike.objects.create(article=pages[1], visitor=f"v{n}", fingerprint=f"f{n}")
        ArticleLike.objects.filter(pk=like.pk).update(created_at=datetime(2026, 3, 21, tzinfo=WITA))
    return made, writers, pages


def test_the_digest_figures_equal_an_independent_count(
    agency_a, django_capture_on_commit_callbacks
):
    units, writers, pages = _world(agency_a, units=3)
    head = staff_member(agency_a, Role.EDITOR, username="kepala-bidang-0")
    UnitDesk.objects.filter(unit=units[0]).update(head=head.staff_profile)
    boss_unit = Unit.objects.create(
        agency=agency_a, name="Pimpinan", slug="pimpinan", kind=Unit.Kind.LEADERSHIP
    )
    boss = staff_member(agency_a, Role.EDITOR, username="kepala-badan")
    UnitDesk.objects.create(unit=boss_unit, monthly_target=0, head=boss.staff_profile)
    Prompt.objects.create(
        agency=agency_a,
        kind="acara",
        key="acara:1",
        unit=units[1],
        title="Laporan sosialisasi",
        prompt="Tulis.",
    )

    figures = month_figures(agency_a, 2026, 3)

    # The independent count: straight from the rows, month bounds in the agency's zone.
    start, end = datetime(2026, 3, 1, tzinfo=WITA), datetime(2026, 4, 1, tzinfo=WITA)
    march = NewsArticlePage.objects.live().filter(
        first_published_at__gte=start, first_published_at__lt=end
    )
    assert len(figures.published) == march.count() == 5
    for unit in units:
        row = next(r for r in figures.units if r.unit_id == unit.pk)
        assert row.published == march.filter(author__unit=unit).count()
    for profile in writers:
        row = next(w for w in figures.writers if w.staff_id == profile.pk)
        assert row.published == march.filter(author=profile).count()
    assert figures.views == 12 and figures.likes == 4
    assert [u.name for u in figures.quiet_units] == ["Pimpinan"]

    with django_capture_on_commit_callbacks(execute=True):
        assert digest.send_digest(agency_a, 2026, 3) == 2
    bodies = {m.to[0]: m.body for m in mail.outbox}
    whole = bodies[boss.email]
    assert "Berita terbit: 5. Dibaca: 12 kali. Disukai: 4 kali." in whole
    assert "- Bidang 00: 3/2" in whole and "- Bidang 01: 1/3" in whole
    assert "- Berita 4 (" in whole and "Berita April" not in whole
    # Sent once per month and reader however often the job runs.
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.send_digest(agency_a, 2026, 3) == 0


def test_a_quiet_unit_and_its_waiting_prompts_are_named(agency_a):
    units, _writers, _pages = _world(agency_a, units=4)
    Prompt.objects.create(
        agency=agency_a,
        kind="acara",
        key="acara:9",
        unit=units[3],
        title="Laporan rapat koordinasi",
        prompt="Tulis.",
    )
    figures = month_figures(agency_a, 2026, 3)
    assert [u.name for u in figures.quiet_units] == ["Bidang 03"]
    text = digest.body(figures)
    assert "- Bidang 03: Laporan rapat koordinasi" in text


def test_the_dashboard_stays_within_its_query_budget_with_60_units(
    client, agency_a, agency_admin_a, django_assert_max_num_queries
):
    _world(agency_a, units=60)
    client.force_login(agency_admin_a)
    client.get("/admin/redaksi/capaian/?bulan=2026-03")
    with django_assert_max_num_queries(30):
        response = client.get("/admin/redaksi/capaian/?bulan=2026-03")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bidang 59" in body and "Capaian per unit" in body


def test_a_bad_month_is_a_400_with_a_message(client, agency_a, agency_admin_a):
    client.force_login(agency_admin_a)
    response = client.get("/admin/redaksi/capaian/?bulan=2026-13")
    assert response.status_code == 400
    assert "TTTT-BB" in response.content.decode()
