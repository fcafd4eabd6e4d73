"""CKAN Action API (read side): the actions themselves.

Each action is `(params, ctx) -> result` and raises `ActionError` for CKAN-style errors. The
dictionaries are built in `ckan_dicts`, the search in `ckan_search`, `datastore_search` lives in
`ckan_datastore`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from django.db.models import Count

from lontar.agencies.models import Agency
from lontar.opendata import ckan_search, selectors
from lontar.opendata.ckan_datastore import datastore_search
from lontar.opendata.ckan_dicts import (
    Context,
    group_dict,
    organization_dict,
    package_dict,
    resource_dict,
)
from lontar.opendata.ckan_params import (
    MAX_OFFSET,
    ActionError,
    boolean,
    integer,
    invalid,
    not_found,
    search_error,
    string_list,
    text,
)
from lontar.opendata.ckan_records import by_id_or_name, find_dataset, find_resource, ident
from lontar.opendata.models import Group

__all__ = ["ACTIONS", "ActionError", "Context"]

FACET_FIELDS = ("tags", "groups", "organization", "res_format", "license_id")


def package_list(params: dict, ctx: Context) -> list[str]:
    """Return the names of the site's public datasets (offset, limit)."""
    names = list(ctx.datasets().order_by("slug").values_list("slug", flat=True))
    offset = integer(params, "offset", 0, MAX_OFFSET)
    limit = integer(params, "limit", len(names) or 1, MAX_OFFSET)
    return names[offset : offset + limit]


def package_show(params: dict, ctx: Context) -> dict:
    """Return the metadata of a dataset and its resources (id: UUID or name)."""
    return package_dict(find_dataset(params, ctx), ctx)


def package_search(params: dict, ctx: Context) -> dict:
    """Search datasets: q, fq (Solr subset: AND/OR/NOT, -field:, quotes, [a TO *]), sort,
    rows, start, facet.field, facet.limit, facet.mincount."""
    datasets = ctx.datasets()
    q = text(params, "q", 500)
    fq = text(params, "fq", 2000)
    try:
        if q and q != "*:*" and ckan_search.looks_fielded(q):
            datasets = ckan_search.filter_datasets(datasets, q, "text")
        elif q and q != "*:*":
            datasets = selectors.search(datasets, q=q)
        datasets = ckan_search.filter_datasets(datasets, fq, "text")
    except ckan_search.SearchError as error:
        raise search_error(str(error)) from error
    sort = text(params, "sort", 200) or ckan_search.DEFAULT_SORT
    try:
        order = ckan_search.order_by(sort)
    except ValueError as error:
        raise invalid("sort", str(error)) from error
    datasets = datasets.order_by(*order, "pk")
    rows = integer(params, "rows", 10)
    start = integer(params, "start", 0, MAX_OFFSET)
    page = list(selectors.with_relations(datasets)[start : start + rows])
    facet_fields = string_list(params.get("facet.field") or [], "facet.field")
    facets = _facets(datasets, facet_fields, params) if facet_fields else {}
    return {
        "count": datasets.count(),
        "sort": sort,
        "results": [package_dict(d, ctx) for d in page],
        "facets": facets,
        "search_facets": {
            name: {
                "title": name,
                "items": [{"name": k, "display_name": k, "count": v} for k, v in counts.items()],
            }
            for name, counts in facets.items()
        },
    }


