"""The visitor's address, read one way everywhere (rate limits, audit events, partner logs).

Behind a reverse proxy REMOTE_ADDR is the proxy, so with LONTAR_TRUSTED_PROXY_COUNT = N the
address is the N-th entry from the right of X-Forwarded-For: the one our own outermost proxy
appended. Entries further left were written by the client and can be forged, so they are
never read. With N = 0 the header is ignored altogether.

Whatever comes back is a syntactically valid IP address or "": a forged header such as
`X-Forwarded-For: junk` falls back to REMOTE_ADDR instead of reaching a GenericIPAddressField
(a 500) or splitting one visitor into many rate-limit buckets.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def valid_ip(value: str) -> str:
    """`value` as a normalised IP address, or "" when it is not one."""
    value = (value or "").strip()
    if value.startswith("[") and value.endswith("]"):  # some proxies bracket IPv6
        value = value[1:-1]
    if not value or "%" in value:  # a scope id (fe80::1%eth0) is meaningless off the host
        return ""
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def client_ip(request: HttpRequest) -> str:
    """The visitor's IP address as a string, or "" when none is known."""
    remote = valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "LONTAR_TRUSTED_PROXY_COUNT", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return valid_ip(hops[-proxies]) or remote
    return remote
