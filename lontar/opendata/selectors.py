"""Reads of the catalogue: which datasets a visitor (or a partner key) may see, and tables."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from lontar.agencies.admin_scoping import scope_queryset
from lontar.opendata import states, tabular
from lontar.opendata.models import Dataset, PartnerAgreement, Resource

PREVIEW_ROWS = 20


def visible_datasets(partner_dataset_ids: set[int] | None = None) -> QuerySet[Dataset]:
    """Public datasets, plus the shared ones a partner key's agreement covers."""
    condition = Q(visibility=Dataset.Visibility.PUBLIC)
    if partner_dataset_ids:
        condition |= Q(pk__in=partner_dataset_ids)
    return Dataset.objects.filter(condition)


def with_relations(datasets: QuerySet[Dataset]) -> QuerySet[Dataset]:
    return datasets.select_related("agency", "unit").prefetch_related(
        "groups", "variables", Prefetch("resources", queryset=Resource.objects.order_by("pk"))
    )


def for_list(datasets: QuerySet[Dataset]) -> QuerySet[Dataset]:
    """What a row of the public list shows: agency, unit and the resources' formats (no groups
    or variables, which only the dataset's own page and the APIs show)."""
    formats = Resource.objects.only("dataset_id", "format", "generator").order_by("pk")
    return datasets.select_related("agency", "unit").prefetch_related(
        Prefetch("resources", queryset=formats)
    )


def search(
    datasets: QuerySet[Dataset],
    *,
    q: str = "",
    tags: list[str] | None = None,
    groups: list[str] | None = None,
    organizations: list[str] | None = None,
    formats: list[str] | None = None,
    unit: str = "",
) -> QuerySet[Dataset]:
    if q:
        for word in q.split():
            datasets = datasets.filter(
                Q(title__icontains=word) | Q(description__icontains=word) | Q(tags__icontains=word)
            )
    for tag in tags or []:
        datasets = datasets.filter(tags__iregex=rf"(^|,)\s*{_escape(tag)}\s*(,|$)")
    for group in groups or []:
        datasets = datasets.filter(groups__name=group)
    if organizations:
        datasets = datasets.filter(agency__slug__in=organizations)
    for fmt in formats or []:
        datasets = datasets.filter(resources__format__iexact=fmt)
    if unit:
        datasets = datasets.filter(unit__slug=unit)
    # Only a group or a format joins rows that can repeat a dataset; DISTINCT over every column
    # otherwise kept the list's order off its index (issue 22).
    return datasets.distinct() if groups or formats else datasets


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def facets(datasets: QuerySet[Dataset]) -> dict[str, dict[str, int]]:
    """Counts per tag, group, organization and format over the given datasets (in Python)."""
    result: dict[str, dict[str, int]] = {
        "tags": {},
        "groups": {},
        "organization": {},
        "res_format": {},
    }
    for dataset in with_relations(datasets):
        for tag in dataset.tag_list:
            result["tags"][tag] = result["tags"].get(tag, 0) + 1
        for group in dataset.groups.all():
            result["groups"][group.name] = result["groups"].get(group.name, 0) + 1
        org = dataset.agency.slug
        result["organization"][org] = result["organization"].get(org, 0) + 1
        for fmt in {resource.format for resource in dataset.resources.all()}:
            result["res_format"][fmt] = result["res_format"].get(fmt, 0) + 1
    return result


def table_of(resource: Resource) -> tabular.Table:
    """The parsed rows of a resource: generated live, or parsed from its file."""
    if resource.generator:
        from lontar.opendata.generators import GENERATORS

        source = GENERATORS.get(resource.generator)
        if source is None:
            return tabular.Table(columns=[])
        columns, records = source.generate(resource.dataset.agency)
        return tabular.from_records(list(columns), records)
    if not resource.file:
        return tabular.Table(columns=[])
    with resource.file.open("rb") as handle:
        data = handle.read()
    try:
        return tabular.parse(data, resource.format)
    except Exception:  # a broken upload shows "no preview" instead of an error page
        return tabular.Table(columns=[])


def latest_uploaded_resource(agency, *, tag: str) -> Resource | None:
    return (
        Resource.objects.filter(dataset__agency=agency, generator="")
        .exclude(file="")
        .filter(dataset__tags__iregex=rf"(^|,)\s*{_escape(tag)}\s*(,|$)")
        .select_related("dataset__agency")
        .order_by("-updated_at", "-pk")
        .first()
    )


def get_agreement_for_staff(user, pk: int) -> PartnerAgreement:
    """An agreement for the admin: 403 without the permission, 404 when it does not exist or
    belongs to an agency the user does not manage (never confirmed to exist)."""
    if not user.has_perm(states.KEY_PERMISSION):
        raise PermissionDenied
    visible = scope_queryset(PartnerAgreement.objects.all(), user, "agency")
    return get_object_or_404(visible.select_related("agency"), pk=pk)
