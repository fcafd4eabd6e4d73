"""Running the integrity scan: store what it found, close what is gone, tell the platform admins.

A finding is identified by its fingerprint (kind, object and what was found). A scan that runs
every check closes the open findings it no longer sees (`resolved_at`) and opens new ones; a
partial scan (some checks left out) only adds. Platform admins get one e-mail per scan that
opened new findings.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lontar.integrity import rendered, scanner
from lontar.integrity.models import Finding

logger = logging.getLogger("lontar.integrity")

CONTENT = "content"
RENDERED = "rendered"
CODE = "code"
CHECKS = (CONTENT, RENDERED, CODE)
FINDINGS_URL_NAME = "integrity_findings"


@dataclass
class ScanResult:
    checks: tuple[str, ...]
    seen: int = 0
    opened: list[Finding] = field(default_factory=list)
    resolved: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def _candidates(checks: Iterable[str], seconds: dict[str, float]) -> Iterator[scanner.Candidate]:
    sources: dict[str, Callable[[scanner.Scope], Iterable[scanner.Candidate]]] = {
        CONTENT: lambda scope: [
            *scanner.scan_pages(scope),
            *scanner.scan_documents(scope),
            *scanner.scan_images(scope),
            *scanner.scan_redirects(scope),
        ],
        RENDERED: lambda scope: [*rendered.scan_rendered(scope), *rendered.scan_records(scope)],
        CODE: lambda scope: list(scanner.scan_code()),
    }
    scope = scanner.Scope()
    for check in checks:
        started = time.monotonic()
        found = sources[check](scope)
        seconds[check] = round(time.monotonic() - started, 2)
        yield from found


def run_scan(checks: Iterable[str] = CHECKS, *, notify: bool = True) -> ScanResult:
    """Run the checks, reconcile the stored findings and e-mail platform admins about new ones."""
    result = ScanResult(checks=tuple(checks))
    unknown = set(result.checks) - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown checks: {sorted(unknown)}")
    found: dict[str, scanner.Candidate] = {}
    for candidate in _candidates(result.checks, result.seconds):
        found.setdefault(candidate.fingerprint, candidate)
    result.seen = len(found)
    now = timezone.now()
    with transaction.atomic():
        open_findings = Finding.objects.select_for_update().filter(resolved_at__isnull=True)
        known = set(open_findings.values_list("fingerprint", flat=True))
        open_findings.filter(fingerprint__in=found.keys()).update(last_seen_at=now)
        if set(result.checks) == set(CHECKS):
            result.resolved = open_findings.exclude(fingerprint__in=found.keys()).update(
                resolved_at=now
            )
        result.opened = Finding.objects.bulk_create(
            [
                Finding(
                    agency_id=candidate.agency_id,
                    kind=candidate.kind,
                    object_type=candidate.object_type,
                    object_id=candidate.object_id[:255],
                    object_repr=candidate.object_repr[:255],
                    location=candidate.location[:500],
                    snippet=candidate.snippet[:2000],
                    fingerprint=fingerprint,
                    last_seen_at=now,
                )
                for fingerprint, candidate in found.items()
                if fingerprint not in known
            ]
        )
    logger.info(
        "integrity scan: %d seen, %d new, %d resolved, seconds %s",
        result.seen,
        len(result.opened),
        result.resolved,
        result.seconds,
    )
    if notify and result.opened:
        transaction.on_commit(lambda: notify_platform_admins(result.opened))
    return result


def platform_admin_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_platform_admins(findings: list[Finding]) -> int:
    """One e-mail to every platform admin listing the new findings; how many were sent."""
    recipients = platform_admin_addresses()
    if not recipients:
        logger.warning("integrity: %d new findings and no platform admin e-mail", len(findings))
        return 0
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "findings": findings[:50],
            "more": max(len(findings) - 50, 0),
            "count": len(findings),
            "url": base.rstrip("/") + reverse(FINDINGS_URL_NAME),
        }
        subject = render_to_string("integrity/email/new_findings_subject.txt", context).strip()
        body = render_to_string("integrity/email/new_findings.txt", context)
    send_mail(subject, body, None, recipients)
    return len(recipients)
