"""DCAT-AP 3.0 catalogue of the public datasets, written as JSON-LD and Turtle without extra
libraries: one list of (subject, predicate, object) statements, two serialisations.

What DCAT-AP 3.0's SHACL shapes ask for (mandatory and recommended) is here: a typed publisher
with an ADMS publisher type, themes, media types, formats, licences, languages and places as IRIs
of the EU vocabularies and IANA, typed as the ranges say, literals tagged `@id`. Beside it, the
Satu Data Indonesia metadata (producing unit, region codes, MS-Var variables) in Lontar's own
small vocabulary (`sdi:`, see docs/interfaces.md).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse

PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "sdi": "https://w3id.org/lontar/sdi#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
}
EU = "http://publications.europa.eu/resource/authority/"
LICENSES = {
    "cc-by-4.0": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    "cc-zero": "http://publications.europa.eu/resource/authority/licence/CC0",
    "odc-odbl": "http://publications.europa.eu/resource/authority/licence/ODC_BY",
}
FREQUENCIES = {
    "harian": "DAILY",
    "bulanan": "MONTHLY",
    "triwulanan": "QUARTERLY",
    "semesteran": "BIANNUAL",
    "tahunan": "ANNUAL",
    "tidak-tetap": "IRREG",
    "terus-menerus": "CONT",
}
MEDIA_TYPES = {
    "CSV": "text/csv",
    "JSON": "application/json",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# ADMS publisher types: a province is a regional authority, a regency or city a local one.
PUBLISHER_TYPES = {
    "provinsi": "RegionalAuthority",
    "kabupaten": "LocalAuthority",
    "kota": "LocalAuthority",
}
# The labels DCAT-AP wants on each concept used (skos:prefLabel is mandatory on a Concept).
LABELS = {
    "RegionalAuthority": "Regional authority",
    "LocalAuthority": "Local authority",
    "STABLE": "Stable",
    "Attribution": "Attribution",
    "PublicDomain": "Public domain",
    "ShareAlike": "Share alike",
    "AGRI": "Agriculture, fisheries, forestry and food",
    "ECON": "Economy and finance",
    "EDUC": "Education, culture and sport",
    "ENER": "Energy",
    "ENVI": "Environment",
    "GOVE": "Government and public sector",
    "HEAL": "Health",
    "INTR": "International issues",
    "JUST": "Justice, legal system and public safety",
    "REGI": "Regions and cities",
    "SOCI": "Population and society",
    "TECH": "Science and technology",
    "TRAN": "Transport",
}
# ADMS licence types of the licences offered.
LICENCE_TYPES = {"cc-by-4.0": "Attribution", "cc-zero": "PublicDomain", "odc-odbl": "ShareAlike"}
WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
# Indonesia's bounding box and centroid (longitude latitude, WGS 84).
INDONESIA_BBOX = "POLYGON((95.0 6.1, 141.1 6.1, 141.1 -11.1, 95.0 -11.1, 95.0 6.1))"
INDONESIA_CENTROID = "POINT(117.9 -2.5)"
THEMES = f"{EU}data-theme"
INDONESIA = f"{EU}country/IDN"
INDONESIAN = f"{EU}language/IND"
ENGLISH = f"{EU}language/ENG"


class IRI(str):
    """An IRI object (as opposed to a literal)."""


class Typed(str):
    """A typed literal; `datatype` is a prefixed name."""

    datatype = "xsd:string"

    def __new__(cls, value: str, datatype: str) -> Typed:
        obj = super().__new__(cls, value)
        obj.datatype = datatype
        return obj


class Lang(str):
    """A language-tagged literal (`"Judul"@id`)."""

    lang = "id"

    def __new__(cls, value: str, lang: str = "id") -> Lang:
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def _literal(value):
    if isinstance(value, datetime):
        return Typed(value.isoformat(), "xsd:dateTime")
    if isinstance(value, date):
        return Typed(value.isoformat(), "xsd:date")
    return Lang(str(value))


def _type(subject: str, prefixed: str) -> tuple[str, str, IRI]:
    return (subject, "rdf:type", IRI(_expand(prefixed)))


def _concept(iri: str, scheme: str | None = None) -> list[tuple[str, str, object]]:
    label = LABELS.get(iri.rsplit("/", 1)[-1], iri.rsplit("/", 1)[-1])
    out: list[tuple[str, str, object]] = [
        _type(iri, "skos:Concept"),
        (iri, "skos:prefLabel", Lang(label, "en")),
    ]
    if scheme:
        out.append((iri, "skos:inScheme", IRI(scheme)))
    return out


def _publisher(agency, base: str) -> tuple[str, list[tuple[str, str, object]]]:
    iri = f"{base}/data/?instansi={agency.slug}"
    kind = PUBLISHER_TYPES.get(agency.kind) or PUBLISHER_TYPES.get(
        getattr(agency.parent, "kind", ""), "RegionalAuthority"
    )
    kind_iri = f"http://purl.org/adms/publishertype/{kind}"
    return iri, [
        _type(iri, "foaf:Agent"),
        _type(iri, "foaf:Organization"),
        (iri, "foaf:name", Lang(agency.name)),
        (iri, "dct:type", IRI(kind_iri)),
        *_concept(kind_iri, "http://purl.org/adms/publishertype/1.0"),
    ]


@dataclass(frozen=True)
class Paging:
    """Where a page of the catalogue stands (Hydra's paged collection, as CKAN's DCAT
    extension writes it): harvesters follow `hydra:nextPage` to the last page."""

    path: str
    number: int
    last: int
    total: int
    size: int

    def url(self, base: str, number: int) -> str:
        return f"{base}{self.path}?halaman={number}"


def _paging(paging: Paging, base: str) -> list[tuple[str, str, object]]:
    page = paging.url(base, paging.number)
    out: list[tuple[str, str, object]] = [
        _type(page, "hydra:PagedCollection"),
        (page, "hydra:totalItems", Typed(str(paging.total), "xsd:integer")),
        (page, "hydra:itemsPerPage", Typed(str(paging.size), "xsd:integer")),
        (page, "hydra:firstPage", Typed(paging.url(base, 1), "xsd:string")),
        (page, "hydra:lastPage", Typed(paging.url(base, paging.last), "xsd:string")),
    ]
    if paging.number > 1:
        previous = paging.url(base, paging.number - 1)
        out.append((page, "hydra:previousPage", Typed(previous, "xsd:string")))
    if paging.number < paging.last:
        following = paging.url(base, paging.number + 1)
        out.append((page, "hydra:nextPage", Typed(following, "xsd:string")))
    return out


def catalogue_statements(
    datasets: list,
    base: str,
    publisher,
    *,
    span: tuple[datetime | None, datetime | None] | None = None,
    paging: Paging | None = None,
) -> list[tuple[str, str, object]]:
    """The catalogue node (published by `publisher`, the site's agency) and its datasets:
    all of them, or one page (`paging`) with `span`, the first creation and last change in
    the whole catalogue."""
    catalog = f"{base}/data/catalog"
    home = f"{base}/"
    publisher_iri, publisher_triples = _publisher(publisher, base)
    out: list[tuple[str, str, object]] = [
        _type(catalog, "dcat:Catalog"),
        (catalog, "dct:title", Lang("Katalog data terbuka " + publisher.name)),
        (catalog, "dct:title", Lang("Open data catalogue of " + publisher.name, "en")),
        (catalog, "dct:description", Lang("Dataset yang dibagikan instansi di portal ini.")),
        (catalog, "dct:description", Lang("Datasets the agencies share on this portal.", "en")),
        (catalog, "dct:publisher", IRI(publisher_iri)),
        *publisher_triples,
        (catalog, "foaf:homepage", IRI(home)),
        _type(home, "foaf:Document"),
        (catalog, "dct:language", IRI(INDONESIAN)),
        _type(INDONESIAN, "dct:LinguisticSystem"),
        (catalog, "dct:spatial", IRI(INDONESIA)),
        _type(INDONESIA, "dct:Location"),
        (INDONESIA, "dcat:bbox", Typed(INDONESIA_BBOX, WKT)),
        (INDONESIA, "dcat:centroid", Typed(INDONESIA_CENTROID, WKT)),
        (catalog, "dct:license", IRI(LICENSES["cc-by-4.0"])),
        *_licence("cc-by-4.0", base),
        (catalog, "dcat:themeTaxonomy", IRI(THEMES)),
        _type(THEMES, "skos:ConceptScheme"),
        (THEMES, "dct:title", Lang("Data theme", "en")),
    ]
    if span is None and datasets:
        span = (min(d.created_at for d in datasets), max(d.updated_at for d in datasets))
    if span is not None and span[0] is not None and span[1] is not None:
        out.append((catalog, "dct:issued", _literal(span[0])))
        out.append((catalog, "dct:modified", _literal(span[1])))
    if paging is not None:
        out += _paging(paging, base)
    for dataset in datasets:
        out += dataset_statements(dataset, base, catalog)
    return _unique(out)


def _unique(triples: list[tuple[str, str, object]]) -> list[tuple[str, str, object]]:
    """Each statement once (a publisher or a theme is described wherever it is used)."""
    seen: set = set()
    result = []
    for subject, predicate, obj in triples:
        key = (subject, predicate, type(obj).__name__, str(obj), getattr(obj, "lang", None))
        if key not in seen:
            seen.add(key)
            result.append((subject, predicate, obj))
    return result


def dataset_statements(dataset, base: str, catalog: str) -> list[tuple[str, str, object]]:
    uri = base + reverse("opendata:detail", args=[dataset.slug])
    publisher, publisher_triples = _publisher(dataset.agency, base)
    frequency = f"{EU}frequency/" + FREQUENCIES.get(dataset.frequency, "UNKNOWN")
    out: list[tuple[str, str, object]] = [
        (catalog, "dcat:dataset", IRI(uri)),
        _type(uri, "dcat:Dataset"),
        (uri, "dct:identifier", Typed(str(dataset.uuid), "xsd:string")),
        (uri, "dct:title", Lang(dataset.title)),
        (uri, "dct:description", Lang(dataset.description)),
        (uri, "dct:issued", _literal(dataset.created_at)),
        (uri, "dct:modified", _literal(dataset.updated_at)),
        (uri, "dct:publisher", IRI(publisher)),
        *publisher_triples,
        (uri, "dcat:landingPage", IRI(uri)),
        _type(uri, "foaf:Document"),
        (uri, "dct:language", IRI(INDONESIAN)),
        (uri, "dct:spatial", IRI(INDONESIA)),
        (uri, "dct:accrualPeriodicity", IRI(frequency)),
        _type(frequency, "dct:Frequency"),
    ]
    out += [(uri, "dcat:keyword", Lang(tag)) for tag in dataset.tag_list]
    themes = {g.eu_theme for g in dataset.groups.all()} or {"GOVE"}
    for theme in sorted(themes):
        out += [
            (uri, "dcat:theme", IRI(f"{THEMES}/{theme}")),
            *_concept(f"{THEMES}/{theme}", THEMES),
        ]
    out += _contact(dataset, uri)
    out += _temporal(dataset, uri)
    out += _satu_data(dataset, uri)
    for resource in dataset.resources.all():
        out += _distribution(dataset, resource, uri, base)
    return out


def _contact(dataset, uri: str) -> list[tuple[str, str, object]]:
    email = dataset.contact_email or dataset.agency.email
    contact = f"{uri}#kontak"
    out = [
        (uri, "dcat:contactPoint", IRI(contact)),
        _type(contact, "vcard:Kind"),
        _type(contact, "vcard:Organization"),
        (contact, "vcard:fn", Lang(dataset.contact_name or dataset.agency.name)),
    ]
    if email:
        out.append((contact, "vcard:hasEmail", IRI(f"mailto:{email}")))
    return out


def _temporal(dataset, uri: str) -> list[tuple[str, str, object]]:
    if not (dataset.period_start or dataset.period_end):
        return []
    period = f"{uri}#periode"
    out = [(uri, "dct:temporal", IRI(period)), _type(period, "dct:PeriodOfTime")]
    if dataset.period_start:
        out.append((period, "dcat:startDate", _literal(dataset.period_start)))
    if dataset.period_end:
        out.append((period, "dcat:endDate", _literal(dataset.period_end)))
    return out


def _satu_data(dataset, uri: str) -> list[tuple[str, str, object]]:
    """Satu Data Indonesia (Perpres 39/2019): the producing unit, the Kemendagri region codes
    (reference codes) and the variables' metadata after BPS's MS-Var."""
    out: list[tuple[str, str, object]] = []
    if dataset.unit_id:
        out.append((uri, "sdi:produsenData", Lang(dataset.unit.name)))
    out += [(uri, "sdi:kodeWilayah", Typed(c, "xsd:string")) for c in dataset.region_code_list]
    for number, variable in enumerate(dataset.variables.all(), start=1):
        node = f"{uri}#variabel-{number}"
        out += [
            (uri, "sdi:variabel", IRI(node)),
            _type(node, "sdi:Variabel"),
            (node, "sdi:namaVariabel", Typed(variable.name, "xsd:string")),
            (node, "sdi:tipeData", Typed(variable.data_type, "xsd:string")),
        ]
        if variable.definition:
            out.append((node, "skos:definition", Lang(variable.definition)))
        if variable.unit_of_measure:
            out.append((node, "sdi:satuan", Lang(variable.unit_of_measure)))
    return out


def _distribution(dataset, resource, uri: str, base: str) -> list[tuple[str, str, object]]:
    dist = f"{uri}#sumber-{resource.pk}"
    fmt = "CSV" if resource.generator else resource.format
    download = base + reverse("opendata:download", args=[resource.pk])
    media = f"http://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}"
    file_type = f"{EU}file-type/{fmt}"
    stable = f"{EU}planned-availability/STABLE"
    licence = LICENSES.get(dataset.license, f"{base}/data/lisensi/{dataset.license}")
    return [
        (uri, "dcat:distribution", IRI(dist)),
        _type(dist, "dcat:Distribution"),
        (dist, "dct:title", Lang(resource.name)),
        (dist, "dct:description", Lang(resource.description or resource.name)),
        (dist, "dct:identifier", Typed(str(resource.uuid), "xsd:string")),
        (dist, "dcat:accessURL", IRI(download)),
        (dist, "dcat:downloadURL", IRI(download)),
        (dist, "dcat:mediaType", IRI(media)),
        _type(media, "dct:MediaType"),
        (dist, "dct:format", IRI(file_type)),
        _type(file_type, "dct:MediaTypeOrExtent"),
        (dist, "dct:license", IRI(licence)),
        *_licence(dataset.license, base),
        (dist, "dcatap:availability", IRI(stable)),
        *_concept(stable, f"{EU}planned-availability"),
        (dist, "dct:modified", _literal(resource.updated_at)),
    ]


def _licence(key: str, base: str) -> list[tuple[str, str, object]]:
    iri = LICENSES.get(key, f"{base}/data/lisensi/{key}")
    out = [_type(iri, "dct:LicenseDocument")]
    if key in LICENCE_TYPES:
        kind = f"http://purl.org/adms/licencetype/{LICENCE_TYPES[key]}"
        out += [
            (iri, "dct:type", IRI(kind)),
            *_concept(kind, "http://purl.org/adms/licencetype/1.0"),
        ]
    return out


def _expand(name: str) -> str:
    if name.startswith("http"):
        return name
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local


def to_jsonld(triples: list[tuple[str, str, object]]) -> str:
    nodes: dict[str, dict] = defaultdict(dict)
    for subject, predicate, obj in triples:
        node = nodes[subject]
        node["@id"] = subject
        if predicate == "rdf:type":
            node.setdefault("@type", []).append(str(obj))
            continue
        if isinstance(obj, IRI):
            value: dict = {"@id": str(obj)}
        elif isinstance(obj, Typed):
            value = {"@value": str(obj), "@type": _expand(obj.datatype)}
        elif isinstance(obj, Lang):
            value = {"@value": str(obj), "@language": obj.lang}
        else:
            value = {"@value": obj}
        node.setdefault(_expand(predicate), []).append(value)
    return json.dumps({"@graph": list(nodes.values())}, ensure_ascii=False, indent=1)


def _turtle_term(obj: object) -> str:
    if isinstance(obj, IRI):
        return f"<{obj}>"
    text = json.dumps(str(obj), ensure_ascii=False)  # a valid Turtle string literal
    if isinstance(obj, Typed):
        datatype = f"<{obj.datatype}>" if obj.datatype.startswith("http") else obj.datatype
        return f"{text}^^{datatype}"
    if isinstance(obj, Lang):
        return f"{text}@{obj.lang}"
    return text


def to_turtle(triples: list[tuple[str, str, object]]) -> str:
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()] + [""]
    by_subject: dict[str, list[str]] = defaultdict(list)
    for subject, predicate, obj in triples:
        verb = "a" if predicate == "rdf:type" else predicate
        by_subject[subject].append(f"    {verb} {_turtle_term(obj)}")
    for subject, parts in by_subject.items():
        lines.append(f"<{subject}>\n" + " ;\n".join(parts) + " .\n")
    return "\n".join(lines)
