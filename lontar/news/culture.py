"""The writing culture of an agency: who publishes, how much, and how long reviews take."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count
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
    # Unordered: the pages' default order (the tree path) made SQLite walk every page along
    # the path index instead of the publish-date range (issue 22).
    published = articles.live().filter(first_published_at__gte=since_at).order_by()

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

    # The page workflows still waiting, then which of them are this agency's articles: bounded
    # by what waits, not by every article the agency ever published (issue 22).
    states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    )
    waiting = list(
        states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by")
        .order_by("created_at")
    )
    waiting_ids = [int(s.object_id) for s in waiting if s.object_id.isdigit()]
    titles = dict(articles.filter(pk__in=waiting_ids).values_list("pk", "title"))
    for state in waiting:
        if not state.object_id.isdigit() or int(state.object_id) not in titles:
            continue  # another agency's page, or not an article
        user = state.requested_by
        report.waiting.append(
            Waiting(
                title=titles[int(state.object_id)],
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
    recent = articles.live().filter(first_published_at__gte=quiet_since).order_by()
    # The units that wrote lately, from the recent articles (an index range on the publish
    # date), rather than a count over every article of every unit's staff (issue 22).
    writing_units = set(
        recent.exclude(author__unit=None).values_list("author__unit", flat=True).distinct()
    )
    report.quiet_units = list(
        Unit.objects.filter(agency=agency)
        .exclude(pk__in=writing_units)
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
