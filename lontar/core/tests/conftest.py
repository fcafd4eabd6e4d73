"""Fixtures of the hostile-input tests: one published site per test module."""

from __future__ import annotations

import pytest

from lontar.core.tests.hostile import Site, build_site


@pytest.fixture(scope="module")
def hostile_site(django_db_setup, django_db_blocker) -> Site:
    """One published site for a whole module (building it takes seconds), rolled back at the
    end; each test still runs in its own savepoint, so what a test stores goes away with it."""
    from django.db import transaction

    from lontar.agencies.tests.factories import agency_with_site

    with django_db_blocker.unblock(), transaction.atomic():
        agency = agency_with_site(hostname="localhost", default=True, short_name="BKD-A")
        yield build_site(agency)
        transaction.set_rollback(True)


@pytest.fixture
def site(db, hostile_site) -> Site:
    return hostile_site
