"""CKAN Action API (read side): the dictionaries CKAN returns and the actions themselves.

Each action is `(params, ctx) -> result` and raises `ActionError` for CKAN-style errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse

from lontar.agencies.models import Agency
from lontar.core.params import InvalidParameter, clean_text, parse_int
from lontar.opendata import selectors, tabular
from lontar.opendata.models import Dataset, Group, Resource

MAX_ROWS = 1000
MAX_OFFSET = 10**9
MAX_PK = 2**63 - 1


class ActionError(Exception):
    def __init__(self, kind: str, message: str, status: int) -> None:
        super().__init__(message)
        self.kind, self.message, self.status = kind, message, status


def not_found(message: str = "Not found") -> ActionError:
    return ActionError("Not Found Error", message, 404)


def invalid(message: str) -> ActionError:
    return ActionError("Validation Error", message, 409)


@dataclass
class Context:
    base_url: str
    partner_ids: set[int] = field(default_factory=set)
    refused: list[Dataset] = field(default_factory=list)

    def datasets(self) -> QuerySet[Dataset]:
        return selectors.visible_datasets(self.partner_ids)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def organization_dict(agency: Agency, package_count: int | None = None) -> dict:
    data = {
        "id": agency.slug,
        "name": agency.slug,
        "title": agency.name,
        "display_name": agency.name,
        "description": agency.tagline,
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "image_url": "",
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def resource_dict(resource: Resource, ctx: Context) -> dict:
    url = ctx.base_url + reverse("opendata:download", args=[resource.pk])
    return {
        "id": str(resource.pk),
        "package_id": resource.dataset.slug,
        "name": resource.name,
        "description": resource.description,
        "format": resource.format if not resource.generator else "CSV",
        "url": url,
        "datastore_active": True,
        "created": _iso(resource.created_at),
        "last_modified": _iso(resource.updated_at),
        "state": "active",
        "downloads": resource.download_count,
    }


def package_dict(dataset: Dataset, ctx: Context) -> dict:
    return {
        "id": dataset.slug,
        "name": dataset.slug,
        "title": dataset.title,
        "notes": dataset.description,
        "type": "dataset",
        "state": "active",
        "private": not dataset.is_public,
        "license_id": dataset.license,
        "license_title": dataset.get_license_display(),
        "maintainer": dataset.contact_name,
        "maintainer_email": dataset.contact_email,
        "author": dataset.unit.name if dataset.unit_id else dataset.agency.name,
        "metadata_created": _iso(dataset.created_at),
        "metadata_modified": _iso(dataset.updated_at),
        "url": ctx.base_url + reverse("opendata:detail", args=[dataset.slug]),
        "organization": organization_dict(dataset.agency),
        "owner_org": dataset.agency.slug,
        "tags": [{"name": tag, "display_name": tag} for tag in dataset.tag_list],
        "groups": [
            {"name": g.name, "title": g.title, "display_name": g.title}
            for g in dataset.groups.all()
        ],
        "resources": [resource_dict(r, ctx) for r in dataset.resources.all()],
        "num_resources": len(dataset.resources.all()),
        "num_tags": len(dataset.tag_list),
        "extras": [
            {"key": "frequency", "value": dataset.frequency},
            {"key": "temporal_start", "value": _iso(dataset.period_start) or ""},
            {"key": "temporal_end", "value": _iso(dataset.period_end) or ""},
            {"key": "region_codes", "value": ",".join(dataset.region_code_list)},
        ],
        "variables": [
            {
                "name": v.name,
                "definition": v.definition,
                "unit": v.unit_of_measure,
                "type": v.data_type,
            }
            for v in dataset.variables.all()
        ],
    }


def _int(params: dict, name: str, default: int, maximum: int = MAX_ROWS) -> int:
    """A non-negative integer; above `maximum` it is capped, as CKAN caps `rows`.

    JSON bodies may carry numbers that are not integers (1e999 is infinity, 2.5, true), and
    strings may carry more digits than a 64-bit column holds: all of them are refused.
    """
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise invalid(f"{name}: bukan bilangan bulat")
    try:
        number = parse_int(str(value), name, minimum=0, maximum=MAX_PK)
    except InvalidParameter as error:
        raise invalid(f"{name}: harus bilangan bulat 0 atau lebih, paling banyak 18 angka") from (
            error
        )
    return min(number if number is not None else default, maximum)


def _text(params: dict, name: str, max_length: int = 500) -> str:
    """A text parameter (numbers are accepted as their text); NULs and control bytes refused."""
    value = params.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise invalid(f"{name}: harus berupa teks")
    try:
        return clean_text(str(value), name, max_length=max_length)
    except InvalidParameter as error:
        raise invalid(f"{name}: berisi karakter yang tidak diizinkan") from error


def _string_list(value: object, name: str) -> list[str]:
    """A JSON list of strings, given as a list or as its JSON text."""
    value = _json_param(value, name)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid(f"{name}: harus berupa daftar teks")
    return value


def _dataset(params: dict, ctx: Context) -> Dataset:
    ident = _text(params, "id" if params.get("id") else "name", 200)
    if not ident:
        raise invalid("id: wajib diisi")
    dataset = selectors.with_relations(Dataset.objects.filter(slug=ident)).first()
    if dataset is None:
        raise not_found("Dataset tidak ditemukan")
    if not dataset.is_public and dataset.pk not in ctx.partner_ids:
        ctx.refused.append(dataset)
        raise ActionError("Authorization Error", "Akses ke dataset ini tidak diizinkan", 403)
    return dataset


def _resource(resource_id: object, ctx: Context) -> Resource:
    try:
        pk = parse_int(str(resource_id), "id", minimum=1, maximum=MAX_PK)
    except InvalidParameter as error:
        raise not_found("Sumber data tidak ditemukan") from error
    if pk is None:
        raise invalid("id: wajib diisi")
    resource = Resource.objects.select_related("dataset__agency").filter(pk=pk).first()
    if resource is None:
        raise not_found("Sumber data tidak ditemukan")
    _dataset({"id": resource.dataset.slug}, ctx)
    return resource


def package_list(params: dict, ctx: Context) -> list[str]:
    names = list(ctx.datasets().order_by("slug").values_list("slug", flat=True))
    offset = _int(params, "offset", 0, MAX_OFFSET)
    limit = _int(params, "limit", len(names) or 1, MAX_OFFSET)
    return names[offset : offset + limit]


def package_show(params: dict, ctx: Context) -> dict:
    return package_dict(_dataset(params, ctx), ctx)


def _parse_fq(fq: str) -> dict[str, list[str]]:
    """Supports `field:value` terms (values optionally quoted) joined by spaces or AND."""
    result: dict[str, list[str]] = {}
    for term in fq.replace(" AND ", " ").split():
        name, sep, value = term.partition(":")
        if not sep:
            raise ActionError("Search Query Error", f"fq tidak dikenali: {term}", 409)
        result.setdefault(name.strip("+"), []).append(value.strip('"'))
    return result


SORTS = {
    "title_string": "title",
    "name": "slug",
    "metadata_modified": "updated_at",
    "metadata_created": "created_at",
}


def package_search(params: dict, ctx: Context) -> dict:
    fq = _parse_fq(_text(params, "fq"))
    unknown = set(fq) - {"tags", "groups", "organization", "res_format", "owner_org"}
    if unknown:
        raise ActionError("Search Query Error", f"fq tidak didukung: {sorted(unknown)}", 409)
    datasets = selectors.search(
        ctx.datasets(),
        q="" if params.get("q") in (None, "*:*") else _text(params, "q", 200),
        tags=fq.get("tags"),
        groups=fq.get("groups"),
        organizations=fq.get("organization", []) + fq.get("owner_org", []) or None,
        formats=fq.get("res_format"),
    )
    order = []
    sort = _text(params, "sort", 200) or "title_string asc"
    for part in sort.split(","):
        name, _, direction = part.strip().partition(" ")
        if name == "score":
            continue
        if name not in SORTS:
            raise invalid(f"sort: tidak didukung: {name}")
        order.append(("-" if direction.strip() == "desc" else "") + SORTS[name])
    datasets = datasets.order_by(*(order or ["title"]), "pk")
    rows = _int(params, "rows", 10)
    start = _int(params, "start", 0, MAX_OFFSET)
    page = list(selectors.with_relations(datasets)[start : start + rows])
    facet_fields = _string_list(params.get("facet.field") or [], "facet.field")
    counts = selectors.facets(datasets) if facet_fields else {}
    return {
        "count": datasets.count(),
        "sort": sort,
        "results": [package_dict(d, ctx) for d in page],
        "facets": {name: counts.get(name, {}) for name in facet_fields},
        "search_facets": {
            name: {
                "title": name,
                "items": [
                    {"name": k, "display_name": k, "count": v}
                    for k, v in counts.get(name, {}).items()
                ],
            }
            for name in facet_fields
        },
    }


def organization_list(params: dict, ctx: Context) -> list:
    agencies = Agency.objects.filter(datasets__isnull=False).distinct().order_by("slug")
    if params.get("all_fields") in (True, "true", "True"):
        return [organization_dict(a) for a in agencies]
    return [a.slug for a in agencies]


def organization_show(params: dict, ctx: Context) -> dict:
    agency = Agency.objects.filter(slug=_text(params, "id", 200)).first()
    if agency is None:
        raise not_found("Organisasi tidak ditemukan")
    datasets = ctx.datasets().filter(agency=agency)
    data = organization_dict(agency, datasets.count())
    if params.get("include_datasets") in (True, "true", "True"):
        data["packages"] = [package_dict(d, ctx) for d in selectors.with_relations(datasets)]
    return data


def group_list(params: dict, ctx: Context) -> list:
    groups = Group.objects.order_by("name")
    if params.get("all_fields") in (True, "true", "True"):
        return [{"name": g.name, "title": g.title, "description": g.description} for g in groups]
    return [g.name for g in groups]


def tag_list(params: dict, ctx: Context) -> list[str]:
    tags: set[str] = set()
    for raw in ctx.datasets().values_list("tags", flat=True):
        tags.update(tag.strip() for tag in raw.split(",") if tag.strip())
    query = _text(params, "query", 200).lower()
    return sorted(tag for tag in tags if query in tag.lower())


def resource_show(params: dict, ctx: Context) -> dict:
    return resource_dict(_resource(params.get("id"), ctx), ctx)


def status_show(params: dict, ctx: Context) -> dict:
    return {
        "site_title": "Lontar",
        "site_url": ctx.base_url,
        "ckan_version": "2.10.0",
        "api_version": 3,
        "extensions": ["datastore", "dcat"],
    }


def _json_param(value: object, name: str) -> object:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError) as error:
            raise invalid(f"{name}: bukan JSON yang sah") from error
    return value


def datastore_search(params: dict, ctx: Context) -> dict:
    resource = _resource(params.get("resource_id") or params.get("id"), ctx)
    table = selectors.table_of(resource)
    filters = _json_param(params.get("filters") or {}, "filters")
    if not isinstance(filters, dict):
        raise invalid("filters: harus berupa objek")
    fields = params.get("fields") or None
    if isinstance(fields, str):
        fields = [f.strip() for f in _text(params, "fields", 2000).split(",") if f.strip()]
    elif fields is not None:
        fields = _string_list(fields, "fields")
    limit = _int(params, "limit", 100, 32000)
    offset = _int(params, "offset", 0, MAX_OFFSET)
    try:
        columns, rows, total = tabular.query(
            table,
            filters=filters,
            q=_text(params, "q", 200),
            fields=fields,
            sort=_text(params, "sort", 200),
            limit=limit,
            offset=offset,
        )
    except tabular.QueryError as error:
        raise invalid(str(error)) from error
    types = table.types
    return {
        "resource_id": str(resource.pk),
        "fields": [{"id": name, "type": types.get(name, "text")} for name in columns],
        "records": [{k: tabular.jsonable(v) for k, v in row.items()} for row in rows],
        "total": total,
        "limit": limit,
        "offset": offset,
        "_links": {"start": "", "next": ""},
    }


ACTIONS: dict[str, Callable[[dict, Context], object]] = {
    fn.__name__: fn
    for fn in (
        package_list,
        package_show,
        package_search,
        organization_list,
        organization_show,
        group_list,
        tag_list,
        resource_show,
        status_show,
        datastore_search,
    )
}
