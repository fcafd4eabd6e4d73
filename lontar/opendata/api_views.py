"""HTTP side of the CKAN Action API: parameters from GET or a JSON/form POST, the envelope,
and the partner key (refused, rate-limited and logged)."""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lontar.core.public_urls import absolute_url_for_request, base_url_for_request
from lontar.opendata import ckan, partners
from lontar.opendata.ckan_params import ActionError, invalid


def _params(request: HttpRequest) -> dict:
    if request.method == "POST":
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, RecursionError) as error:
                raise invalid("body", "Isi permintaan bukan JSON yang sah") from error
            if not isinstance(body, dict):
                raise invalid("body", "Isi permintaan harus berupa objek JSON")
            return body
        return request.POST.dict()
    params: dict = request.GET.dict()
    if "facet.field" in request.GET:
        params["facet.field"] = request.GET["facet.field"]
    return params


def _envelope(request: HttpRequest, name: str, *, result=None, error=None, status=200):
    help_url = absolute_url_for_request(request, f"/api/3/action/help_show?name={name}")
    data: dict = {"help": help_url, "success": error is None}
    if error is None:
        data["result"] = result
    else:
        data["error"] = error
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(request, name: str, error: ActionError):
    return _envelope(request, name, error=error.as_dict(), status=error.status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def action(request: HttpRequest, name: str) -> JsonResponse:
    function = ckan.ACTIONS.get(name)
    if function is None:
        return _envelope(
            request,
            name,
            error={"__type": "Bad request", "message": f"Action name not known: {name}"},
            status=400,
        )
    key = partners.key_for(request)
    if partners.raw_key_from(request) and key is None:
        return _error(request, name, ActionError("Authorization Error", "Kunci tidak sah", 403))
    if key is not None:
        if not partners.is_usable(key):
            partners.log_use(request, key, allowed=False)
            return _error(
                request,
                name,
                ActionError("Authorization Error", "Kunci dicabut atau di luar masa berlaku", 403),
            )
        if partners.over_limit(key):
            partners.log_use(request, key, allowed=False)
            return _error(
                request,
                name,
                ActionError("Authorization Error", "Batas permintaan terlampaui", 429),
            )
    ctx = ckan.Context(
        base_url=base_url_for_request(request),
        partner_ids=partners.covered_dataset_ids(key),
    )
    try:
        result = function(_params(request), ctx)
    except ActionError as error:
        if key is not None:
            dataset = ctx.refused[0] if ctx.refused else None
            partners.log_use(request, key, allowed=False, dataset=dataset)
        return _error(request, name, error)
    except (ValueError, TypeError, OverflowError):
        # A parameter of a shape no action expected: CKAN answers such input with 409 too.
        if key is not None:
            partners.log_use(request, key, allowed=False)
        return _error(request, name, ActionError("Validation Error", "Parameter tidak sah", 409))
    if key is not None:
        partners.log_use(request, key, allowed=True)
    return _envelope(request, name, result=result)


@require_http_methods(["GET", "HEAD"])
def api_version(request: HttpRequest, version: int = 1) -> JsonResponse:
    """CKAN's version document: `/api/3` answers `{"version": 3}` (clients probe it)."""
    response = JsonResponse({"version": version})
    response["Access-Control-Allow-Origin"] = "*"
    return response
