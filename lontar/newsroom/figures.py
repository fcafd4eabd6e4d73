"""The newsroom's figures for one month of one agency: the one function the dashboard and the
monthly digest both read, in a fixed number of queries however many units and writers."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Sum
from wagtail.models import Page, TaskState

from lontar.agencies.models import Agency, StaffProfile, Unit
from lontar.agencies.roles import Role
from lontar.news.models import ArticleLike, NewsArticlePage
from lontar.newsroom.models import ArticleViewDay, Prompt

DEFAULT_TARGET = 0


@dataclass
class UnitRow:
    unit_id: int
    name: str
    target: int
    published: int = 0
    waiting: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        return None if not self.target else round(self.published * 100 / self.target)

    @property
    def met(self) -> bool:
        return bool(self.target) and self.published >= self.target


@dataclass
class WriterRow:
    staff_id: int
    name: str
    unit: str
    published: int = 0
    views: int = 0
    likes: int = 0


@dataclass
class EditorRow:
    name: str
    reviews: int
    median_hours: float


@dataclass
class PublishedRow:
    page_id: int
    title: str
    author: str
    unit: str


@dataclass
class MonthFigures:
    agency: Agency
    year: int
    month: int
    published: list[PublishedRow] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    writers: list[WriterRow] = field(default_factory=list)
    editors: list[EditorRow] = field(default_factory=list)
    views: int = 0
    likes: int = 0
    unassigned_waiting: list[str] = field(default_factory=list)

    @property
    def quiet_units(self) -> list[UnitRow]:
        return [row for row in self.units if row.published == 0]


def month_bounds(agency: Agency, year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=agency.zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=agency.zone)
    return start, end


def _name(first: str | None, last: str | None, username: str | None) -> str:
    return f"{first or ''} {last or ''}".strip() or (username or "—")


def month_figures(agency: Agency, year: int, month: int) -> MonthFigures:
    figures = MonthFigures(agency=agency, year=year, month=month)
    if agency.site_id is None:
        return figures
    start, end = month_bounds(agency, year, month)
    first_day, next_day = start.date(), end.date()
    root = Page.objects.filter(sites_rooted_here__agency=agency).values("path", "depth").first()
    if root is None:
        return figures
    articles = NewsArticlePage.objects.filter(path__startswith=root["path"])

    rows = list(
        articles.live()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at")
        .values(
            "pk",
            "title",
            "author_id",
            "author__unit_id",
            "author__user__first_name",
            "author__user__last_name",
            "author__user__username",
            "author__unit__name",
        )
    )
    figures.published = [
        PublishedRow(
            page_id=row["pk"],
            title=row["title"],
            author=_name(
                row["author__user__first_name"],
                row["author__user__last_name"],
                row["author__user__username"],
            )
            if row["author_id"]
            else "—",
            unit=row["author__unit__name"] or "—",
        )
        for row in rows
    ]
    per_unit = Counter(row["author__unit_id"] for row in rows if row["author__unit_id"])
    per_writer = Counter(row["author_id"] for row in rows if row["author_id"])

    waiting: dict[int | None, list[str]] = defaultdict(list)
    for unit_id, title in (
        Prompt.objects.filter(agency=agency, status__in=[Prompt.Status.OPEN, Prompt.Status.DRAFTED])
        .order_by("created_at")
        .values_list("unit_id", "title")
    ):
        waiting[unit_id].append(title)
    figures.unassigned_waiting = waiting.get(None, [])

    for unit in (
        Unit.objects.filter(agency=agency)
        .select_related("desk")
        .order_by("sort_order", "name")
        .only("pk", "name", "desk__monthly_target")
    ):
        desk = getattr(unit, "desk", None)
        figures.units.append(
            UnitRow(
                unit_id=unit.pk,
                name=unit.name,
                target=desk.monthly_target if desk is not None else DEFAULT_TARGET,
                published=per_unit.get(unit.pk, 0),
                waiting=waiting.get(unit.pk, []),
            )
        )

    views = dict(
        ArticleViewDay.objects.filter(
            article__path__startswith=root["path"], day__gte=first_day, day__lt=next_day
        )
        .values_list("article__author_id")
        .annotate(n=Sum("views"))
    )
    likes = dict(
        ArticleLike.objects.filter(
            article__path__startswith=root["path"], created_at__gte=start, created_at__lt=end
        )
        .values_list("article__author_id")
        .annotate(n=Count("pk"))
    )
    figures.views = sum(views.values())
    figures.likes = sum(likes.values())
    writers = (
        StaffProfile.objects.filter(agency=agency)
        .filter(user__is_active=True, user__groups__name=Role.WRITER.value)
        .values("pk", "user__first_name", "user__last_name", "user__username", "unit__name")
        .distinct()
    )
    seen: set[int] = set()
    for writer in writers:
        seen.add(writer["pk"])
        figures.writers.append(
            WriterRow(
                staff_id=writer["pk"],
                name=_name(
                    writer["user__first_name"],
                    writer["user__last_name"],
                    writer["user__username"],
                ),
                unit=writer["unit__name"] or "—",
                published=per_writer.get(writer["pk"], 0),
                views=views.get(writer["pk"]) or 0,
                likes=likes.get(writer["pk"]) or 0,
            )
        )
    # Authors outside the Writer role (an editor writing) still count.
    for pk, count in per_writer.items():
        if pk not in seen:
            row = next(r for r in rows if r["author_id"] == pk)
            figures.writers.append(
                WriterRow(
                    staff_id=pk,
                    name=_name(
                        row["author__user__first_name"],
                        row["author__user__last_name"],
                        row["author__user__username"],
                    ),
                    unit=row["author__unit__name"] or "—",
                    published=count,
                    views=views.get(pk) or 0,
                    likes=likes.get(pk) or 0,
                )
            )
    figures.writers.sort(key=lambda w: (-w.published, -w.views, w.name))

    reviews: dict[str, list[float]] = defaultdict(list)
    for first, last, username, started, finished in TaskState.objects.filter(
        status=TaskState.STATUS_APPROVED,
        finished_at__gte=start,
        finished_at__lt=end,
        workflow_state__base_content_type__app_label="wagtailcore",
        workflow_state__object_id__in=[str(pk) for pk in articles.values_list("pk", flat=True)],
    ).values_list(
        "finished_by__first_name",
        "finished_by__last_name",
        "finished_by__username",
        "started_at",
        "finished_at",
    ):
        hours = (finished - started).total_seconds() / 3600
        reviews[_name(first, last, username)].append(hours)
    figures.editors = sorted(
        (
            EditorRow(
                name=name, reviews=len(hours), median_hours=round(statistics.median(hours), 1)
            )
            for name, hours in reviews.items()
        ),
        key=lambda e: e.name,
    )
    return figures


def previous_month(today: date) -> tuple[int, int]:
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
