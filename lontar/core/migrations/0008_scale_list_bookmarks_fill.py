"""Fill the stored counts and bookmarks of the long public lists once (core/bookmarks.py).

Runs the apps' own rebuilders (the worker runs the same daily): the lists are read with the
current code, so this is elidable once every installation has run it.
"""

from django.db import migrations


def fill(apps, schema_editor) -> None:
    from lontar.core import bookmarks

    bookmarks.rebuild_all()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_scale_list_bookmarks"),
        ("news", "0006_scale_province_announcements_index"),
        ("objections", "0002_scale_indexes"),
        ("ppid", "0010_scale_open_requests_index"),
        ("qna", "0003_scale_indexes"),
        ("regulations", "0005_scale_list_orders"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
