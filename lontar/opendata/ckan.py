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
from lontar.opendata import selectors, tabular
from lontar.opendata.models import Dataset, Group, Resource

MAX_ROWS = 1000


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
    try:
        value = int(params.get(name, default))
    except (TypeError, ValueError) as error:
        raise invalid(f"{name}: bukan bilangan bulat") from error
    if value < 0:
        raise invalid(f"{name}: harus >= 0")
    return min(value, maximum)


def _dataset(params: dict, ctx: Context) -> Dataset:
    ident = str(params.get("id") or params.get("name") or "")
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
        pk = int(str(resource_id))
    except ValueError as error:
        raise not_found("Sumber data tidak ditemukan") from error
    resource = Resource.objects.select_related("dataset__agency").filter(pk=pk).first()
    if resource is None:
        raise not_found("Sumber data tidak ditemukan")
    _dataset({"id": resource.dataset.slug}, ctx)
    return resource


def package_list(params: dict, ctx: Context) -> list[str]:
    names = list(ctx.datasets().order_by("slug").values_list("slug", flat=True))
    offset = _int(params, "offset", 0, 10**9)
    limit = _int(params, "limit", len(names) or 1, 10**9)
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
    fq = _parse_fq(str(params.get("fq") or ""))
    unknown = set(fq) - {"tags", "groups", "organization", "res_format", "owner_org"}
    if unknown:
        raise ActionError("Search Query Error", f"fq tidak didukung: {sorted(unknown)}", 409)
    datasets = selectors.search(
        ctx.datasets(),
        q="" if params.get("q") in (None, "*:*") else str(params.get("q")),
        tags=fq.get("tags"),
        groups=fq.get("groups"),
        organizations=fq.get("organization", []) + fq.get("owner_org", []) or None,
        formats=fq.get("res_format"),
    )
    order = []
    for part in str(params.get("sort") or "title_string asc").split(","):
        name, _, direction = part.strip().partition(" ")
        if name == "score":
            continue
        if name not in SORTS:
            raise invalid(f"sort: tidak didukung: {name}")
        order.append(("-" if direction.strip() == "desc" else "") + SORTS[name])
    datasets = datasets.order_by(*(order or ["title"]), "pk")
    rows = _int(params, "rows", 10)
    start = _int(params, "start", 0, 10**9)
    page = list(selectors.with_relations(datasets)[start : start + rows])
    facet_fields = params.get("facet.field") or []
    if isinstance(facet_fields, str):
        facet_fields = json.loads(facet_fields)
    counts = selectors.facets(datasets) if facet_fields else {}
    return {
        "count": datasets.count(),
        "sort": params.get("sort") or "title_string asc",
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
    agency = Agency.objects.filter(slug=str(params.get("id") or "")).first()
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
    query = str(params.get("query") or "").lower()
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
        except ValueError as error:
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
        fields = [f.strip() for f in fields.split(",") if f.strip()]
    try:
        columns, rows, total = tabular.query(
            table,
            filters=filters,
            q=str(params.get("q") or ""),
            fields=fields,
            sort=str(params.get("sort") or ""),
            limit=_int(params, "limit", 100, 32000),
            offset=_int(params, "offset", 0, 10**9),
        )
    except tabular.QueryError as error:
        raise invalid(str(error)) from error
    types = table.types
    return {
        "resource_id": str(resource.pk),
        "fields": [{"id": name, "type": types.get(name, "text")} for name in columns],
        "records": [{k: tabular.jsonable(v) for k, v in row.items()} for row in rows],
        "total": total,
        "limit": _int(params, "limit", 100, 32000),
        "offset": _int(params, "offset", 0, 10**9),
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
