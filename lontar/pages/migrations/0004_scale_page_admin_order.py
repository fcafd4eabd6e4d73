"""Issue 22: two indexes on Wagtail's page table (so created in SQL) for the admin:

- `scale_page_revised`: the page explorer's default order (newest edit first) among the children
  of one page — a news index's 100,000 articles were sorted on every view of its listing
  (pages/admin_explorer.py);
- `scale_page_roots`: the tree's root (`depth = 1`), which Wagtail reads on every admin page for a
  superuser (the sidebar's explorable root) and treebeard for `get_first_root_node()`; without an
  index on the depth each of these read every page. Partial, so that no `depth >= n` of a
  subtree query is tempted to walk it."""

from django.db import migrations

NAME = "scale_page_revised"
ROOTS = "scale_page_roots"


def create(apps, schema_editor):
    # PostgreSQL sorts NULL first in a descending index unless told; Wagtail orders
    # "latest_revision_created_at DESC NULLS LAST". SQLite's NULL is the smallest value, so a
    # plain descending index is already in that order (and it has no NULLS clause for indexes).
    # The order leads: with `depth` first, SQLite chose the index for every `depth >= n` of a
    # subtree (the writing-culture dashboard's month of articles) over the publish-date index.
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {NAME} ON wagtailcore_page (latest_revision_created_at DESC{nulls}, depth)"
    )
    schema_editor.execute(f"CREATE INDEX {ROOTS} ON wagtailcore_page (path) WHERE depth = 1")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {ROOTS}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_content_locales"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
