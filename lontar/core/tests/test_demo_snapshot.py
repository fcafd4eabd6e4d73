"""The demo restored from the per-process snapshot is the demo `load_demo` leaves."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from lontar.agencies.models import Agency
from lontar.core.tests import demo_snapshot

pytestmark = pytest.mark.django_db(transaction=True)


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        # FTS5's own segment tables change shape with every index write; the rows they index
        # are compared through their content tables.
        for table in demo_snapshot._tables():
            if "_fts_" in table:
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
        return counts


def test_a_restored_demo_has_every_row_file_and_address_and_takes_new_rows(settings):
    demo_snapshot.load_demo()
    loaded = _row_counts()
    assert loaded["news_newsarticlepage"] > 10

    # Another test's end: every table emptied, a file the demo wrote removed.
    call_command("flush", interactive=False, verbosity=0)
    assert _row_counts()["news_newsarticlepage"] == 0
    image = apps.get_model("wagtailimages", "Image")
    demo_snapshot.load_demo(port=8123)
    restored = _row_counts()
    assert restored == loaded
    file = image.objects.order_by("pk").first().file
    storage, name = file.storage, file.name
    storage.delete(name)
    demo_snapshot.load_demo(port=8123)
    assert storage.exists(name)
    assert Agency.objects.get(site__is_default_site=True).public_base_url.endswith(":8123")

    # New rows after a restore get fresh ids (sequences moved past the restored rows).
    tag = apps.get_model("taggit", "Tag")
    before = tag.objects.order_by("-pk").first().pk
    assert tag.objects.create(name="uji salinan", slug="uji-salinan").pk > before
