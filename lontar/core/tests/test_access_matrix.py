"""T-AC-1: every URL pattern × role × method against docs/security/access-policy.toml.

One test walks `get_resolver()`; a pattern the policy does not name fails it (new URLs cannot
ship without a reviewed policy row), and so does a policy row naming a pattern that no longer
exists. GETs run as each role on agency A's sample records; object URLs run again as staff of
agency B holding every non-platform role (`other` in the policy, normally 404). POSTs run
without a CSRF token and must be refused with 403 unless the policy says otherwise. T-AC-4:
the GETs leave the row counts of a sample of models unchanged.

Draft rows for new patterns: LONTAR_ACCESS_DRAFT=/tmp/draft.toml writes what each pattern
answered today (one file per shard, /tmp/draft.toml.0 …). A draft records behaviour, not
intent: review every row before committing it.
"""

from __future__ import annotations

import os
import time

import pytest
from django.apps import apps
from django.test import Client
from django.urls import NoReverseMatch

from lontar.agencies.roles import Role
from lontar.agencies.tests.factories import UserFactory, agency_with_site, staff_member
from lontar.core.tests import access_matrix as matrix
from lontar.core.tests.access_world import build_records, scoped_snippet_viewsets

pytestmark = pytest.mark.django_db

ROW_COUNT_MODELS = (
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "ppid.informationrequest",
    "ppid.requestevent",
    "qna.question",
    "news.articlelike",
    "opendata.partnerkeyuse",
    "survey.surveyresponse",
    "auth.user",
)


def _objection(agency, information_request):
    from lontar.core.audit import Actor
    from lontar.objections.services import ObjectionDetails, register_objection

    objection, _code = register_objection(
        agency=agency,
        details=ObjectionDetails(
            grounds=["c"],
            case_summary="Tidak ditanggapi.",
            objector_name="Pengaju Rahasia",
            address="Jalan Uji",
            phone="081234567890",
            information_request=information_request,
        ),
        received_at=information_request.received_at,
        actor=Actor.system(),
    )
    return objection


def _world() -> dict:
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Workflow

    from lontar.ppid.tests.helpers import make_request
    from lontar.qna.tests.helpers import make_question

    agency_a = agency_with_site(hostname="localhost", default=True, short_name="BKD-A")
    agency_b = agency_with_site(hostname="dinas-b.localhost", short_name="DINAS-B")
    records = build_records(agency_a)
    home = agency_a.site.root_page
    page = home.get_children().get(slug="profil").specific
    image = apps.get_model("wagtailimages", "Image").objects.create(
        title="Foto internal A", file=get_test_image_file(), collection=agency_a.collection
    )
    information_request, _code = make_request(agency_a)
    question = make_question(agency_a)
    objection = _objection(agency_a, information_request)
    users = {
        "citizen": UserFactory(username="warga"),
        "writer": staff_member(agency_a, Role.WRITER, username="penulis-a"),
        "editor": staff_member(agency_a, Role.EDITOR, username="editor-a"),
        "ppid": staff_member(agency_a, Role.PPID_OFFICER, username="ppid-a"),
        "atasan": staff_member(agency_a, Role.PPID_SUPERIOR, username="atasan-a"),
        "admin": staff_member(agency_a, Role.AGENCY_ADMIN, username="admin-a"),
        "platform": staff_member(agency_a, Role.PLATFORM_ADMIN, username="admin-platform"),
        "other": staff_member(
            agency_b,
            Role.EDITOR,
            Role.PPID_OFFICER,
            Role.PPID_SUPERIOR,
            Role.AGENCY_ADMIN,
            username="serba-bisa-b",
        ),
    }
    from django.contrib.auth.models import Group

    return {
        "agency": agency_a,
        "records": records,
        "home": home,
        "page": page,
        "revision": page.latest_revision,
        "image": image,
        "document": records["programs.planningdocument"].document,
        "request": information_request,
        "question": question,
        "objection": objection,
        "users": users,
        "group": Group.objects.get(name=f"{agency_a.short_name} · {Role.EDITOR.value}"),
        "workflow": Workflow.objects.order_by("pk").first(),
    }


