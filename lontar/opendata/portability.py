"""The agency's public datasets out and back in (`core/portability.py`): metadata, groups,
variables and resources with their uploaded files (live tables keep their generator)."""

from __future__ import annotations

from django.db import transaction

from lontar.core.portability import (
    Bundle,
    Portable,
    plain_fields,
    register_portable,
    set_plain_fields,
)
from lontar.opendata.models import Dataset, Group, Resource, Variable
from lontar.opendata.selectors import visible_datasets

KEY = "datasets"
DATASET_SKIP = frozenset({"slug"})


def export(agency, bundle: Bundle) -> int:
    datasets = visible_datasets().filter(agency=agency)
    rows = []
    for dataset in datasets.prefetch_related("groups", "variables", "resources").order_by("pk"):
        row = {"id": dataset.pk, "slug": dataset.slug, **plain_fields(dataset, DATASET_SKIP)}
        row["unit"] = dataset.unit.slug if dataset.unit_id else None
        row["groups"] = [{"name": g.name, "title": g.title} for g in dataset.groups.all()]
        row["variables"] = [plain_fields(v) for v in dataset.variables.all()]
        row["resources"] = [
            {
                **plain_fields(r),
                "original_filename": r.original_filename,
                "file": bundle.put_file(KEY, r.pk, r.file),
            }
            for r in dataset.resources.all()
        ]
        rows.append(row)
    return bundle.write(KEY, rows)


def _dataset_for(agency, row: dict, bundle: Bundle) -> Dataset:
    slug = row["slug"]
    existing = Dataset.objects.filter(slug=slug).first()
    if existing is not None and existing.agency_id == agency.pk:
        return existing
    if existing is not None:  # slugs are unique across the installation
        slug = f"{slug[:100]}-{agency.slug}"[:120]
        bundle.problem(f"dataset {row['slug']}: slug sudah dipakai instansi lain; memakai {slug}")
        mine = Dataset.objects.filter(slug=slug, agency=agency).first()
        if mine is not None:
            return mine
    return Dataset(agency=agency, slug=slug)


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    rows = bundle.read(KEY)
    for row in rows:
        dataset = _dataset_for(agency, row, bundle)
        set_plain_fields(dataset, row, DATASET_SKIP)
        dataset.unit = agency.units.filter(slug=row.get("unit") or "").first()
        dataset.save()
        dataset.groups.set(
            [
                Group.objects.get_or_create(name=g["name"], defaults={"title": g["title"]})[0]
                for g in row.get("groups") or []
            ]
        )
        dataset.variables.all().delete()
        for number, values in enumerate(row.get("variables") or []):
            variable = Variable(dataset=dataset, sort_order=number)
            set_plain_fields(variable, values)
            variable.save()
        known = {r.name: r for r in dataset.resources.all()}
        for values in row.get("resources") or []:
            resource = known.get(values.get("name")) or Resource(dataset=dataset)
            set_plain_fields(resource, values)
            content = bundle.file(values.get("file"))
            if content is not None and not resource.file:
                resource.file.save(content.name, content, save=False)
            resource.original_filename = values.get("original_filename") or ""
            resource.save()
        bundle.map("dataset", row["id"], dataset.pk)
    return len(rows)


register_portable(Portable(KEY, "Dataset", 40, export, load))
