"""Partner keys: issuing (the key is shown once), checking against the agreement, logging."""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from lontar.core.client import client_ip
from lontar.opendata.models import PartnerAgreement, PartnerKey, PartnerKeyUse, hash_key

RATE_LIMIT = 600  # requests per key per hour
RATE_WINDOW = 3600


def issue_key(agreement: PartnerAgreement, label: str) -> tuple[PartnerKey, str]:
    """Create a key; the raw key is returned once and never stored."""
    raw = "ltr_" + secrets.token_urlsafe(32)
    key = PartnerKey.objects.create(
        agreement=agreement, label=label, prefix=raw[:10], key_hash=hash_key(raw)
    )
    return key, raw


def raw_key_from(request: HttpRequest) -> str:
    header = request.headers.get("X-API-Key") or request.headers.get("Authorization") or ""
    if header.lower().startswith("basic "):
        return ""  # a staging site's HTTP basic auth, not a partner key
    if header.lower().startswith(("bearer ", "token ")):
        header = header.split(" ", 1)[1]
    return header.strip()


def key_for(request: HttpRequest) -> PartnerKey | None:
    raw = raw_key_from(request)
    if not raw:
        return None
    return PartnerKey.objects.select_related("agreement").filter(key_hash=hash_key(raw)).first()


def is_usable(key: PartnerKey, today=None) -> bool:
    return key.revoked_at is None and key.agreement.is_active(today)


def covered_dataset_ids(key: PartnerKey | None) -> set[int]:
    """Datasets shared with partners that this key's agreement covers today (empty if none)."""
    if key is None or not is_usable(key):
        return set()
    return set(key.agreement.datasets.filter(visibility="mitra").values_list("pk", flat=True))


def over_limit(key: PartnerKey) -> bool:
    """Count one use against the key's hourly budget; True once it is spent."""
    bucket = f"opendata:key:{key.pk}:{int(timezone.now().timestamp()) // RATE_WINDOW}"
    cache.add(bucket, 0, RATE_WINDOW)
    try:
        used = cache.incr(bucket)
    except ValueError:
        cache.set(bucket, 1, RATE_WINDOW)
        used = 1
    return used > RATE_LIMIT


def log_use(request: HttpRequest, key: PartnerKey, *, allowed: bool, dataset=None) -> None:
    PartnerKeyUse.objects.create(
        key=key,
        path=request.path[:300],
        dataset=dataset,
        allowed=allowed,
        ip_address=client_ip(request) or None,
    )
