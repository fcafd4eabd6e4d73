"""One way to keep each agency's staff inside their own agency's records in the Wagtail admin.

Every app whose model carries an `agency` foreign key registers its admin through
`AgencyScopedSnippetViewSet` and gives its model `AgencyScopedAdminForm` as `base_form_class`:
listings and choosers show only the staff member's agency, any URL naming another agency's
record answers 404 (edit, delete, copy, inspect, history, usage, revisions, the chooser's
"chosen" endpoint, and whatever side endpoint Wagtail adds later), choosers need a permission
on the model, and the agency a record belongs to can only be chosen among the agencies the user
may manage. Platform admins (superusers) see every agency.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from lontar.agencies.selectors import agencies_visible_to

# What Wagtail's own snippet listing (`IndexView.any_permission_required`) asks for; a chooser
# is a listing too, so it asks for the same.
LISTING_ACTIONS = ("add", "change", "delete", "view")


def scope_queryset(queryset: QuerySet, user, agency_path: str) -> QuerySet:
    """Only the rows belonging to agencies the user may manage ("self": the agencies)."""
    if user.is_superuser:
        return queryset
    lookup = "pk__in" if agency_path == "self" else f"{agency_path}__in"
    return queryset.filter(**{lookup: agencies_visible_to(user)})


def agency_path_of(model: type[Model]) -> str:
    return getattr(model, "agency_scope", "agency")


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


def user_may_list(user, model: type[Model]) -> bool:
    """Whether the user holds any of the permissions Wagtail asks for to list the model."""
    if user.is_superuser:
        return True
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in LISTING_ACTIONS
    )


def object_in_scope(user, model: type[Model], pk) -> bool:
    """Whether the record named in a URL exists *and* belongs to an agency the user manages."""
    queryset = scope_queryset(model._default_manager.all(), user, agency_path_of(model))
    try:
        return queryset.filter(pk=unquote(str(pk))).exists()
    except (ValueError, TypeError, ValidationError):
        return False


def refuse_objects_outside_agency(view: Callable, model: type[Model]) -> Callable:
    """Wrap a URL's view: a `pk` of another agency's record (or of none) answers 404.

    Applied to every URL pattern of a scoped viewset, so side endpoints that Wagtail adds in a
    later release are covered without listing them here. 404, not 403: another agency's
    records are not to be confirmed as existing.
    """

    @functools.wraps(view)
    def scoped_view(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not object_in_scope(request.user, model, pk):
            raise Http404
        return view(request, *args, **kwargs)

    return scoped_view


def _scope_urlpatterns(urlpatterns: list, model: type[Model]) -> list:
    for pattern in urlpatterns:
        pattern.callback = refuse_objects_outside_agency(pattern.callback, model)
    return urlpatterns


# --- Snippet views ------------------------------------------------------------------------------


class _ScopedObjectMixin:
    """Second line behind the URL wrapper, for views reached without a `pk` URL argument."""

    @property
    def agency_path(self) -> str:
        return agency_path_of(self.model)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not user_may_manage(self.request.user, obj, self.agency_path):
            raise Http404
        return obj


def listed_relations(model: type[Model], list_display) -> list[str]:
    """The forward foreign keys among a listing's columns: read with the rows in one join.

    Wagtail's snippet listing reads each row's related record for its column separately, one
    query per row shown (issue 22: 14 more queries once a page of datasets is full)."""
    names = []
    for column in list_display or ():
        name = column if isinstance(column, str) else getattr(column, "name", None)
        try:
            field = model._meta.get_field(name) if name else None
        except FieldDoesNotExist:
            continue
        if field is not None and field.concrete and (field.many_to_one or field.one_to_one):
            names.append(name)
    return names


class ScopedIndexView(_ScopedObjectMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        related = listed_relations(self.model, self.list_display)
        if related:
            queryset = queryset.select_related(*related)
        return scope_queryset(queryset, self.request.user, self.agency_path)


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


# --- Chooser views ------------------------------------------------------------------------------


class _ChooserMixin:
    """A chooser is a listing: same permission as the listing, same agency scope."""

    def dispatch(self, request, *args, **kwargs):
        if not user_may_list(request.user, self.model_class):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _scoped(self, queryset: QuerySet) -> QuerySet:
        return scope_queryset(queryset, self.request.user, agency_path_of(self.model_class))


class ScopedChooseView(_ChooserMixin, chooser_views.ChooseView):
    def get_object_list(self):
        return self._scoped(super().get_object_list())


class ScopedChooseResultsView(_ChooserMixin, chooser_views.ChooseResultsView):
    def get_object_list(self):
        return self._scoped(super().get_object_list())


class ScopedChosenView(_ChooserMixin, chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return self._scoped(self.model_class._default_manager.all()).get(pk=pk)


class ScopedChosenMultipleView(_ChooserMixin, chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self._scoped(super().get_objects(pks))


class ScopedChooserCreateView(_ChooserMixin, chooser_views.SnippetCreateView):
    pass


class ScopedSnippetChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedChooserCreateView

    def get_urlpatterns(self):
        return _scope_urlpatterns(super().get_urlpatterns(), self.model)


class AgencyScopedSnippetViewSet(SnippetViewSet):
    """A snippet admin whose every view and chooser stays inside the user's agency.

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
    chooser_viewset_class = ScopedSnippetChooserViewSet

    def get_urlpatterns(self):
        return _scope_urlpatterns(super().get_urlpatterns(), self.model)
