"""Finding the record a CKAN action names: by UUID `id` or by `name`, refused when private."""

from __future__ import annotations

import uuid

from django.db.models import Q

from lontar.opendata import selectors
from lontar.opendata.ckan_dicts import Context
from lontar.opendata.ckan_params import ActionError, invalid, not_found, text
from lontar.opendata.models import Dataset, Resource


def by_id_or_name(value: str, name_field: str) -> Q:
    """CKAN looks records up by `id` or by `name` with the same parameter."""
    try:
        return Q(uuid=uuid.UUID(value))
    except ValueError:
        return Q(**{name_field: value})


def ident(params: dict) -> str:
    value = text(params, "id" if params.get("id") else "name", 200)
    if not value:
        raise invalid("id", "Missing value")
    return value


def find_dataset(params: dict, ctx: Context) -> Dataset:
    key = ident(params)
    found = Dataset.objects.filter(by_id_or_name(key, "slug"))
    dataset = selectors.with_relations(found).first()
    if dataset is None:
        raise not_found("Dataset tidak ditemukan")
    return allowed(dataset, ctx)


def allowed(dataset: Dataset, ctx: Context) -> Dataset:
    if not dataset.is_public and dataset.pk not in ctx.partner_ids:
        ctx.refused.append(dataset)
        raise ActionError("Authorization Error", "Akses ke dataset ini tidak diizinkan", 403)
    return dataset


def find_resource(resource_id: object, ctx: Context) -> Resource:
    """A resource by its UUID (or, for links made before UUIDs, its number)."""
    key = str(resource_id or "").strip()
    if not key:
        raise invalid("id", "Missing value")
    resources = Resource.objects.select_related("dataset__agency")
    try:
        resource = resources.filter(uuid=uuid.UUID(key)).first()
    except ValueError:
        resource = (
            resources.filter(pk=int(key)).first() if key.isdigit() and len(key) <= 18 else None
        )
    if resource is None:
        raise not_found("Sumber data tidak ditemukan")
    allowed(resource.dataset, ctx)
    return resource
