"""Abstract bases for records that belong to one agency, so each shape is written once.

`AgencyOwned` is any record of one agency: the `agency` key (verbose name "instansi", deleted
with its agency), `agency_scope = "agency"` for the admin scoping (`admin_scoping.py`) and the
scoped admin form. `AgencySlugged` adds what a short list of an agency's named entries shares
(news categories, survey units): name, slug unique within the agency, description, sort order,
and the ordering by agency, sort order and name.

A new record type of one agency, e.g. a complaint hotline, is written as

    from lontar.agencies.owned import AgencyOwned

    class Hotline(AgencyOwned):
        \"\"\"A complaint hotline of one agency.\"\"\"

        number = models.CharField(_("nomor"), max_length=30)

        panels = [FieldPanel("agency"), FieldPanel("number")]

        class Meta:
            verbose_name = _("saluran pengaduan")
            verbose_name_plural = _("saluran pengaduan")
            default_related_name = "hotlines"  # agency.hotlines

and registered in the admin with `AgencyScopedSnippetViewSet`; its staff then see and choose only
their own agency's hotlines. A list of named entries with addresses subclasses `AgencySlugged`
instead and keeps its Meta a subclass of `AgencySlugged.Meta` (ordering, unique slug). Name the
reverse accessor with `Meta.default_related_name` rather than by redeclaring `agency`: a
redeclared field moves after the inherited ones. Redeclare it only for another `on_delete`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from lontar.agencies.forms import AgencyScopedAdminForm


class AgencyOwned(models.Model):
    """A record of one agency, kept inside that agency in the admin."""

    # No related_name here: each model names its reverse accessor in Meta.default_related_name.
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.CASCADE
    )

    agency_scope = "agency"
    base_form_class = AgencyScopedAdminForm

    class Meta:
        abstract = True


class AgencySlugged(AgencyOwned):
    """A named entry of an agency's short list, addressed by a slug unique within the agency."""

    name = models.CharField(_("nama"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("keterangan"), blank=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["agency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "slug"], name="%(app_label)s_%(class)s_slug_unique_in_agency"
            )
        ]

    def __str__(self) -> str:
        return self.name
