"""Wagtail's default workflow on the tree root asks a "Moderators" group that no longer exists
(0003); each agency gets its own workflow from provision_agency instead."""

from django.db import migrations


def deactivate_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    defaults = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=defaults, page__depth=1).delete()
    defaults.update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0003_remove_wagtail_default_groups"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(deactivate_default_workflow, migrations.RunPython.noop)]
