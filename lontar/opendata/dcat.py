"""DCAT-AP catalogue of the public datasets, written as JSON-LD and Turtle without extra
libraries: one list of (subject, predicate, object) statements, two serialisations."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from django.urls import reverse

PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
LICENSES = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-zero": "https://creativecommons.org/publicdomain/zero/1.0/",
    "odc-odbl": "https://opendatacommons.org/licenses/odbl/1-0/",
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


class IRI(str):
    """An IRI object (as opposed to a literal)."""


class Typed(str):
    """A typed literal; `datatype` is a prefixed name."""

    datatype = "xsd:string"

    def __new__(cls, value: str, datatype: str) -> Typed:
        obj = super().__new__(cls, value)
        obj.datatype = datatype
        return obj


def _literal(value):
    if isinstance(value, datetime):
        return Typed(value.isoformat(), "xsd:dateTime")
    if isinstance(value, date):
        return Typed(value.isoformat(), "xsd:date")
    return str(value)


def statements(datasets: list, base: str) -> list[tuple[str, str, object]]:
    catalog = f"{base}/data/catalog"
    out: list[tuple[str, str, object]] = [
        (catalog, "rdf:type", IRI(PREFIXES["dcat"] + "Catalog")),
        (catalog, "dct:title", "Katalog data terbuka Lontar"),
        (catalog, "dct:description", "Dataset yang dibagikan instansi di portal ini."),
    ]
    for dataset in datasets:
        uri = base + reverse("opendata:detail", args=[dataset.slug])
        publisher = f"{base}/data/?instansi={dataset.agency.slug}"
        out += [
            (catalog, "dcat:dataset", IRI(uri)),
            (uri, "rdf:type", IRI(PREFIXES["dcat"] + "Dataset")),
            (uri, "dct:identifier", dataset.slug),
            (uri, "dct:title", dataset.title),
            (uri, "dct:description", dataset.description),
            (uri, "dct:modified", _literal(dataset.updated_at)),
            (uri, "dct:publisher", IRI(publisher)),
            (publisher, "rdf:type", IRI(PREFIXES["foaf"] + "Organization")),
            (publisher, "foaf:name", dataset.agency.name),
            (uri, "dcat:landingPage", IRI(uri)),
            (
                uri,
                "dct:accrualPeriodicity",
                IRI(
                    "http://publications.europa.eu/resource/authority/frequency/"
                    + FREQUENCIES.get(dataset.frequency, "UNKNOWN")
                ),
            ),
        ]
        out += [(uri, "dcat:keyword", tag) for tag in dataset.tag_list]
        out += [(uri, "dcat:theme", g.title) for g in dataset.groups.all()]
        if dataset.contact_email:
            contact = f"{uri}#kontak"
            out += [
                (uri, "dcat:contactPoint", IRI(contact)),
                (contact, "rdf:type", IRI(PREFIXES["vcard"] + "Kind")),
                (contact, "vcard:fn", dataset.contact_name or dataset.agency.name),
                (contact, "vcard:hasEmail", IRI(f"mailto:{dataset.contact_email}")),
            ]
        if dataset.period_start or dataset.period_end:
            period = f"{uri}#periode"
            out += [
                (uri, "dct:temporal", IRI(period)),
                (period, "rdf:type", IRI(PREFIXES["dct"] + "PeriodOfTime")),
            ]
            if dataset.period_start:
                out.append((period, "dcat:startDate", _literal(dataset.period_start)))
            if dataset.period_end:
                out.append((period, "dcat:endDate", _literal(dataset.period_end)))
        for resource in dataset.resources.all():
            dist = f"{uri}#sumber-{resource.pk}"
            fmt = "CSV" if resource.generator else resource.format
            download = base + reverse("opendata:download", args=[resource.pk])
            out += [
                (uri, "dcat:distribution", IRI(dist)),
                (dist, "rdf:type", IRI(PREFIXES["dcat"] + "Distribution")),
                (dist, "dct:title", resource.name),
                (dist, "dcat:accessURL", IRI(download)),
                (dist, "dcat:downloadURL", IRI(download)),
                (dist, "dcat:mediaType", MEDIA_TYPES[fmt]),
                (dist, "dct:format", fmt),
            ]
            if dataset.license in LICENSES:
                out.append((dist, "dct:license", IRI(LICENSES[dataset.license])))
    return out


def _expand(name: str) -> str:
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
        else:
            value = {"@value": obj}
        node.setdefault(_expand(predicate), []).append(value)
    return json.dumps({"@graph": list(nodes.values())}, ensure_ascii=False, indent=1)


def _turtle_term(obj: object) -> str:
    if isinstance(obj, IRI):
        return f"<{obj}>"
    text = json.dumps(str(obj), ensure_ascii=False)  # a valid Turtle string literal
    if isinstance(obj, Typed):
        return f"{text}^^{obj.datatype}"
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
