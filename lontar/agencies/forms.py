"""Admin form base for records that belong to an agency."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.widgets import AdminSnippetChooser


class AgencyScopedAdminForm(WagtailAdminModelForm):
    """Limits agency, unit and similar choices to what the editing user may manage."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        from lontar.agencies.admin_scoping import user_may_list
        from lontar.agencies.selectors import agencies_visible_to

        visible = agencies_visible_to(for_user)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            model = queryset.model
            is_agency = model._meta.label == "agencies.Agency"
            # The snippet chooser lists only the user's own agency's records and only for users
            # holding a permission on the chosen model (an editor filing a program under a unit
            # holds none on units); a plain select over this form's own list serves them. An
            # agency's parent may be any agency, which the scoped chooser would not offer.
            if isinstance(field.widget, AdminSnippetChooser) and (
                (is_agency and name == "parent") or not user_may_list(for_user, model)
            ):
                field.widget = forms.Select()
                field.widget.choices = field.choices
            if is_agency and name != "parent":
                field.queryset = queryset.filter(pk__in=visible)
                if visible.count() == 1 and not self.instance.pk:
                    field.initial = visible.first().pk
            elif any(f.name == "agency" for f in model._meta.get_fields()):
                field.queryset = queryset.filter(agency__in=visible)
