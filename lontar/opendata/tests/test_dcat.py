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
