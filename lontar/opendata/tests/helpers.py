"""Builders for catalogue records in tests."""

from __future__ import annotations

from django.core.files.base import ContentFile

from lontar.opendata.models import Dataset, Group, Resource, Variable

ASN_CSV = (
    "kabupaten,golongan,jenis_kelamin,jumlah\n"
    "Batu Karang,III,L,120\n"
    "Batu Karang,III,P,135\n"
    "Batu Karang,IV,L,40\n"
    "Sumber Air,III,L,80\n"
    "Sumber Air,IV,P,22\n"
)


def make_dataset(agency, slug: str = "pegawai-asn", **fields) -> Dataset:
    groups = fields.pop("groups", [])
    defaults = {
        "title": "Jumlah ASN menurut golongan",
        "description": "Jumlah aparatur sipil negara menurut golongan dan jenis kelamin.",
        "tags": "ASN, kepegawaian",
        "contact_name": "Bidang Data",
        "contact_email": "data@example.go.id",
    }
    dataset = Dataset.objects.create(agency=agency, slug=slug, **{**defaults, **fields})
    for name in groups:
        group, _ = Group.objects.get_or_create(name=name, defaults={"title": name.title()})
        dataset.groups.add(group)
    return dataset


def add_csv(dataset: Dataset, text: str = ASN_CSV, name: str = "ASN 2025") -> Resource:
    resource = Resource(dataset=dataset, name=name, format=Resource.Format.CSV)
    resource.file.save("asn.csv", ContentFile(text.encode()), save=False)
    resource.save()
    return resource


def add_variable(dataset: Dataset, name: str, **fields) -> Variable:
    return Variable.objects.create(dataset=dataset, name=name, **fields)
