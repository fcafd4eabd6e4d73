"""Open data's own live dataset, registered like every other app's (see generators.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lontar.opendata import selectors
from lontar.opendata.generators import Table, register_generator


@register_generator("asn", _("Data ASN dari berkas unggahan terbaru"))
def civil_servants(agency) -> Table:
    """The civil-servant figures: the newest uploaded resource of a dataset tagged "ASN"."""
    resource = selectors.latest_uploaded_resource(agency, tag="ASN")
    if resource is None:
        return [], []
    table = selectors.table_of(resource)
    return table.columns, [[row.get(name) for name in table.columns] for row in table.rows]
