"""The DCAT-AP catalogue passes SEMIC's DCAT-AP 3.0.1 SHACL shapes — mandatory, recommended and
range — with pyshacl, in both serialisations; and carries the Satu Data Indonesia metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from lontar.opendata.tests.helpers import add_csv, add_variable, make_dataset

pytestmark = pytest.mark.django_db
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SDI = Namespace("https://w3id.org/lontar/sdi#")
SHAPES = Path(__file__).parent / "shacl"
EU = "http://publications.europa.eu/resource/authority/"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    for name in ("shapes.ttl", "shapes_recommended.ttl", "range.ttl"):
        graph.parse(SHAPES / f"dcat-ap-3.0.1-{name}", format="turtle")
    return graph


@pytest.fixture
def catalogue(agency_a, agency_b):
    asn = make_dataset(
        agency_a,
        groups=["kepegawaian"],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        region_codes="53, 53.01",
    )
    add_variable(asn, "jumlah", definition="Banyaknya pegawai", unit_of_measure="orang")
    add_csv(asn)
    rain = make_dataset(
        agency_b,
        slug="curah-hujan",
        title="Curah hujan",
        license="cc-zero",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
    )
    add_csv(rain, text="bulan,mm\nJanuari,310\n", name="Curah hujan 2024")
    return asn


@pytest.mark.parametrize(
    ("path", "fmt"), [("catalog.jsonld", "json-ld"), ("catalog.ttl", "turtle")]
)
def test_catalogue_conforms_to_dcat_ap_3(client, catalogue, shapes, path, fmt):
    response = client.get(f"/data/{path}")
    data = Graph().parse(data=response.content.decode(), format=fmt)
    conforms, _report, text = validate(data, shacl_graph=shapes, allow_warnings=False)
    # Recommended properties are sh:Warning in SEMIC's files: a warning fails here too.
    assert conforms, text
    assert "Warning" not in text


def test_vocabularies_are_eu_and_iana_iris_and_literals_are_tagged(client, catalogue):
    graph = Graph().parse(data=client.get("/data/catalog.ttl").content.decode(), format="turtle")
    dataset = URIRef("http://localhost/data/pegawai-asn/")  # agency_a's public base URL
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert (publisher, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Agent")) in graph
    assert str(graph.value(dataset, DCAT.theme)) == f"{EU}data-theme/GOVE"
    distribution = graph.value(dataset, DCAT.distribution)
    assert graph.value(distribution, DCAT.mediaType) == URIRef(
        "http://www.iana.org/assignments/media-types/text/csv"
    )
    assert graph.value(distribution, DCTERMS.format) == URIRef(f"{EU}file-type/CSV")
    assert graph.value(distribution, DCTERMS.license) == URIRef(f"{EU}licence/CC_BY_4_0")
    title = graph.value(dataset, DCTERMS.title)
    assert title == Literal("Jumlah ASN menurut golongan", lang="id")
    english = {t for t in graph.objects(catalog, DCTERMS.title) if t.language == "en"}
    assert english


def test_satu_data_indonesia_metadata_is_in_the_catalogue(client, catalogue):
    graph = Graph().parse(
        data=client.get("/data/catalog.jsonld").content.decode(), format="json-ld"
    )
    dataset = URIRef("http://localhost/data/pegawai-asn/")  # agency_a's public base URL
    assert {str(c) for c in graph.objects(dataset, SDI.kodeWilayah)} == {"53", "53.01"}
    variable = graph.value(dataset, SDI.variabel)
    assert str(graph.value(variable, SDI.namaVariabel)) == "jumlah"
    assert str(graph.value(variable, SDI.satuan)) == "orang"
