"""The dictionaries the CKAN Action API returns, with the keys CKAN 2.10/2.11 returns them with:
UUID `id`s (names stay slugs), CKAN's timestamp format, and the package, resource, tag,
organisation and group fields harvesters and ckanapi read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.urls import reverse

from lontar.agencies.models import Agency
from lontar.opendata import selectors
from lontar.opendata.models import Dataset, Group, Resource

# The licences CKAN's default licence register knows, with its ids, titles and URLs.
LICENSES = {
    "cc-by-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        True,
    ),
    "cc-zero": ("Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero", True),
    "odc-odbl": (
        "Open Data Commons Open Database License (ODbL)",
        "http://www.opendefinition.org/licenses/odc-odbl",
        True,
    ),
    "terbatas": ("Terbatas (perjanjian berbagi pakai data)", "", False),
}
MIMETYPES = {
    "CSV": "text/csv",
    "JSON": "application/json",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TAG_NAMESPACE = uuid.UUID("6f1b2a52-6c1e-4c0e-9a53-7c0e1d2b8a11")


@dataclass
class Context:
    base_url: str
    partner_ids: set[int] = field(default_factory=set)
    refused: list[Dataset] = field(default_factory=list)

    def datasets(self) -> QuerySet[Dataset]:
        return selectors.visible_datasets(self.partner_ids)


def ckan_time(value: datetime | None) -> str | None:
    """CKAN's format: UTC without an offset, always with microseconds
    (`2024-05-01T10:11:12.123456`), which CKAN clients parse with one fixed pattern."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def tag_dict(name: str) -> dict:
    # A tag is a string on the dataset; its id is derived from the name so it never changes.
    return {
        "id": str(uuid.uuid5(TAG_NAMESPACE, name.lower())),
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def organization_dict(agency: Agency, package_count: int | None = None) -> dict:
    data = {
        "id": str(agency.uuid),
        "name": agency.slug,
        "title": agency.name,
        "display_name": agency.name,
        "description": agency.tagline,
        "type": "organization",
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
        "image_url": "",
        "image_display_url": "",
        "created": ckan_time(getattr(agency, "created_at", None)),
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def group_dict(group: Group, package_count: int | None = None) -> dict:
    data = {
        "id": str(group.uuid),
        "name": group.name,
        "title": group.title,
        "display_name": group.title,
        "description": group.description,
        "type": "group",
        "is_organization": False,
        "approval_status": "approved",
        "state": "active",
        "image_url": "",
        "image_display_url": "",
        "created": None,
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def _size(resource: Resource) -> int | None:
    if resource.generator or not resource.file:
        return None  # generated on each request: no fixed size
    try:
        return resource.file.size
    except OSError:
        return None


def resource_dict(resource: Resource, ctx: Context, position: int = 0) -> dict:
    url = ctx.base_url + reverse("opendata:download", args=[resource.pk])
    fmt = "CSV" if resource.generator else resource.format
    return {
        "id": str(resource.uuid),
        "package_id": str(resource.dataset.uuid),
        "name": resource.name,
        "description": resource.description,
        "format": fmt,
        "mimetype": MIMETYPES.get(fmt),
        "mimetype_inner": None,
        "url": url,
        "url_type": None if resource.generator else "upload",
        "size": _size(resource),
        "hash": "",
        "position": position,
        "resource_type": None,
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": True,
        "created": ckan_time(resource.created_at),
        "last_modified": ckan_time(resource.updated_at),
        "metadata_modified": ckan_time(resource.updated_at),
        "state": "active",
        "downloads": resource.download_count,
    }


def package_dict(dataset: Dataset, ctx: Context) -> dict:
    title, license_url, is_open = LICENSES.get(dataset.license, (dataset.license, "", False))
    resources = list(dataset.resources.all())
    tags = dataset.tag_list
    return {
        "id": str(dataset.uuid),
        "name": dataset.slug,
        "title": dataset.title,
        "notes": dataset.description,
        "type": "dataset",
        "state": "active",
        "private": not dataset.is_public,
        "license_id": dataset.license,
        "license_title": title,
        "license_url": license_url,
        "isopen": is_open,
        "version": None,
        "maintainer": dataset.contact_name,
        "maintainer_email": dataset.contact_email,
        "author": dataset.unit.name if dataset.unit_id else dataset.agency.name,
        "author_email": None,
        "creator_user_id": None,
        "metadata_created": ckan_time(dataset.created_at),
        "metadata_modified": ckan_time(dataset.updated_at),
        "url": ctx.base_url + reverse("opendata:detail", args=[dataset.slug]),
        "organization": organization_dict(dataset.agency),
        "owner_org": str(dataset.agency.uuid),
        "tags": [tag_dict(tag) for tag in tags],
        "groups": [
            {k: v for k, v in group_dict(g).items() if k in GROUP_IN_PACKAGE}
            for g in dataset.groups.all()
        ],
        "resources": [resource_dict(r, ctx, i) for i, r in enumerate(resources)],
        "num_resources": len(resources),
        "num_tags": len(tags),
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "extras": [
            {"key": "frequency", "value": dataset.frequency},
            {"key": "temporal_start", "value": _date(dataset.period_start)},
            {"key": "temporal_end", "value": _date(dataset.period_end)},
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


# The group keys CKAN puts inside a package (the full dict comes from group_show).
GROUP_IN_PACKAGE = ("id", "name", "title", "display_name", "description", "image_display_url")


def _date(value) -> str:
    return value.isoformat() if value else ""
