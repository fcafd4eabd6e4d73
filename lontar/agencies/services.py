"""Writes that set up an agency's access rules and its staff's roles."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lontar.agencies.models import Agency
from lontar.agencies.roles import (
    COLLECTION_PERMISSIONS,
    MODEL_PERMISSIONS,
    PAGE_PERMISSIONS,
    Role,
    scope_group_name,
)
from lontar.agencies.selectors import agency_tree_roots


def _permission(codename: str, app_label: str | None = None) -> Permission:
    query = Permission.objects.filter(codename=codename)
    if app_label:
        query = query.filter(content_type__app_label=app_label)
    return query.get()


@transaction.atomic
def provision_agency(*, agency: Agency) -> None:
    """Give the agency a media collection and one scope group per role on its own page tree.

    Idempotent: run again after the agency's site or root page changes.
    """
    if agency.collection is None:
        root = Collection.get_first_root_node()
        agency.collection = root.add_child(name=agency.name)
        agency.save(update_fields=["collection"])
    root_page = agency.site.root_page if agency.site_id else None
    # The home page and its translations: the same rights on the Indonesian and English trees.
    tree_roots = agency_tree_roots(agency)

    for role in Role:
        if not PAGE_PERMISSIONS[role] and not COLLECTION_PERMISSIONS[role]:
            continue
        group, _ = Group.objects.get_or_create(name=scope_group_name(agency.short_name, role))
        if tree_roots:
            GroupPagePermission.objects.filter(group=group).exclude(page__in=tree_roots).delete()
            for page in tree_roots:
                for codename in PAGE_PERMISSIONS[role]:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=page, permission=_permission(codename, "wagtailcore")
                    )
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=agency.collection
        ).delete()
        for codename in COLLECTION_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=agency.collection, permission=_permission(codename)
            )
    if root_page is not None:
        _provision_moderation(agency, tree_roots or [root_page])


def _provision_moderation(agency: Agency, tree_roots) -> None:
    """Writers' submissions go to their own agency's editors, not to a platform-wide group."""
    name = f"Moderasi {agency.short_name}"
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=f"Persetujuan editor {agency.short_name}"
    )
    task.groups.set(
        Group.objects.filter(
            name__in=[
                scope_group_name(agency.short_name, Role.EDITOR),
                scope_group_name(agency.short_name, Role.AGENCY_ADMIN),
            ]
        )
    )
    workflow, _ = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in tree_roots:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


@transaction.atomic
def set_staff_roles(*, user, agency: Agency, roles: Iterable[Role]) -> None:
    """Make the user's group memberships exactly the given roles within the given agency."""
    roles = set(roles)
    role_names = {role.value for role in Role}
    keep = [
        group
        for group in user.groups.all()
        if group.name not in role_names and " · " not in group.name
    ]
    wanted = list(Group.objects.filter(name__in=[role.value for role in roles]))
    wanted += list(
        Group.objects.filter(name__in=[scope_group_name(agency.short_name, r) for r in roles])
    )
    user.groups.set(keep + wanted)
    is_platform_admin = Role.PLATFORM_ADMIN in roles
    if user.is_superuser != is_platform_admin or not user.is_staff:
        user.is_superuser = is_platform_admin
        user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])


def sync_role_groups() -> None:
    """Give each role group exactly the model permissions `roles.py` lists (run after migrate)."""
    wanted = {label for labels in MODEL_PERMISSIONS.values() for label in labels}
    found = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.filter(
            content_type__app_label__in={label.split(".")[0] for label in wanted},
            codename__in={label.split(".")[1] for label in wanted},
        ).values_list("pk", "content_type__app_label", "codename")
    }
    for role, labels in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        # An app's permissions appear once it is migrated.
        group.permissions.set([found[label] for label in labels if label in found])