def _pk_for(route: matrix.Route, world: dict):
    """The pk a pattern's view serves: agency A's record of the view's model."""
    namespace = route.namespace
    records = world["records"]
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            app_label, model_name = namespace[len(prefix) :].split("_", 1)
            record = records.get(f"{app_label}.{model_name}")
            return record.pk if record else None
    by_namespace = {
        "wagtailadmin_pages": world["page"].pk,
        "wagtailadmin_api:pages": world["page"].pk,
        "wagtailadmin_api:images": world["image"].pk,
        "wagtailadmin_api:documents": world["document"].pk,
        "wagtailimages_chooser": world["image"].pk,
        "wagtaildocs_chooser": world["document"].pk,
        "wagtailadmin_collections": world["agency"].collection_id,
        "wagtailsites": world["agency"].site_id,
        "wagtailusers_users": world["users"]["writer"].pk,
        "wagtailusers_groups": world["group"].pk,
        "regulations": records["regulations.legaldocument"].pk,
        "wagtailadmin_workflows": world["workflow"].pk if world["workflow"] else 1,
    }
    if namespace in by_namespace:
        return by_namespace[namespace]
    by_name = {
        "programs:detail": records["programs.program"].pk,
        "programs:event": records["programs.event"].pk,
        "opendata:download": records["opendata.resource"].pk,
        "opendata_agreement_keys": records["opendata.partneragreement"].pk,
        "survey_publish_period": records["survey.surveyperiod"].pk,
        "qna:detail": world["question"].pk,
        "qna:feedback": world["question"].pk,
        "ppid:tracked-document": 1,  # no released document: the tracked request's own scope
    }
    if route.name in by_name:
        return by_name[route.name]
    if route.name and route.name.startswith("ppid_admin_"):
        return world["request"].pk
    if route.name and route.name.startswith("qna_admin_"):
        return world["question"].pk
    if route.name and route.name.startswith("objections_admin_"):
        return world["objection"].pk
    if route.name == "infolist_admin_notice":
        return records["infolist.urgentnotice"].pk
    return None


def _sample_kwargs(route: matrix.Route, entry: dict, world: dict) -> dict:
    records = world["records"]
    page = world["page"]
    samples = {
        "page_id": page.pk,
        "parent_page_id": world["home"].pk,
        "page_to_move_id": page.pk,
        "destination_id": world["home"].pk,
        "content_type_app_name": "pages",
        "content_type_model_name": "standardpage",
        "app_label": "pages",
        "model_name": "standardpage",
        "app_name": "pages",
        "revision_id": world["revision"].pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": world["image"].pk,
        "document_id": world["document"].pk,
        "doc_id": world["document"].pk,
        "filter_spec": "fill-80x80",
        "collection_id": world["agency"].collection_id,
        "page_pk": page.pk,
        "workflow_pk": world["workflow"].pk if world["workflow"] else 1,
        "task_id": 1,
        "task_state_id": 1,
        "workflow_state_id": 1,
        "uploaded_file_id": 1,
        "session_id": 1,
        "object_id": page.pk,
        "action_name": "approve",
        "action": "delete",
        "redirect_id": 1,
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "document_pk": 1,
        "which": "identitas",
        "kind": "pemberitahuan",
        "slug": records["opendata.dataset"].slug,
        "show_slug": records["podcast.show"].slug,
        "extension": "mp3",
        "category": "sosialisasi",
        "source": "berita",
        "unit_slug": "tidak-ada",
        "period_id": records["survey.surveyperiod"].pk,
        "token": "token-tidak-ada",
        "name": "package_list",
        "uidb64": "MQ",
        "token_": "x",
    }
    kwargs = {}
    for name in route.converters:
        if name == "pk":
            kwargs[name] = _pk_for(route, world)
        else:
            kwargs[name] = samples.get(name)
        if kwargs[name] is None:
            kwargs.pop(name)
    kwargs.update(entry.get("params", {}))
    return kwargs


def _world_ids(world: dict) -> dict[str, int]:
    """Names a policy `url` may use in braces, e.g. "/dokumen/{document}/x.pdf"."""
    return {
        "page": world["page"].pk,
        "home": world["home"].pk,
        "document": world["document"].pk,
        "document_file": world["document"].filename,  # storage may have suffixed the name
        "image": world["image"].pk,
        "request": world["request"].pk,
        "question": world["question"].pk,
        "agency": world["agency"].pk,
        "writer": world["users"]["writer"].pk,
    }


def _clients(world: dict) -> dict[str, Client]:
    from lontar.ppid.views import _TRACKED

    clients = {"anon": Client(enforce_csrf_checks=True, raise_request_exception=False)}
    tracker = Client(enforce_csrf_checks=True, raise_request_exception=False)
    session = tracker.session
    session[_TRACKED] = {"id": world["request"].pk, "at": time.time()}
    session.save()
    clients["tracker"] = tracker
    for role, user in world["users"].items():
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        client.force_login(user)
        clients[role] = client
    return clients


def _row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in ROW_COUNT_MODELS}


def _draft_class(answer: str) -> str:
    return "deny" if answer == "403" else answer


