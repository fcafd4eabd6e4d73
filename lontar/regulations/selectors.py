"""Reads of the regulations library for the public pages, the feed and the site search."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from lontar.core import content_version
from lontar.core.params import neutral_search_terms
from lontar.regulations.models import DocumentRelation, LegalDocument, Subject
from lontar.regulations.status import connected

SORTS = {
    "terbaru": ["-year", "-promulgated_on", "-pk"],
    "terlama": ["year", "promulgated_on", "pk"],
    "judul": ["title", "pk"],
    "nomor": ["kind", "year", "number", "pk"],
}
DEFAULT_SORT = "terbaru"
RELEVANCE = "relevansi"
MAX_SEARCH_HITS = 2000


def published_documents(agency) -> QuerySet[LegalDocument]:
    return LegalDocument.objects.filter(agency=agency, is_published=True)


def search_ids(agency, query: str) -> list[int]:
    """Ids of the agency's published documents matching `query` (title, abstract, PDF text),
    best first."""
    query = neutral_search_terms(query)
    if not query:
        return []
    results = published_documents(agency).search(query, operator="and")
    return [document.pk for document in results[:MAX_SEARCH_HITS]]


def filtered_documents(
    agency,
    *,
    query: str = "",
    document_type: str = "",
    year: int | None = None,
    status: str = "",
    subject: int | None = None,
    field_of_law: str = "",
    sort: str = "",
) -> QuerySet[LegalDocument]:
    """The documents the /regulasi/ list shows for these filters, in the chosen order."""
    documents = published_documents(agency)
    if document_type:
        documents = documents.filter(document_type=document_type)
    if year:
        documents = documents.filter(year=year)
    if status:
        documents = documents.filter(status=status)
    if subject:
        documents = documents.filter(subjects=subject)
    if field_of_law:
        documents = documents.filter(field_of_law=field_of_law)
    if query:
        ids = search_ids(agency, query)
        documents = documents.filter(pk__in=ids)
        if sort in ("", RELEVANCE):
            rank = Case(
                *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)],
                output_field=IntegerField(),
            )
            return documents.order_by(rank, "pk") if ids else documents
    return documents.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


def facets(agency) -> dict:
    """The choices offered by the filters: years, subjects and fields of law in use."""
    documents = published_documents(agency)
    return {
        "years": list(documents.order_by("-year").values_list("year", flat=True).distinct()),
        "subjects": list(
            Subject.objects.filter(agency=agency, documents__is_published=True)
            .distinct()
            .order_by("name")
        ),
        "fields_of_law": list(
            documents.exclude(field_of_law="")
            .order_by("field_of_law")
            .values_list("field_of_law", flat=True)
            .distinct()
        ),
    }


def document_for_page(agency, pk: int) -> LegalDocument | None:
    return (
        published_documents(agency)
        .select_related("agency")
        .prefetch_related("subjects")
        .filter(pk=pk)
        .first()
    )


def document_by_pk(agency, pk: int) -> LegalDocument | None:
    """The published document alone: its page reads the subjects only when its cached body
    is missing, its files never."""
    return published_documents(agency).select_related("agency").filter(pk=pk).first()


def relation_graph(document: LegalDocument) -> dict:
    """The document's whole graph: its direct relations read both ways, and every document
    connected to it through any chain of relations, with their statuses."""
    edges = list(
        DocumentRelation.objects.filter(source__agency_id=document.agency_id).values_list(
            "source_id", "kind", "target_id"
        )
    )
    component = connected(document.pk, edges)
    in_component = [edge for edge in edges if edge[0] in component]
    relations = list(
        DocumentRelation.objects.filter(
            source_id__in=component, source__is_published=True, target__is_published=True
        )
        .select_related("source", "target")
        .order_by("source__year", "source__pk", "kind")
    )
    outgoing = [r for r in relations if r.source_id == document.pk]
    incoming = [r for r in relations if r.target_id == document.pk]
    others = [r for r in relations if document.pk not in (r.source_id, r.target_id)]
    return {
        "outgoing": outgoing,
        "incoming": incoming,
        "others": others,
        "size": len(component),
        "edges": len(in_component),
    }


def superseding_relation(document: LegalDocument) -> DocumentRelation | None:
    """The newest published relation that revokes (else amends) the document."""
    relations = (
        DocumentRelation.objects.filter(target=document, source__is_published=True)
        .exclude(kind=DocumentRelation.Kind.IMPLEMENTS)
        .select_related("source")
        .order_by("-source__year", "-source__pk")
    )
    revoking = [r for r in relations if r.kind == DocumentRelation.Kind.REVOKES]
    return revoking[0] if revoking else next(iter(relations), None)


def with_list_relations(documents: QuerySet) -> QuerySet:
    """Prefetch what the list shows for each document: subjects and who revoked/amended it."""
    return documents.prefetch_related(
        "subjects",
        Prefetch(
            "incoming_relations",
            queryset=DocumentRelation.objects.exclude(kind=DocumentRelation.Kind.IMPLEMENTS)
            .filter(source__is_published=True)
            .select_related("source")
            .order_by("-source__year"),
            to_attr="superseded_by",
        ),
    )


RELATED_PER_SOURCE = 3
SEARCH_KEY = "regulasi"  # this library's own key in the site search


def related_items(document: LegalDocument, request) -> list[dict]:
    """Other content of the site (news, and FAQ or DIP items once those apps register with the
    site search) that mentions the document, e.g. "Pergub 18 2022", through the search registry.
    """
    from lontar.search.candidates import Index
    from lontar.search.registry import SOURCES

    query = f"{document.kind_abbreviation or document.kind} {document.number} {document.year}"
    if not document.number:
        query = document.title
    # Titles are staff text and may hold a double quote, which the FTS syntax cannot take.
    query = neutral_search_terms(query)
    items = []
    if not query:
        return items
    # The newest matches of each source, ranked among themselves: the cost is bounded
    # whatever the size of the archive (search/candidates.py; Wagtail's own search ranked
    # every match, a walk of the archive on PostgreSQL, issue 22).
    index = Index(query, operator="and")
    for key, source in SOURCES.items():
        if key == SEARCH_KEY:
            continue
        queryset = source.queryset_for_agency(document.agency)
        found = index.find(source.model, within=queryset)
        if not found.scores:
            continue
        field = source.model._meta.pk
        best = sorted(found.scores.items(), key=lambda item: (-item[1], -int(item[0] or 0)))
        ids = [field.to_python(object_id) for object_id, _score in best[:RELATED_PER_SOURCE]]
        objects = queryset.in_bulk(ids)
        for obj in (objects[pk] for pk in ids if pk in objects):
            items.append(
                {
                    "key": key,
                    "label": source.label,
                    "title": str(getattr(obj, "title", obj)),
                    "url": source.url_of(obj, request),
                    "date": source.date_of(obj),
                }
            )
    return items


def detail_extras(document: LegalDocument, request) -> dict:
    """What the document's page shows besides the document: its relation graph, what revokes
    or amends it, and the site's content that cites it. All of it depends only on published
    content, and the search behind `related` is the costliest part of the page, so it comes
    from the cache until content changes (core/content_version.py). Keyed by site too: the
    related items' URLs are the site's."""
    site = getattr(request, "_wagtail_site", None)
    key = (
        f"lontar:regulation-extras:{document.pk}:{getattr(site, 'pk', 0)}:"
        f"{content_version.current()}"
    )
    extras = cache.get(key)
    if extras is None:
        extras = {
            "graph": relation_graph(document),
            "superseded": superseding_relation(document),
            "related": related_items(document, request),
        }
        cache.set(key, extras, 3600)
    return extras


def documents_for_citation(agency) -> QuerySet[LegalDocument]:
    """The agency's documents another app's staff form may cite (the Q&A answer), newest
    first; other apps read them here rather than importing the regulations models."""
    return LegalDocument.objects.filter(agency=agency).order_by("-year", "-pk")