def _facets(datasets, fields: list[str], params: dict) -> dict[str, dict[str, int]]:
    limit = params.get("facet.limit")
    limit = -1 if str(limit).strip() == "-1" else integer(params, "facet.limit", 50)
    mincount = integer(params, "facet.mincount", 1)
    counts = selectors.facets(datasets)
    counts["license_id"] = dict(
        datasets.order_by()
        .values_list("license")
        .annotate(n=Count("pk"))
        .values_list("license", "n")
    )
    result = {}
    for name in fields:
        items = sorted(counts.get(name, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        items = [(k, v) for k, v in items if v >= mincount]
        result[name] = dict(items if limit < 0 else items[:limit])
    return result


def _agencies_with_data():
    return Agency.objects.filter(datasets__isnull=False).distinct().order_by("slug")


def organization_list(params: dict, ctx: Context) -> list:
    """Return the organisations that publish datasets (all_fields for dictionaries)."""
    agencies = _agencies_with_data()
    if boolean(params, "all_fields", False):
        counts = dict(
            ctx.datasets().values_list("agency").annotate(n=Count("pk")).values_list("agency", "n")
        )
        return [organization_dict(a, counts.get(a.pk, 0)) for a in agencies]
    return [a.slug for a in agencies]


def organization_show(params: dict, ctx: Context) -> dict:
    """Return an organisation (id: UUID or name); include_datasets adds its datasets."""
    agency = Agency.objects.filter(by_id_or_name(ident(params), "slug")).first()
    if agency is None:
        raise not_found("Organisasi tidak ditemukan")
    datasets = ctx.datasets().filter(agency=agency)
    data = organization_dict(agency, datasets.count())
    if boolean(params, "include_datasets", False):
        data["packages"] = [package_dict(d, ctx) for d in selectors.with_relations(datasets)]
    return data


def group_list(params: dict, ctx: Context) -> list:
    """Return the groups (themes) of the catalogue (all_fields for dictionaries)."""
    groups = Group.objects.order_by("name")
    if boolean(params, "all_fields", False):
        visible = ctx.datasets()
        return [group_dict(g, visible.filter(groups=g).count()) for g in groups]
    return [g.name for g in groups]


def group_show(params: dict, ctx: Context) -> dict:
    """Return a group (id: UUID or name); include_datasets adds its datasets."""
    group = Group.objects.filter(by_id_or_name(ident(params), "name")).first()
    if group is None:
        raise not_found("Kelompok tidak ditemukan")
    datasets = ctx.datasets().filter(groups=group)
    data = group_dict(group, datasets.count())
    data.update({"extras": [], "groups": [], "tags": [], "users": []})
    if boolean(params, "include_datasets", False):
        data["packages"] = [package_dict(d, ctx) for d in selectors.with_relations(datasets)]
    return data


def tag_list(params: dict, ctx: Context) -> list[str]:
    """Return the tags of the public datasets (query narrows them)."""
    tags: set[str] = set()
    for raw in ctx.datasets().values_list("tags", flat=True):
        tags.update(tag.strip() for tag in raw.split(",") if tag.strip())
    query = text(params, "query", 200).lower()
    return sorted(tag for tag in tags if query in tag.lower())


def resource_show(params: dict, ctx: Context) -> dict:
    """Return a resource (id: UUID)."""
    resource = find_resource(params.get("id"), ctx)
    siblings = list(resource.dataset.resources.order_by("pk").values_list("pk", flat=True))
    return resource_dict(resource, ctx, siblings.index(resource.pk))


def status_show(params: dict, ctx: Context) -> dict:
    """Return the site's name, URL, CKAN API version and extensions."""
    return {
        "site_title": "Lontar",
        "site_description": "",
        "site_url": ctx.base_url,
        "ckan_version": "2.10.0",
        "api_version": 3,
        "locale_default": "id",
        "extensions": ["datastore", "dcat"],
    }


def help_show(params: dict, ctx: Context) -> str:
    """Return the help text of an action (name)."""
    name = text(params, "name", 100)
    if not name:
        raise invalid("name", "Missing value")
    if name not in ACTIONS:
        raise not_found(f"Action name not known: {name}")
    return inspect.getdoc(ACTIONS[name]) or ""


ACTIONS: dict[str, Callable[[dict, Context], object]] = {
    fn.__name__: fn
    for fn in (
        package_list,
        package_show,
        package_search,
        organization_list,
        organization_show,
        group_list,
        group_show,
        tag_list,
        resource_show,
        status_show,
        help_show,
        datastore_search,
    )
}
