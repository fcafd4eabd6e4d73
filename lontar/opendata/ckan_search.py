"""package_search over the catalogue: a Solr `fq`/`q` tree (see `solr`) becomes a Django `Q` on
the fields CKAN indexes, plus CKAN's sort keys and facet counts."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from lontar.opendata import solr
from lontar.opendata.models import Dataset


class SearchError(ValueError):
    """Answered as CKAN's 409 Search Query Error."""


def _text_q(*lookups: str) -> Callable[[str, bool], Q]:
    """A tokenised text field: a word or a quoted phrase anywhere in it."""

    def build(value: str, phrase: bool) -> Q:
        words = [value] if phrase else value.split()
        result = Q()
        for word in words:
            clause = Q()
            for lookup in lookups:
                clause |= Q(**{f"{lookup}__icontains": word.strip("*")})
            result &= clause
        return result

    return build


def _exact(lookup: str) -> Callable[[str, bool], Q]:
    def build(value: str, phrase: bool) -> Q:
        if value.endswith("*") and not phrase:
            return Q(**{f"{lookup}__istartswith": value.rstrip("*")})
        return Q(**{lookup: value})

    return build


def _tag(value: str, phrase: bool) -> Q:
    return Q(tags__iregex=rf"(^|,)\s*{re.escape(value)}\s*(,|$)")


def _uuid(lookup: str, fallback: str | None = None) -> Callable[[str, bool], Q]:
    """An id field: a UUID, or (for owner_org) the organisation's name as older clients send."""

    def build(value: str, phrase: bool) -> Q:
        try:
            return Q(**{lookup: uuid.UUID(value)})
        except ValueError:
            return Q(**{fallback: value}) if fallback else Q(pk__in=[])

    return build


def _constant(matching: set[str]) -> Callable[[str, bool], Q]:
    def build(value: str, phrase: bool) -> Q:
        return Q() if value.lower() in matching else Q(pk__in=[])

    return build


def _private(value: str, phrase: bool) -> Q:
    public = Q(visibility=Dataset.Visibility.PUBLIC)
    return ~public if value.lower() == "true" else public


def _capacity(value: str, phrase: bool) -> Q:
    return _private("false" if value == "public" else "true", phrase)


TERMS: dict[str, Callable[[str, bool], Q]] = {
    "id": _uuid("uuid"),
    "name": _exact("slug"),
    "title": _text_q("title"),
    "title_string": _exact("title"),
    "notes": _text_q("description"),
    "text": _text_q("title", "description", "tags", "slug"),
    "tags": _tag,
    "groups": _exact("groups__name"),
    "organization": _exact("agency__slug"),
    "owner_org": _uuid("agency__uuid", "agency__slug"),
    "res_format": lambda value, phrase: Q(resources__format__iexact=value),
    "res_name": _text_q("resources__name"),
    "res_description": _text_q("resources__description"),
    "license_id": _exact("license"),
    "maintainer": _text_q("contact_name"),
    "author": _text_q("agency__name", "unit__name"),
    "state": _constant({"active"}),
    "type": _constant({"dataset"}),
    "dataset_type": _constant({"dataset"}),
    "private": _private,
    "capacity": _capacity,
}
# Range-searchable fields and the column (and kind of value) behind them.
RANGES = {
    "metadata_modified": ("updated_at", "date"),
    "metadata_created": ("created_at", "date"),
    "name": ("slug", "text"),
    "title_string": ("title", "text"),
}
FIELDS = sorted(set(TERMS) | set(RANGES))


def to_q(node: solr.Node) -> Q:
    if isinstance(node, solr.MatchAll):
        return Q()
    if isinstance(node, solr.Not):
        return ~to_q(node.node)
    if isinstance(node, solr.And):
        result = Q()
        for child in node.nodes:
            result &= to_q(child)
        return result
    if isinstance(node, solr.Or):
        result = Q(pk__in=[])
        for child in node.nodes:
            result |= to_q(child)
        return result
    if isinstance(node, solr.Range):
        return _range_q(node)
    if node.field in RANGES and node.field not in TERMS:
        # metadata_modified:2024-01-01T00:00:00Z is an exact instant
        return _range_q(solr.Range(node.field, node.value, node.value))
    if node.value == "*" and not node.phrase:
        return Q()  # field:* — every dataset has each of these fields
    return TERMS[node.field](node.value, node.phrase)


def _range_q(node: solr.Range) -> Q:
    if node.field not in RANGES:
        raise SearchError(f"Rentang tidak didukung untuk kolom {node.field}")
    column, kind = RANGES[node.field]
    result = Q()
    for bound, inclusive, lower in (
        (node.low, node.include_low, True),
        (node.high, node.include_high, False),
    ):
        if bound == "*":
            continue
        value: object = parse_solr_date(bound) if kind == "date" else bound
        op = ("gte" if inclusive else "gt") if lower else ("lte" if inclusive else "lt")
        result &= Q(**{f"{column}__{op}": value})
    return result


DATE_MATH = re.compile(r"^NOW(?:-(\d{1,5})(DAY|DAYS|HOUR|HOURS|MINUTE|MINUTES))?(?:/DAY)?$")


def parse_solr_date(text: str) -> datetime:
    """Solr's date forms: ISO 8601 in UTC (`…Z`, any fraction) and `NOW[-nDAYS]`."""
    match = DATE_MATH.match(text)
    if match:
        now = timezone.now()
        if match.group(1):
            unit = match.group(2).rstrip("S").lower() + "s"
            now -= timedelta(**{unit: int(match.group(1))})
        return now
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise SearchError(f"Tanggal tidak dikenali: {text}") from error
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def filter_datasets(datasets: QuerySet[Dataset], text: str, default_field: str) -> QuerySet:
    """`datasets` narrowed by a Solr query string (an empty one keeps all)."""
    try:
        tree = solr.parse(text, default_field)
    except solr.QuerySyntaxError as error:
        raise SearchError(f"Kueri tidak dapat dibaca: {error}") from error
    unknown = solr.fields_of(tree) - set(FIELDS)
    if unknown:
        raise SearchError(f"Kolom tidak didukung: {', '.join(sorted(unknown))}")
    condition = to_q(tree)
    if not condition:
        return datasets
    # A subquery keeps negations over groups/resources exact and the rows distinct.
    return datasets.filter(pk__in=Dataset.objects.filter(condition).values("pk"))


def looks_fielded(q: str) -> bool:
    """CKAN hands a `q` with `field:` clauses to Solr's standard parser, plain words to dismax."""
    return bool(re.search(r"(^|[\s(+\-])[A-Za-z_*][\w.]*:", q))


SORTS = {
    "id": "uuid",
    "name": "slug",
    "title": "title",
    "title_string": "title",
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
}
DEFAULT_SORT = "score desc, metadata_modified desc"


def order_by(sort: str) -> list[str]:
    """Django ordering for a CKAN sort string; `score` (relevance) has no column here and is
    skipped, so the next key decides, as it does in CKAN when every score ties."""
    order: list[str] = []
    for part in sort.split(","):
        words = part.split()
        if not words:
            continue
        name = words[0]
        direction = words[1].lower() if len(words) > 1 else "asc"
        if len(words) > 2 or direction not in ("asc", "desc"):
            raise ValueError(f"arah urutan tidak dikenal: {part.strip()}")
        if name == "score":
            continue
        if name not in SORTS:
            raise ValueError(f"tidak didukung: {name}")
        order.append(("-" if direction == "desc" else "") + SORTS[name])
    return order
