"""Deep pages of long public lists at a cost constant in data size (issue 22).

A list (an agency's news index or one of its categories, the PPID register, the objection
register, the published questions, the regulations newest first) is named by a key such as
`news:73` or `ppid-register:2`, and for it two things are stored:

- its length (`ListCount`), so its pagination reads one row instead of counting 200,000;
- bookmarks (`ListBookmark`): about every `SPACING` entries, the position of an entry and its
  sort key. Page n starts from the last bookmark at or before its first entry —
  `WHERE key >= bookmark ORDER BY … OFFSET (start − position) LIMIT per_page` — and so reads at
  most `SPACING` + one page of index entries, however deep the page (`?halaman=500` skipped
  5,000–12,000 index entries).

A bookmark says "`position` entries of the list come strictly before this key", which stays
true when the entry it was taken from leaves the list. So the stored values are kept right by
small edits when one entry comes or goes (`added`, `removed`: the count moves by one, and so do
the positions of the bookmarks after its key, in one UPDATE; a gap grown to twice the spacing
gets a new bookmark read along the index), and by `rebuild` (one ordered read of the whole
list) when membership changes in ways too wide to follow (the news tallies rebuild on every
publish, as they recount). A list without a stored count is counted and read with a plain
offset: correct, only not bounded.

The order must end with the primary key (keys are unique) and its first field must not be
null for any entry; later fields may be null (SQLite sorts nulls as the smallest values,
PostgreSQL as the largest, and the comparisons here follow the database's rule).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F, Model, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.db.models.signals import post_delete, post_init, post_save

from lontar.core.models import ListBookmark, ListCount

SPACING = 100  # entries between bookmarks: a deep page reads at most this many more
# What rebuilds every stored list of an app (its lists.py registers it): run by the worker
# daily (a safety net: a bulk load or an `update()` sends no signal), after a data load and by
# the migration that created the tables.
REBUILDERS: dict[str, Callable[[], None]] = {}

Key = list[Any]


def _encode(value: Any) -> Any:
    """A sort value as JSON; UTC and microseconds, so ISO strings compare as the values do."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def key_of(instance: Any, order: Sequence[str]) -> Key:
    """The sort key of a model instance (field names of the order, "pk" included)."""
    return [_encode(getattr(instance, field.lstrip("-"))) for field in order]


def _nulls_largest() -> bool:
    return connection.vendor == "postgresql"


def compare(order: Sequence[str], a: Key, b: Key) -> int:
    """-1 when key `a` comes before `b` in the list, 1 after, 0 the same."""
    for field, x, y in zip(order, a, b, strict=True):
        if x == y:
            continue
        larger = (x is None) == _nulls_largest() if x is None or y is None else x > y
        return -1 if larger == field.startswith("-") else 1
    return 0


def _nullable(model: type[Model], name: str) -> bool:
    return name != "pk" and bool(getattr(model._meta.get_field(name), "null", False))


def at_or_after(model: type[Model], order: Sequence[str], key: Key) -> Q:
    """The entries at `key` or after it in the list's order (its first field as an index range
    the database can start from, the rest as a filter). Only the first value may not be null."""
    nulls_largest = _nulls_largest()
    condition = Q()
    for field, value in reversed(list(zip(order, key, strict=True))):
        name, descending = field.lstrip("-"), field.startswith("-")
        nulls_last = descending != nulls_largest  # where this direction puts the nulls
        if value is None:
            equal = Q(**{f"{name}__isnull": True})
            after = Q(pk__in=[]) if nulls_last else Q(**{f"{name}__isnull": False})
        else:
            equal = Q(**{name: value})
            after = Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
            if nulls_last and _nullable(model, name):
                after |= Q(**{f"{name}__isnull": True})
        condition = after | (equal & condition)
    lead, value = order[0].lstrip("-"), key[0]
    start = Q(**{f"{lead}__{'lte' if order[0].startswith('-') else 'gte'}": value})
    if order[0].startswith("-") != nulls_largest and _nullable(model, lead):
        start |= Q(**{f"{lead}__isnull": True})
    return start & condition


# --- Reading ---------------------------------------------------------------------------------


def stored_count(list_key: str) -> int | None:
    found = ListCount.objects.filter(list_key=list_key).values_list("entries", flat=True)
    return found.first()


def _bookmark_before(list_key: str, offset: int) -> tuple[int, Key] | None:
    found = (
        ListBookmark.objects.filter(list_key=list_key, position__lte=offset, position__gt=0)
        .order_by("-position")
        .values_list("position", "key")
        .first()
    )
    return (found[0], found[1]) if found else None


