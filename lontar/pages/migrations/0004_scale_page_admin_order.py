"""Issue 22: an index for the page explorer's default order (newest edit first) among the
children of one page — a news index's 100,000 articles were sorted on every view of its
listing (pages/admin_explorer.py). On Wagtail's table, so created in SQL."""

from django.db import migrations

NAME = "scale_page_depth_revised"


def create(apps, schema_editor):
    # PostgreSQL sorts NULL first in a descending index unless told; Wagtail orders
    # "latest_revision_created_at DESC NULLS LAST". SQLite's NULL is the smallest value, so a
    # plain descending index is already in that order (and it has no NULLS clause for indexes).
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {NAME} ON wagtailcore_page (depth, latest_revision_created_at DESC{nulls})"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_content_locales"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
