"""A stock ckanext-harvest CKANHarvester harvests Lontar, in its five configurations.

The harvester's code is the real one, installed from PyPI (`ckanext-harvest`, a test
dependency): `CKANHarvester.gather_stage`, `_search_for_datasets`, `_get_group` and
`_get_organization` run unchanged and send their own HTTP requests (with `requests`) to the
live test server. Only what it needs from CKAN *core* — which cannot be installed here — is
stood in for: its database of harvest jobs (`last_error_free_job`, `HarvestObject.save`), the
plugin toolkit's version check, and the error log. Those are the harvesting site's own
bookkeeping, not part of the conversation with the remote CKAN that this test is about.
"""

from __future__ import annotations

import importlib
import json
import sys
import types
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from lontar.opendata.models import Dataset
from lontar.opendata.tests.helpers import make_dataset

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Source:
    url: str
    config: str


@dataclass
class Job:
    source: Source
    gather_started: datetime | None = None
    errors: list[str] = field(default_factory=list)
    objects: list = field(default_factory=list)


def _stub_ckan_core(monkeypatch) -> None:
    """Stand-ins for the CKAN core modules ckanharvester.py imports (see its first lines)."""

    def module(name: str, **attrs) -> types.ModuleType:
        stub = types.ModuleType(name)
        stub.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, stub)
        return stub

    class NotFound(Exception):
        pass

    class ValidationError(Exception):
        pass

    def get_action(name):
        raise AssertionError(f"the gather stage must not call local action {name}")

    toolkit = types.SimpleNamespace(requires_ckan_version=lambda **kw: None)
    module("ckan", __path__=[])
    module("ckan.model")
    module("ckan.logic", NotFound=NotFound, ValidationError=ValidationError, get_action=get_action)
    module("ckan.lib", __path__=[])
    module("ckan.lib.helpers", json=json)
    module("ckan.plugins", toolkit=toolkit, __path__=[])
    module("ckan.plugins.toolkit")

    class HarvestObject:
        def __init__(self, guid, job, content):
            self.guid, self.job, self.content = guid, job, content

        def save(self):
            self.job.objects.append(self)
            self.id = len(self.job.objects)

    class HarvesterBase:
        previous_job: Job | None = None

        def last_error_free_job(self, harvest_job):
            return self.previous_job

        def _save_gather_error(self, message, job):
            job.errors.append(message)

    module("ckanext.harvest.model", HarvestObject=HarvestObject)
    module("ckanext.harvest.harvesters.base", HarvesterBase=HarvesterBase)


@pytest.fixture
def harvester_class(monkeypatch):
    _stub_ckan_core(monkeypatch)
    for name in ("ckanext.harvest.harvesters", "ckanext.harvest.harvesters.ckanharvester"):
        sys.modules.pop(name, None)
    module = importlib.import_module("ckanext.harvest.harvesters.ckanharvester")
    yield module.CKANHarvester
    for name in ("ckanext.harvest.harvesters", "ckanext.harvest.harvesters.ckanharvester"):
        sys.modules.pop(name, None)


def _gather(harvester_class, url: str, config: dict, previous: Job | None = None) -> Job:
    harvester = harvester_class()
    harvester.previous_job = previous
    job = Job(Source(url=url, config=json.dumps(config)))
    harvester.gather_stage(job)
    assert job.errors == []
    return job


def _names(job: Job) -> set[str]:
    return {json.loads(obj.content)["name"] for obj in job.objects}


@pytest.fixture
def province(agency_a, agency_b):
    """More than one page of the harvester's 100 rows, across two agencies and a group."""
    make_dataset(agency_a, slug="pegawai-asn", groups=["kepegawaian"])
    make_dataset(agency_a, slug="formasi-cpns", title="Formasi CPNS", groups=["kepegawaian"])
    make_dataset(agency_a, slug="rahasia", title="Data mitra", visibility="mitra")
    Dataset.objects.bulk_create(
        Dataset(agency=agency_b, slug=f"statistik-{n:03d}", title=f"Statistik {n}", description="-")
        for n in range(110)
    )
    return {"public": {"pegawai-asn", "formasi-cpns"} | {f"statistik-{n:03d}" for n in range(110)}}


def test_first_run_harvests_every_public_dataset_over_several_pages(
    harvester_class, live_server, province
):
    job = _gather(harvester_class, live_server.url, {})
    assert _names(job) == province["public"]
    guids = [obj.guid for obj in job.objects]
    assert len(guids) == len(set(guids)) == 112
    assert {str(uuid) for uuid in Dataset.objects.values_list("uuid", flat=True)} >= set(guids)


def test_incremental_run_harvests_what_changed_since_the_last_job(
    harvester_class, live_server, province
):
    long_ago = timezone.now() - timedelta(days=30)
    Dataset.objects.update(updated_at=long_ago)
    changed = Dataset.objects.filter(slug__in=["pegawai-asn", "statistik-007"])
    changed.update(updated_at=timezone.now())
    # ckanext-harvest keeps gather_started as naive UTC and goes back one hour itself.
    previous = Job(Source(live_server.url, "{}"), gather_started=_utc_naive(days=2))
    job = _gather(harvester_class, live_server.url, {}, previous=previous)
    assert _names(job) == {"pegawai-asn", "statistik-007"}


def _utc_naive(days: int) -> datetime:
    return (datetime.now(UTC) - timedelta(days=days)).replace(tzinfo=None)


def test_organisation_include_and_exclude(harvester_class, live_server, province, agency_a):
    included = _gather(
        harvester_class,
        live_server.url,
        {"organizations_filter_include": [agency_a.slug, "instansi-lain"]},
    )
    assert _names(included) == {"pegawai-asn", "formasi-cpns"}
    excluded = _gather(
        harvester_class, live_server.url, {"organizations_filter_exclude": [agency_a.slug]}
    )
    assert _names(excluded) == {f"statistik-{n:03d}" for n in range(110)}


def test_group_include_and_the_groups_and_organisation_it_fetches(
    harvester_class, live_server, province, agency_a
):
    job = _gather(harvester_class, live_server.url, {"groups_filter_include": ["kepegawaian"]})
    assert _names(job) == {"pegawai-asn", "formasi-cpns"}
    harvester = harvester_class()
    harvester._set_config("{}")
    package = json.loads(job.objects[0].content)
    # import_stage with remote_groups/remote_orgs = "create" fetches these by the ids it read.
    group = harvester._get_group(live_server.url, package["groups"][0])
    assert (group["id"], group["name"]) == (package["groups"][0]["id"], "kepegawaian")
    organization = harvester._get_organization(live_server.url, package["owner_org"])
    assert organization["name"] == agency_a.slug and organization["id"] == package["owner_org"]
