"""Public pages of the catalogue: search, a dataset, downloads, and the DCAT catalogue."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from lontar.agencies.models import Agency
from lontar.opendata import dcat, selectors, tabular
from lontar.opendata.models import Dataset, Group, Resource

PAGE_SIZE = 20


@require_GET
def dataset_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    tag = request.GET.get("tag", "").strip()
    group = request.GET.get("kelompok", "").strip()
    fmt = request.GET.get("format", "").strip().upper()
    org = request.GET.get("instansi", "").strip()
    datasets = selectors.search(
        selectors.visible_datasets(),
        q=q,
        tags=[tag] if tag else None,
        groups=[group] if group else None,
        organizations=[org] if org else None,
        formats=[fmt] if fmt else None,
        unit=request.GET.get("unit", "").strip(),
    ).order_by("title", "pk")
    page = Paginator(selectors.with_relations(datasets), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
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
    return render(request, "opendata/detail.html", {"dataset": dataset, "previews": previews})


@require_GET
def resource_download(request: HttpRequest, pk: int) -> HttpResponse:
    resource = get_object_or_404(
        Resource.objects.select_related("dataset__agency"), pk=pk, dataset__visibility="publik"
    )
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
    if resource.generator or not resource.file:
        body = tabular.to_csv(selectors.table_of(resource))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        filename = f"{slugify(resource.name) or 'data'}.csv"
    else:
        with resource.file.open("rb") as handle:
            body = handle.read()
        types = {"CSV": "text/csv", "JSON": "application/json"}
        response = HttpResponse(
            body, content_type=types.get(resource.format, "application/octet-stream")
        )
        filename = resource.file.name.rsplit("/", 1)[-1]
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _catalog(request: HttpRequest) -> list:
    datasets = selectors.with_relations(selectors.visible_datasets().order_by("slug"))
    return dcat.statements(list(datasets), request.build_absolute_uri("/").rstrip("/"))


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
