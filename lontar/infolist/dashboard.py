"""The admin home's panel: periodic DIP items not updated for six months (Pasal 9 ayat (3))."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.admin.ui.components import Component

from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.infolist.models import InfoItem
from lontar.infolist.selectors import stale_periodic_items

SHOWN = 10
PERMISSION = "infolist.change_infoitem"


class StaleInformationPanel(Component):
    name = "dip_stale"
    order = 55
    template_name = "infolist/admin/stale_panel.html"

    def __init__(self, agency, items: list[InfoItem], count: int) -> None:
        self.agency, self.items, self.count = agency, items, count

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {"agency": self.agency, "items": self.items, "count": self.count}


def panels_for(request: HttpRequest) -> list[Component]:
    """For the PPID desk and each owner unit's staff: the stale items they answer for."""
    user = request.user
    if not user.has_perm(PERMISSION):
        return []
    agency = agency_of_user(user)
    if agency is None or not agencies_visible_to(user).filter(pk=agency.pk).exists():
        agency = agencies_visible_to(user).order_by("name").first()
    if agency is None:
        return []
    stale = stale_periodic_items(agency.today()).filter(agency=agency).select_related("owner_unit")
    items = list(stale.order_by("last_updated", "summary")[:SHOWN])
    return [StaleInformationPanel(agency, items, stale.count())]
