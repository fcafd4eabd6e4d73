"""Public datasets as a source of the site search (/cari/)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.search.registry import SearchSource, register_searchable


def _datasets_of(agency):
    from lontar.opendata.models import Dataset

    if agency is None:
        return Dataset.objects.none()
    return Dataset.objects.filter(agency=agency, visibility=Dataset.Visibility.PUBLIC)


def _datasets_of_agencies(agencies):
    from lontar.opendata.models import Dataset

    return Dataset.objects.filter(agency__in=agencies, visibility=Dataset.Visibility.PUBLIC)


def register() -> None:
    from lontar.opendata.models import Dataset

    register_searchable(
        SearchSource(
            key="data",
            label=_("Data"),
            model=Dataset,
            queryset_for_agency=_datasets_of,
            date_of=lambda dataset: dataset.updated_at.date(),
            url_of=lambda dataset, request: reverse("opendata:detail", args=[dataset.slug]),
            text_of=lambda dataset: dataset.description,
            date_field="updated_at",
            queryset_for_agencies=_datasets_of_agencies,
        )
    )
