"""The search index read model by model, newest first (issue 22; search/candidates.py).

SQLite: a second FTS5 index over Wagtail's search index entries that also indexes each entry's
content type, so the site search reads one model's matches newest first without walking the
other models'. It stores no text (external content: the entries' own columns), is filled from
the entries once here and kept in step by triggers.

PostgreSQL: a B-tree index `(content_type_id, id)`, along which a model's entries are read
newest first (the primary key walked every model's), and a GIN index over each entry's words
plus a word for its content type (`ct<id>`), which finds a model's matches of a word it rarely
holds as one intersection (search/postgres_index.py; the expression is repeated there).
"""

from django.db import migrations

TABLE = "search_typed_fts"
ENTRIES = "wagtailsearch_indexentry"
COLUMNS = "content_type_id, title, body"
NEW = "new.content_type_id, new.title, new.body"
OLD = "old.content_type_id, old.title, old.body"

CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}, content='{ENTRIES}', content_rowid='id')",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {ENTRIES} BEGIN "
    f"INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {ENTRIES} BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    # Not on `title_norm`, which Wagtail rewrites for many entries after each indexing.
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF content_type_id, title, body ON {ENTRIES} "
    f"BEGIN INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _fts5(connection) -> bool:
    """SQLite with FTS5 and Wagtail's own FTS table (the index this one mirrors)."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [f"{ENTRIES}_fts"]
        )
        return cursor.fetchone() is not None


POSTGRES_TYPE_ID = "search_indexentry_type_id"
POSTGRES_TYPED_GIN = "search_indexentry_typed_gin"
TYPED = (
    "(to_tsvector('simple'::regconfig, 'ct' || content_type_id::text) "
    "|| COALESCE(title, ''::tsvector) || COALESCE(body, ''::tsvector))"
)


def create(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {POSTGRES_TYPE_ID} ON {ENTRIES} (content_type_id, id)"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {POSTGRES_TYPED_GIN} ON {ENTRIES} USING gin ({TYPED})"
            )
        return
    if not _fts5(connection):
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in CREATE:
            cursor.execute(statement)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {POSTGRES_TYPE_ID}")
            cursor.execute(f"DROP INDEX IF EXISTS {POSTGRES_TYPED_GIN}")
        return
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
