"""What search engines need of each schema.org type Lontar writes, checked on extruct's reading.

The required properties follow Google Search Central's structured-data pages (Dataset, Event,
FAQPage, Article, Organization logo) and, for Legislation and PodcastEpisode (no Google rich
result), schema.org's own definitions with the ELI mapping: what an aggregator needs to
identify the item.
"""

from __future__ import annotations

import extruct

# type -> dotted paths that must be present and non-empty ("a.*.b": every item of list a).
REQUIRED: dict[str, tuple[str, ...]] = {
    "GovernmentOrganization": ("name", "url", "logo.url"),
    "NewsArticle": ("headline", "datePublished", "author.name", "publisher.name"),
    "Dataset": (
        "name",
        "description",
        "url",
        "license",
        "creator.name",
        "distribution.*.contentUrl",
        "distribution.*.encodingFormat",
        "includedInDataCatalog.url",
    ),
    "Legislation": (
        "name",
        "url",
        "legislationIdentifier",
        "legislationType",
        "legislationDate",
        "legislationJurisdiction",
        "legislationLegalForce",
    ),
    "PodcastEpisode": (
        "name",
        "url",
        "datePublished",
        "partOfSeries.name",
        "associatedMedia.contentUrl",
    ),
    "Event": ("name", "startDate", "location.name", "location.address.streetAddress"),
    "FAQPage": ("mainEntity.*.name", "mainEntity.*.acceptedAnswer.text"),
}


def _values(data, path: list[str]) -> list:
    if not path:
        return [data]
    head, rest = path[0], path[1:]
    if head == "*":
        items = data if isinstance(data, list) else [data]
        return [value for item in items for value in _values(item, rest)]
    if isinstance(data, list):
        data = data[0] if data else {}
    if not isinstance(data, dict) or head not in data:
        return [None]
    return _values(data[head], rest)


def missing(item: dict) -> list[str]:
    """The required properties of `item`'s type that are absent or empty."""
    absent = []
    for path in REQUIRED.get(item.get("@type", ""), ()):
        values = _values(item, path.split("."))
        if not values or any(value in (None, "", [], {}) for value in values):
            absent.append(path)
    return absent


def extract(html: str, url: str) -> tuple[list[dict], dict]:
    """(JSON-LD items, Open Graph properties) of a page, as extruct reads them."""
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
    graph = found["opengraph"][0] if found["opengraph"] else {}
    return found["json-ld"], graph


def absolute_urls(data) -> list[str]:
    """Every string value that looks like a URL, anywhere in a JSON-LD item."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in absolute_urls(value)]
    if isinstance(data, list):
        return [url for value in data for url in absolute_urls(value)]
    if isinstance(data, str) and data.startswith(("http://", "https://", "/")):
        return [data]
    return []
