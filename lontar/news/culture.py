"""The writing culture of an agency: who publishes, how much, and how long reviews take."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import WorkflowState

from lontar.agencies.models import Agency, StaffProfile, Unit
from lontar.news.models import NewsArticlePage

PERIODS = {"bulan": "bulan ini", "triwulan": "triwulan ini", "tahun": "tahun ini"}
QUIET_DAYS = 60


def period_start(period: str, today: date) -> date:
    if period == "bulan":
        return today.replace(day=1)
    if period == "triwulan":
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    return today.replace(month=1, day=1)


@dataclass
class Waiting:
    title: str
    page_id: int
    submitted_by: str
    submitted_at: datetime
    days: int


@dataclass
class Culture:
    agency: Agency
    period: str
    since: date
    per_unit: list[tuple[str, int]] = field(default_factory=list)
    per_author: list[tuple[str, str, int]] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    median_days_to_publish: float | None = None
    quiet_units: list[str] = field(default_factory=list)
    quiet_staff: list[str] = field(default_factory=list)


def _articles(agency: Agency):
    if agency.site_id is None:
        return NewsArticlePage.objects.none()
    return NewsArticlePage.objects.descendant_of(agency.site.root_page)


def culture_of(agency: Agency, period: str = "bulan", now: datetime | None = None) -> Culture:
    now = now or timezone.now()
    # The month/quarter/year is the agency's, started at midnight on its own clock.
    today = now.astimezone(agency.zone).date()
    period = period if period in PERIODS else "bulan"
    since = period_start(period, today)
    since_at = datetime.combine(since, datetime.min.time(), tzinfo=agency.zone)
    report = Culture(agency=agency, period=period, since=since)
    articles = _articles(agency)
    published = articles.live().filter(first_published_at__gte=since_at)

    report.per_unit = [
        (row["author__unit__name"] or "—", row["n"])
        for row in published.values("author__unit__name").annotate(n=Count("pk")).order_by("-n")
    ]
    authors = {
        p.pk: p for p in StaffProfile.objects.filter(agency=agency).select_related("user", "unit")
    }
    report.per_author = [
        (
            authors[row["author"]].display_name if row["author"] in authors else "—",
            authors[row["author"]].unit.name
            if row["author"] in authors and authors[row["author"]].unit
            else "—",
            row["n"],
        )
        for row in published.values("author").annotate(n=Count("pk")).order_by("-n")
    ]

    page_ids = [str(pk) for pk in articles.values_list("pk", flat=True)]
    states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=page_ids,
    ).select_related("requested_by")
    titles = dict(articles.values_list("pk", "title"))
    for state in states.filter(status=WorkflowState.STATUS_IN_PROGRESS).order_by("created_at"):
        user = state.requested_by
        report.waiting.append(
            Waiting(
                title=titles.get(int(state.object_id), "?"),
                page_id=int(state.object_id),
                submitted_by=(user.get_full_name() or user.get_username()) if user else "—",
                submitted_at=state.created_at,
                days=(now - state.created_at).days,
            )
        )

    first_published = dict(published.values_list("pk", "first_published_at"))
    durations = []
    approved = states.filter(
        status=WorkflowState.STATUS_APPROVED, object_id__in=[str(pk) for pk in first_published]
    )
    for state in approved:
        done = first_published.get(int(state.object_id))
        if done and done >= state.created_at:
            durations.append((done - state.created_at).total_seconds() / 86400)
    if durations:
        report.median_days_to_publish = round(statistics.median(durations), 1)

    quiet_since = now - timedelta(days=QUIET_DAYS)
    recent = articles.live().filter(first_published_at__gte=quiet_since)
    report.quiet_units = list(
        Unit.objects.filter(agency=agency)
        .annotate(
            recent=Count(
                "staff__news_articles", filter=Q(staff__news_articles__in=recent.values("pk"))
            )
        )
        .filter(recent=0)
        .values_list("name", flat=True)
    )
    active = set(recent.exclude(author=None).values_list("author", flat=True))
    report.quiet_staff = sorted(p.display_name for pk, p in authors.items() if pk not in active)
    return report


def csv_rows(report: Culture) -> list[list[str]]:
    rows = [["bagian", "nama", "unit", "nilai"]]
    rows += [["terbit per unit", unit, unit, str(n)] for unit, n in report.per_unit]
    rows += [["terbit per penulis", name, unit, str(n)] for name, unit, n in report.per_author]
    rows += [["menunggu telaah", w.title, w.submitted_by, f"{w.days} hari"] for w in report.waiting]
    median = report.median_days_to_publish
    rows.append(["median hari pengajuan-terbit", "", "", "" if median is None else str(median)])
    rows += [["unit tanpa tulisan 60 hari", u, u, "0"] for u in report.quiet_units]
    rows += [["staf tanpa tulisan 60 hari", s, "", "0"] for s in report.quiet_staff]
    return rows
