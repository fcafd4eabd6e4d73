"""schema.org `Event` for an agenda item's page.

Google's event results need `name`, `startDate` and a `location` (a Place with an address);
`endDate`, `eventStatus`, `eventAttendanceMode`, `description`, `organizer` and `image` are
recommended. Times are written in the agency's own time zone (WIB, WITA or WIT).
"""

from __future__ import annotations

from django.utils.safestring import SafeString

from lontar.core import jsonld


def event_json_ld(event, agency, url: str) -> SafeString:
    organizer = jsonld.organization(agency)
    address = " ".join(agency.address.split()) or agency.name
    data: dict = {
        "@context": jsonld.CONTEXT,
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.starts_at.astimezone(agency.zone).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": event.place or agency.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.place or address,
                "addressCountry": "ID",
            },
        },
        "organizer": organizer,
        "inLanguage": "id",
    }
    if event.ends_at:
        data["endDate"] = event.ends_at.astimezone(agency.zone).isoformat()
    if event.description:
        data["description"] = jsonld.plain(event.description)
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    if "logo" in organizer:
        data["image"] = [organizer["logo"]["url"]]
    return jsonld.script(data)
