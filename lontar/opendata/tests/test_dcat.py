"""The DCAT-AP catalogue parses as RDF and describes datasets and their distributions."""

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from lontar.opendata.tests.helpers import add_csv, make_dataset

pytestmark = pytest.mark.django_db
DCAT = Namespace("http://www.w3.org/ns/dcat#")


@pytest.fixture
def catalogue(agency_a):
    dataset = make_dataset(
        agency_a, title='ASN "golongan" & pendidikan', description="Baris satu\nbaris dua"
    )
    add_csv(dataset)
    make_dataset(agency_a, slug="rahasia", title="Data mitra", visibility="mitra")


@pytest.mark.parametrize(
    ("path", "fmt"), [("catalog.jsonld", "json-ld"), ("catalog.ttl", "turtle")]
)
def test_catalogue_is_valid_rdf_with_datasets_and_distributions(client, catalogue, path, fmt):
    response = client.get(f"/data/{path}")
    assert response.status_code == 200
    graph = Graph().parse(data=response.content.decode(), format=fmt)
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert datasets == [URIRef("http://localhost/data/pegawai-asn/")]
    dataset = datasets[0]
    assert str(graph.value(dataset, DCTERMS.title)) == 'ASN "golongan" & pendidikan'
    assert str(graph.value(dataset, DCTERMS.description)) == "Baris satu\nbaris dua"
    distribution = graph.value(dataset, DCAT.distribution)
    assert (distribution, RDF.type, DCAT.Distribution) in graph
    assert str(graph.value(distribution, DCAT.mediaType)).endswith("/media-types/text/csv")
    assert str(graph.value(distribution, DCAT.downloadURL)).endswith("/unduh/")
    assert {str(k) for k in graph.objects(dataset, DCAT.keyword)} == {"ASN", "kepegawaian"}
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert (catalog, DCAT.dataset, dataset) in graph


HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")


def _catalogue_page(client, query: str = "") -> Graph:
    response = client.get(f"/data/catalog.jsonld{query}")
    assert response.status_code == 200
    return Graph().parse(data=response.content.decode(), format="json-ld")


def test_catalogue_is_paged_for_harvesters_and_costs_the_same_at_any_size(
    client, agency_a, monkeypatch
):
    """Issue 22: a page of the catalogue lists a fixed number of datasets (Hydra paging), so
    its queries and size do not grow with the catalogue; a harvester follows nextPage."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("lontar.opendata.views.CATALOG_PAGE_SIZE", 2)

    def queries_for_page_one() -> int:
        with CaptureQueriesContext(connection) as captured:
            _catalogue_page(client)
        return len(captured)

    for n in range(2):
        add_csv(make_dataset(agency_a, slug=f"data-{n:02d}", title=f"Data {n}"))
    small = queries_for_page_one()
    for n in range(2, 6):
        add_csv(make_dataset(agency_a, slug=f"data-{n:02d}", title=f"Data {n}"))
    assert queries_for_page_one() == small

    seen, query = [], ""
    while True:
        graph = _catalogue_page(client, query)
        seen += sorted(str(d) for d in graph.subjects(RDF.type, DCAT.Dataset))
        page = next(graph.subjects(RDF.type, HYDRA.PagedCollection))
        assert int(graph.value(page, HYDRA.totalItems)) == 6
        following = graph.value(page, HYDRA.nextPage)
        if following is None:
            break
        query = "?" + str(following).split("?", 1)[1]
    assert seen == [f"http://localhost/data/data-{n:02d}/" for n in range(6)]
    assert query == "?halaman=3"
    assert client.get("/data/catalog.jsonld?halaman=4").status_code == 404
    assert client.get("/data/catalog.ttl?halaman=x").status_code == 400