class BookmarkedPaginator(Paginator):
    """A paginator over one stored list: its count from `ListCount` (or the one given), and a
    deep page read from the bookmark before it. `object_list` must be that list in `order`;
    without a stored count it pages like Django's own (counting, plain offset)."""

    def __init__(
        self,
        object_list: QuerySet,
        per_page: int,
        *,
        list_key: str,
        order: Sequence[str],
        count: int | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.list_key, self.order = list_key, list(order)
        self.stored = count if count is not None else stored_count(list_key)
        if self.stored is not None:
            self.__dict__["count"] = self.stored  # the cached_property's slot

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        items: Any = self.object_list  # a QuerySet (the constructor's type)
        deep = self.stored and bottom >= SPACING  # page 1 to 10 read no bookmark
        mark = _bookmark_before(self.list_key, bottom) if deep else None
        if mark is not None:
            position, key = mark
            items = items.filter(at_or_after(items.model, self.order, key))
            bottom, top = bottom - position, top - position
        return self._get_page(items[bottom:top], number, self)  # type: ignore[attr-defined]


# --- Keeping them right ---------------------------------------------------------------------


def rebuild(
    list_key: str, queryset: QuerySet, order: Sequence[str], *, count: int | None = None
) -> int:
    """Count the list (unless `count` is known) and take a bookmark every SPACING entries
    (one numbered read of the list in the database); returns the count."""
    if count is None:
        count = queryset.order_by().count()
    rebuild_partitions({None: list_key}, queryset, order, counts={None: count})
    return count


def rebuild_partitions(
    list_keys: dict[Any, str],
    queryset: QuerySet,
    order: Sequence[str],
    *,
    counts: dict[Any, int],
    partition: str = "",
) -> None:
    """Rebuild several lists that are the parts of one queryset by the value of `partition`
    (`list_keys` maps each value to its list; `counts` gives each part's length) with one
    numbered read; without `partition`, `list_keys` and `counts` have the one key None."""
    names = [field.lstrip("-") for field in order]
    ordering = [
        F(n).desc() if f.startswith("-") else F(n).asc() for f, n in zip(order, names, strict=True)
    ]
    window = Window(
        RowNumber(), partition_by=[F(partition)] if partition else None, order_by=ordering
    )
    parts = [partition] if partition else []
    numbered = (
        queryset.order_by()
        .annotate(_row=window)
        .annotate(_step=F("_row") % SPACING)
        .filter(_step=1)
        .values_list("_row", *parts, *names)
    )
    marks = []
    for row in numbered:
        part, values = (row[1], row[2:]) if partition else (None, row[1:])
        if row[0] > 1 and values[0] is not None and part in list_keys:
            key = [_encode(v) for v in values]
            marks.append(ListBookmark(list_key=list_keys[part], position=row[0] - 1, key=key))
    with transaction.atomic():
        ListBookmark.objects.filter(list_key__in=list_keys.values()).delete()
        ListBookmark.objects.bulk_create(marks)
        ListCount.objects.filter(list_key__in=list_keys.values()).delete()
        ListCount.objects.bulk_create(
            [
                ListCount(list_key=key, entries=counts.get(part, 0))
                for part, key in list_keys.items()
            ]
        )


def register_rebuilder(name: str, rebuild_every: Callable[[], None]) -> None:
    REBUILDERS[name] = rebuild_every


def rebuild_all() -> None:
    for rebuild_every in REBUILDERS.values():
        rebuild_every()


def forget(list_key: str) -> None:
    """Drop what is stored for the list: it is counted and read by offset until rebuilt."""
    ListCount.objects.filter(list_key=list_key).delete()
    ListBookmark.objects.filter(list_key=list_key).delete()


def _shift(list_key: str, order: Sequence[str], key: Key, by: int) -> list[tuple[int, Key]]:
    """Move the count and the bookmarks after `key` by `by`; the bookmarks as they are now."""
    marks = list(
        ListBookmark.objects.filter(list_key=list_key)
        .order_by("position")
        .values_list("position", "key")
    )
    first_after = next((p for p, mark in marks if compare(order, mark, key) > 0), None)
    if first_after is not None:
        ListBookmark.objects.filter(list_key=list_key, position__gte=first_after).update(
            position=F("position") + by
        )
        marks = [(p + by if p >= first_after else p, mark) for p, mark in marks]
    return marks


def added(list_key: str, queryset: QuerySet, order: Sequence[str], key: Key) -> None:
    """One entry with sort key `key` joined the list (`queryset`, the list in any order)."""
    with transaction.atomic():
        if not ListCount.objects.filter(list_key=list_key).update(entries=F("entries") + 1):
            rebuild(list_key, queryset, order)  # a new list, or one never stored: read it once
            return
        marks = _shift(list_key, order, key, 1)
        count = stored_count(list_key) or 0
        # The gap the entry fell into: from the bookmark before it (or the top) to the next.
        before = [(p, mark) for p, mark in marks if compare(order, mark, key) <= 0]
        start, start_key = before[-1] if before else (0, None)
        following = [p for p, mark in marks if p > start and compare(order, mark, key) > 0]
        end = following[0] if following else count
        if end - start < 2 * SPACING:
            return
        listed = queryset.order_by(*order)
        if start_key is not None:
            listed = listed.filter(at_or_after(listed.model, order, start_key))
        names = [field.lstrip("-") for field in order]
        found = list(listed.values_list(*names)[SPACING : SPACING + 1])
        if found and found[0][0] is not None:
            ListBookmark.objects.create(
                list_key=list_key, position=start + SPACING, key=[_encode(v) for v in found[0]]
            )


def removed(list_key: str, order: Sequence[str], key: Key) -> None:
    """One entry with sort key `key` left the list."""
    with transaction.atomic():
        counted = ListCount.objects.filter(list_key=list_key, entries__gt=0)
        if counted.update(entries=F("entries") - 1):
            _shift(list_key, order, key, -1)


def follow(
    model: type[Model],
    *,
    order: Sequence[str],
    list_of: Callable[[Any], str | None],
    queryset_of: Callable[[str], QuerySet],
    fields: Sequence[str],
    every: Callable[[], Iterable[str]],
    moves: bool = False,
) -> None:
    """Keep the stored lists of `model`'s rows right as rows are created, saved and deleted.

    `list_of(row)` names the list a row is listed in (None: in none); it and the sort key read
    `fields` (attribute names). They are taken as fixed after creation unless `moves`: then
    each loaded row remembers them (when none was deferred) and a save that changed them moves
    the row; a save of a row loaded without them rebuilds the list it is in. `every()` names
    all the lists, for `rebuild_all`.
    """
    order = list(order)
    needed = set(fields) | {field.lstrip("-") for field in order} - {"pk"}

    def state(instance: Any) -> tuple[str | None, Key | None]:
        name = list_of(instance)
        return name, key_of(instance, order) if name else None

    def loaded(sender: Any, instance: Any, **kwargs: Any) -> None:
        if instance.pk is not None and not (instance.get_deferred_fields() & needed):
            instance._list_state = state(instance)

    def saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
        if raw or not (created or moves):
            return
        new = state(instance)
        old = (None, None) if created else getattr(instance, "_list_state", None)
        instance._list_state = new
        if old is None:  # loaded without the fields: where it was is unknown
            if new[0]:
                rebuild(new[0], queryset_of(new[0]), order)
            return
        if old == new:
            return
        if old[0] and old[1] is not None:
            removed(old[0], order, old[1])
        if new[0] and new[1] is not None:
            added(new[0], queryset_of(new[0]), order, new[1])

    def deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
        if instance.get_deferred_fields() & needed:
            return  # not loaded whole; reading the rest now would fail (the row is gone)
        name, key = state(instance)
        if name and key is not None:
            removed(name, order, key)

    uid = f"bookmarks-{model._meta.label_lower}"

    def rebuild_every() -> None:
        for name in every():
            rebuild(name, queryset_of(name), order)

    register_rebuilder(uid, rebuild_every)
    if moves:
        post_init.connect(loaded, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(saved, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(deleted, sender=model, dispatch_uid=uid, weak=False)


def agency_list_key(prefix: str, agency_id: int) -> str:
    """The name of one agency's stored list: "<prefix>:<agency id>"."""
    return f"{prefix}:{agency_id}"


def follow_per_agency(
    model: type[Model],
    *,
    prefix: str,
    order: Sequence[str],
    rows_of: Callable[[int], QuerySet],
    fields: Sequence[str],
    listed: Callable[[Any], bool] | None = None,
    moves: bool = False,
) -> None:
    """`follow` for the common case: one list per agency of the rows `rows_of(agency id)`,
    a row listed in its own agency's list when `listed(row)` (always, without it)."""
    from lontar.agencies.models import Agency

    def list_of(row: Any) -> str | None:
        if listed is not None and not listed(row):
            return None
        return agency_list_key(prefix, row.agency_id)

    follow(
        model,
        order=order,
        list_of=list_of,
        queryset_of=lambda key: rows_of(int(key.rsplit(":", 1)[1])),
        fields=fields,
        every=lambda: [
            agency_list_key(prefix, pk) for pk in Agency.objects.values_list("pk", flat=True)
        ],
        moves=moves,
    )