def _answer(client: Client, method: str, url: str) -> str:
    response = getattr(client, method)(url)
    if response.streaming:
        # Drain file responses so their handles close (close() would end the DB connection).
        b"".join(response.streaming_content)
    return matrix.classify(response)


# The walk is split so that xdist spreads it over its workers (one walk takes minutes); each
# shard builds its own sample world and checks every SHARDS-th pattern.
SHARDS = 6


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_url_pattern_answers_as_the_policy_says(shard):
    drafting = bool(os.environ.get("LONTAR_ACCESS_DRAFT"))
    policy = matrix.load_policy()
    profiles = {"csrf": "403", **policy.get("profiles", {})}
    entries = policy.get("urls", {})
    routes = matrix.project_routes()
    if drafting:
        for route in routes:
            default = {"get": "any", "post": "any"}
            if route.converters:
                default["other"] = "any"
            entries.setdefault(route.key, default)

    unknown = sorted({r.key for r in routes} - set(entries))
    stale = sorted(set(entries) - {r.key for r in routes})
    if shard == 0:
        assert not unknown, "URL patterns without a row in access-policy.toml:\n" + "\n".join(
            unknown
        )
        assert not stale, "rows in access-policy.toml naming no URL pattern:\n" + "\n".join(stale)

    # Object URLs of agency-scoped snippets must answer 404 to another agency: not negotiable
    # per row, so a reviewer cannot relax it by editing the policy.
    scoped = {
        f"wagtailsnippets_{v.model._meta.app_label}_{v.model._meta.model_name}"
        for v in scoped_snippet_viewsets()
    }
    scoped |= {name.replace("wagtailsnippets_", "wagtailsnippetchoosers_") for name in scoped}
    relaxed = [
        r.key
        for r in routes
        if r.namespace in scoped and "pk" in r.converters and entries[r.key].get("other") != "404"
    ]
    if shard == 0:
        assert not relaxed, "scoped snippet object URLs need other = 404:\n" + "\n".join(relaxed)

    world = _world()
    clients = _clients(world)
    counts_before = _row_counts()
    mismatches: list[str] = []
    draft: list[str] = []
    seen: set[str] = set()

    unique = []
    for route in routes:
        if route.key not in seen:
            seen.add(route.key)
            unique.append(route)
    for route in unique[shard::SHARDS]:
        entry = entries.get(route.key)
        if entry is None:  # reported by shard 0
            continue
        if "skip" in entry:
            continue
        try:
            if "url" in entry:
                url = entry["url"].format(**_world_ids(world))
            else:
                url = matrix.build_url(route, _sample_kwargs(route, entry, world))
        except (ValueError, NoReverseMatch) as error:
            mismatches.append(
                f"{route.key}: no sample URL ({error}); give `url`, `params` or `skip`"
            )
            draft.append(f'"{route.key}" = {{ skip = "TODO: no sample URL" }}')
            continue
        expected_get = matrix.expand_row(entry["get"], profiles)
        expected_post = matrix.expand_row(entry.get("post", "csrf"), profiles)
        got = {}
        for role, expected in expected_get.items():
            got[role] = _answer(clients[role], "get", url)
            if not matrix.matches(got[role], expected):
                mismatches.append(
                    f"GET  {route.key}  {role}: want {expected}, got {got[role]}  {url}"
                )
        # A missing CSRF token is refused by middleware before any role check; the role with
        # the most rights shows it for all.
        for role in ("platform",):
            answer = _answer(clients[role], "post", url)
            if not matrix.matches(answer, expected_post[role]):
                mismatches.append(
                    f"POST {route.key}  {role}: want {expected_post[role]}, got {answer}  {url}"
                )
        other = None
        if "other" in entry:
            other = _answer(clients["other"], "get", url)
            if not matrix.matches(other, entry["other"]):
                mismatches.append(
                    f"GET  {route.key}  other agency: want {entry['other']}, got {other}  {url}"
                )
        if entry.get("logs_out"):
            clients = _clients(world)
        draft.append(
            f'"{route.key}" = {{ get = "{" ".join(_draft_class(got[r]) for r in matrix.ROLES)}"'
            + (f', other = "{_draft_class(other)}"' if other else "")
            + " }"
        )

    if os.environ.get("LONTAR_ACCESS_DRAFT"):
        with open(f"{os.environ['LONTAR_ACCESS_DRAFT']}.{shard}", "w") as handle:
            handle.write("\n".join(draft) + "\n")
    assert _row_counts() == counts_before, "a GET changed rows (T-AC-4)"
    assert not mismatches, f"{len(mismatches)} mismatches:\n" + "\n".join(mismatches)
