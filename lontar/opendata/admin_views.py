"""Admin pages for partner keys: issue a key (shown once), revoke it, and the usage report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from lontar.agencies.admin_scoping import scope_queryset
from lontar.core.audit import Actor
from lontar.core.params import clean_text, parse_int
from lontar.opendata import partners, selectors, states
from lontar.opendata.models import PartnerAgreement

PERMISSION = states.KEY_PERMISSION


def agreement_keys(request: HttpRequest, pk: int) -> HttpResponse:
    """List the agreement's keys; POST `label` issues a key, POST `revoke` revokes one."""
    agreement = selectors.get_agreement_for_staff(request.user, pk)
    raw_key = ""
    if request.method == "POST":
        revoke = parse_int(request.POST.get("revoke"), "revoke", minimum=1)
        if revoke is not None:
            key = get_object_or_404(agreement.keys.all(), pk=revoke)
            # Revoking twice (a double click) changes nothing and records nothing.
            if "revoke" in partners.allowed_actions(key, request.user):
                partners.revoke_key(key, Actor.from_request(request))
        else:
            label = (
                clean_text(request.POST.get("label"), "label", max_length=100)
                or agreement.partner_name[:100]
            )
            _key, raw_key = partners.issue_key(agreement, label, Actor.from_request(request))
    keys = list(
        agreement.keys.annotate(
            use_count=Count("uses"),
            refused=Count("uses", filter=Q(uses__allowed=False)),
            last_used=Max("uses__at"),
        ).order_by("-created_at")
    )
    for key in keys:
        key.actions = partners.allowed_actions(key, request.user)
    return TemplateResponse(
        request,
        "opendata/admin/keys.html",
        {"agreement": agreement, "keys": keys, "raw_key": raw_key},
    )


def usage_report(request: HttpRequest) -> HttpResponse:
    """Per partner: uses allowed and refused, and the last use."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    agreements = (
        scope_queryset(PartnerAgreement.objects.all(), request.user, "agency")
        .select_related("agency")
        .annotate(
            allowed=Count("keys__uses", filter=Q(keys__uses__allowed=True)),
            refused=Count("keys__uses", filter=Q(keys__uses__allowed=False)),
            last_used=Max("keys__uses__at"),
        )
        .order_by("partner_name")
    )
    return TemplateResponse(request, "opendata/admin/usage.html", {"agreements": agreements})
