"""The visitor's address: one helper behind every limit, audit event and partner log."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from lontar.core.client import client_ip, valid_ip

PROXY = "10.0.0.2"


def _request(forwarded: str | None = None, remote: str = PROXY):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.9, 203.0.113.5", "203.0.113.5"),  # the left entry is the client's word
        (2, "198.51.100.9, 203.0.113.5", "198.51.100.9"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "[2001:db8::1]", "2001:db8::1"),
        (1, "::ffff:203.0.113.5", "203.0.113.5"),
        (0, "203.0.113.5", PROXY),  # no trusted proxy: a forged header is ignored
        (2, "203.0.113.5", PROXY),  # fewer hops than proxies: the header is not ours
        (1, "junk", PROXY),
        (1, "203.0.113.5, <script>", PROXY),
        (1, "999.1.1.1", PROXY),
        (1, "fe80::1%eth0", PROXY),
        (1, "", PROXY),
        (1, " , ", PROXY),
    ],
)
def test_client_address_honours_only_the_trusted_proxies(settings, proxies, forwarded, expected):
    settings.LONTAR_TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded)) == expected


def test_without_any_valid_address_the_answer_is_empty(settings):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("junk", remote="not-an-ip")) == ""
    assert client_ip(_request(None, remote="")) == ""


@pytest.mark.parametrize("value", ["1.2.3", "1.2.3.4.5", "abc", "1.2.3.4:80", "", " "])
def test_invalid_addresses_are_refused(value):
    assert valid_ip(value) == ""


def test_the_old_import_path_still_works():
    from lontar.core import ratelimit

    assert ratelimit.client_ip is client_ip
