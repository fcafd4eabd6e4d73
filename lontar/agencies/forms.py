"""Admin form base for records that belong to an agency."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm


class AgencyScopedAdminForm(WagtailAdminModelForm):
    """Limits agency, unit and similar choices to what the editing user may manage."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        from lontar.agencies.selectors import agencies_visible_to

        visible = agencies_visible_to(for_user)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            model = queryset.model
            if model._meta.label == "agencies.Agency" and name != "parent":
                field.queryset = queryset.filter(pk__in=visible)
                if visible.count() == 1 and not self.instance.pk:
                    field.initial = visible.first().pk
            elif any(f.name == "agency" for f in model._meta.get_fields()):
                field.queryset = queryset.filter(agency__in=visible)
