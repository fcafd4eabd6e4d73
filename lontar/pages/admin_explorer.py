"""Wagtail's page explorer, with costs that do not grow with the number of children (issue 22).

A news index holds every article of an agency as its children (100,000 in the large data set).
Wagtail's explorer (`ExplorableIndexView`) lists them a page of 50 at a time, but on each view it
also counted every child through a join with every page the user may explore, and filled the
"Owner" and "Edited by" filters from a DISTINCT over every page and every edit. Here, with the
same columns, order, filters and results:

- the number of children (the "n items" and page links) is the parent's own `numchild`, kept by
  the page tree on every add, move and delete, whenever that is provably the count: no search or
  filter, no `construct_explorer_page_queryset` hook, and a user who may explore the whole
  subtree (a superuser, or a page permission on the parent or an ancestor of it); otherwise
  Wagtail counts as before;
- the two user filters list the same users, found by one indexed lookup per user;
- the newest-edited-first order (Wagtail's default) walks the index `scale_page_revised`
  (pages/migrations) instead of sorting every child; and when the user may explore the whole
  subtree, the listing is not joined with every page the user may explore (which holds every
  child: the join only made the databases read all of them).

It is installed the way Wagtail supports customising the explorer of one page type's parent:
a `PageViewSet` of the child model whose `index_view_class` is `ExplorerView`
(`explorer_viewset_for`; news/wagtail_hooks.py registers the news articles' one). Its listing
stays Wagtail's generic page listing (model `Page`: the same columns, the "Page type" filter,
and a whole-tree search over every page).
"""

from __future__ import annotations

from django.contrib.auth import get_permission_codename, get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.views.pages.listing import (
    EditedByFilter,
    ExplorableIndexView,
    GenericPageFilterSet,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageLogEntry

# The actions for which Wagtail makes a page and its whole subtree explorable
# (`PagePermissionPolicy.explorable_instances`).
EXPLORE_ACTIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")


def page_owners(request=None) -> QuerySet:
    """The users owning at least one page: an indexed lookup per user, not a scan of pages."""
    owned = Page.objects.filter(owner=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(owned))


def page_editors(request=None) -> QuerySet:
    """The users who edited at least one page."""
    edits = PageLogEntry.objects.filter(action="wagtail.edit", user=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(edits))


class BoundedPageFilterSet(GenericPageFilterSet):
    owner = MultipleUserFilter(
        label=_("Owner"), queryset=page_owners, widget=CheckboxSelectMultiple
    )
    edited_by = EditedByFilter(
        label=_("Edited by"), queryset=page_editors, widget=CheckboxSelectMultiple
    )

    class Meta(GenericPageFilterSet.Meta):
        pass


def subtree_explorable(policy, user, page: Page) -> bool:
    """Whether every child of `page` is in `policy.explorable_instances(user)`."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    codenames = {get_permission_codename(action, Page._meta) for action in EXPLORE_ACTIONS}
    return any(
        perm.permission.codename in codenames and page.path.startswith(perm.page.path)
        for perm in policy.get_cached_permissions_for_user(user)
    )


class ExplorerView(ExplorableIndexView):
    base_filterset_class = BoundedPageFilterSet

    @cached_property
    def subtree_explorable(self) -> bool:
        return subtree_explorable(self.permission_policy, self.request.user, self.parent_page)

    def get_base_queryset(self):
        if self.is_searching_whole_tree or not self.subtree_explorable:
            return super().get_base_queryset()
        # Wagtail's own, less the filter by the explorable pages, which holds all of these.
        manager = self.model._default_manager
        if self.is_searching or self.is_filtering:
            pages = manager.descendant_of(self.parent_page)
        else:
            pages = manager.child_of(self.parent_page)
        return self.annotate_queryset(pages)

    def counts_from_tree(self) -> bool:
        return (
            not self.is_searching
            and not self.is_filtering
            and not hooks.get_hooks("construct_explorer_page_queryset")
            and self.subtree_explorable
        )

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(queryset, per_page, *args, **kwargs)
        if self.counts_from_tree():
            # `count` is a cached property: the stored value stands in for the COUNT query.
            paginator.count = self.parent_page.numchild
        return paginator


def explorer_viewset_for(child_model: type[Page], name: str) -> PageViewSet:
    """A viewset making `ExplorerView` the explorer of `child_model`'s parents (those whose only
    allowed children are `child_model`: Wagtail's `PageViewSet.parent_models`)."""

    class ChildrenExplorerViewSet(PageViewSet):
        model = child_model
        index_view_class = ExplorerView
        filterset_class = BoundedPageFilterSet
        columns = ExplorerView.base_columns

        def get_index_view_kwargs(self, **kwargs):
            # The generic listing of the parent's children, as Wagtail shows it by default.
            return {**super().get_index_view_kwargs(**kwargs), "model": Page}

    return ChildrenExplorerViewSet(name)
