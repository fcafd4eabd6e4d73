"""Public pages of the catalogue: search, a dataset, downloads, and the DCAT catalogue."""

from __future__ import annotations

import math

from django.core.paginator import Paginator
from django.db.models import F, Max, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_for_request
from lontar.core.params import clean_text, parse_page
from lontar.core.public_urls import base_url_for_request
from lontar.opendata import dcat, downloads, partners, schema_org, selectors
from lontar.opendata.models import Dataset, Group, Resource

PAGE_SIZE = 20
CATALOG_PAGE_SIZE = 10  # datasets per page of the DCAT catalogue (Hydra paging)
MAX_PK = 2**63 - 1


@require_GET
def dataset_list(request: HttpRequest) -> HttpResponse:
    get = request.GET.get
    q = clean_text(get("q"), "q")
    tag = clean_text(get("tag"), "tag", max_length=100)
    group = clean_text(get("kelompok"), "kelompok", max_length=100)
    fmt = clean_text(get("format"), "format", max_length=10).upper()
    org = clean_text(get("instansi"), "instansi", max_length=100)
    unit = clean_text(get("unit"), "unit", max_length=100)
    number = parse_page(get("halaman"))
    datasets = selectors.search(
        selectors.visible_datasets(),
        q=q,
        tags=[tag] if tag else None,
        groups=[group] if group else None,
        organizations=[org] if org else None,
        formats=[fmt] if fmt else None,
        unit=unit,
    ).order_by("title", "pk")
    page = Paginator(selectors.for_list(datasets), PAGE_SIZE).get_page(number)
    params = request.GET.copy()
    params.pop("halaman", None)
    context = {
        "page_obj": page,
        "q": q,
        "tag": tag,
        "group": group,
        "fmt": fmt,
        "org": org,
        "groups": Group.objects.all(),
        "agencies": Agency.objects.filter(datasets__visibility="publik")
        .distinct()
        .order_by("name"),
        "formats": [choice for choice, _label in Resource.Format.choices],
        "querystring": params.urlencode(),
    }
    return render(request, "opendata/list.html", context)


def _public_dataset(slug: str) -> Dataset:
    dataset = selectors.with_relations(selectors.visible_datasets().filter(slug=slug)).first()
    if dataset is None:
        raise Http404("Dataset tidak ditemukan.")
    return dataset


@require_GET
def dataset_detail(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = _public_dataset(slug)
    previews = []
    for resource in dataset.resources.all():
        table = selectors.table_of(resource)
        types = table.types
        previews.append(
            {
                "resource": resource,
                "columns": [(name, types[name]) for name in table.columns],
                "rows": [
                    [row.get(name) for name in table.columns]
                    for row in table.rows[: selectors.PREVIEW_ROWS]
                ],
                "total": len(table.rows),
            }
        )
    context = {
        "dataset": dataset,
        "previews": previews,
        "json_ld": schema_org.dataset_json_ld(dataset),
        "canonical_url": dataset.agency.absolute_url(reverse("opendata:detail", args=[slug])),
    }
    return render(request, "opendata/detail.html", context)


@require_GET
def resource_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A resource's file for whoever may see its dataset; anyone else gets 404."""
    key = partners.key_for(request)
    if partners.raw_key_from(request) and key is None:
        raise Http404("Sumber data tidak ditemukan.")
    if key is not None and not partners.is_usable(key):
        # Like the CKAN API, a revoked or expired key opens nothing, not even public files.
        partners.log_use(request, key, allowed=False)
        raise Http404("Sumber data tidak ditemukan.")
    if key is not None and partners.over_limit(key):
        partners.log_use(request, key, allowed=False)
        return HttpResponse(status=429)
    # A number beyond the 64-bit key range names no resource (and would overflow the query).
    resource = (
        Resource.objects.select_related("dataset__agency").filter(pk=pk).first()
        if 0 < pk <= MAX_PK
        else None
    )
    requester = downloads.requester_for(request, key)
    if resource is None or not downloads.may_download(resource.dataset, requester):
        if key is not None:
            dataset = resource.dataset if resource is not None else None
            partners.log_use(request, key, allowed=False, dataset=dataset)
        raise Http404("Sumber data tidak ditemukan.")
    if key is not None:
        partners.log_use(request, key, allowed=True, dataset=resource.dataset)
    response = downloads.file_response(resource)
    downloads.count_download(resource)
    return response


def _catalog(request: HttpRequest) -> list:
    """One page of the DCAT catalogue (`?halaman=n`, CATALOG_PAGE_SIZE datasets, Hydra paging
    as harvesters of DCAT-AP follow it): its cost does not grow with the catalogue."""
    number = parse_page(request.GET.get("halaman"))
    visible = selectors.visible_datasets().order_by("slug")
    total = visible.count()
    last = max(1, math.ceil(total / CATALOG_PAGE_SIZE))
    if number > last:
        raise Http404("Halaman katalog tidak ada.")
    span = visible.aggregate(issued=Min("created_at"), modified=Max("updated_at"))
    start = (number - 1) * CATALOG_PAGE_SIZE
    datasets = selectors.with_relations(visible).select_related("agency__parent")
    # A host without an agency (the platform's own) shows the top of the tree as publisher.
    publisher = agency_for_request(request) or (
        Agency.objects.order_by(F("parent").asc(nulls_first=True), "pk").first()
    )
    if publisher is None:
        raise Http404
    paging = dcat.Paging(
        path=request.path, number=number, last=last, total=total, size=CATALOG_PAGE_SIZE
    )
    return dcat.catalogue_statements(
        list(datasets[start : start + CATALOG_PAGE_SIZE]),
        base_url_for_request(request),
        publisher,
        span=(span["issued"], span["modified"]),
        paging=paging,
    )


@require_GET
def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        dcat.to_jsonld(_catalog(request)), content_type="application/ld+json; charset=utf-8"
    )


@require_GET
def catalog_turtle(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        dcat.to_turtle(_catalog(request)), content_type="text/turtle; charset=utf-8"
    )
