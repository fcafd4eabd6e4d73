"""One way to keep each agency's staff inside their own agency's records in the Wagtail admin.

Every app whose model carries an `agency` foreign key registers its admin through
`AgencyScopedSnippetViewSet` and gives its model `AgencyScopedAdminForm` as `base_form_class`:
listings show only the staff member's agency, opening another agency's record is refused, and
the agency a record belongs to can only be chosen among the agencies the user may manage.
Platform admins (superusers) see every agency.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from lontar.agencies.selectors import agencies_visible_to


def scope_queryset(queryset: QuerySet, user, agency_path: str) -> QuerySet:
    """Only the rows belonging to agencies the user may manage ("self": the agencies)."""
    if user.is_superuser:
        return queryset
    lookup = "pk__in" if agency_path == "self" else f"{agency_path}__in"
    return queryset.filter(**{lookup: agencies_visible_to(user)})


def _agency_id_of(obj: Model, agency_path: str):
    if agency_path == "self":
        return obj.pk
    *parents, last = agency_path.split("__")
    for part in parents:
        obj = getattr(obj, part)
    return getattr(obj, f"{last}_id")


def user_may_manage(user, obj: Model, agency_path: str = "agency") -> bool:
    if user.is_superuser:
        return True
    return agencies_visible_to(user).filter(pk=_agency_id_of(obj, agency_path)).exists()


class _ScopedObjectMixin:
    @property
    def agency_path(self) -> str:
        return getattr(self.model, "agency_scope", "agency")

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not user_may_manage(self.request.user, obj, self.agency_path):
            raise PermissionDenied
        return obj


class ScopedIndexView(_ScopedObjectMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        return scope_queryset(super().get_base_queryset(), self.request.user, self.agency_path)


class ScopedEditView(_ScopedObjectMixin, snippet_views.EditView):
    pass


class ScopedDeleteView(_ScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedInspectView(_ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedHistoryView(_ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedUsageView(_ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedCopyView(_ScopedObjectMixin, snippet_views.CopyView):
    pass


class AgencyScopedSnippetViewSet(SnippetViewSet):
    """A snippet admin whose every view stays inside the user's agency.

    The model names the path to its agency in `agency_scope` ("agency" by default, "self" for
    the Agency model, "information_request__agency" for a record one step away).
    """

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_class = ScopedCopyView
