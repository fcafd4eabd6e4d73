"""The provincial view for the PPID Utama: every agency of the province side by side (issue 16).

Who sees it: the platform admin, and the PPID desk (officer or Atasan) of an agency that is a
PPID Utama; the latter sees its own agency and every agency below it (`Agency.parent`, any
depth). Each row holds the same figures as `/ppid/statistik/` for one agency and one year,
computed by the same pure `figures.compute`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lontar.agencies.calendar import calendar_for_agency
from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_of_user
from lontar.ppid.states import Decision
from lontar.ppidstats.figures import Figures, compute
from lontar.ppidstats.selectors import objection_facts, request_facts

PERMISSION = "ppid.view_informationrequest"


@dataclass(frozen=True)
class AgencyFigures:
    agency: Agency
    figures: Figures

    @property
    def refused(self) -> int:
        return self.figures.by_decision.get(Decision.REFUSED, 0)

    @property
    def granted(self) -> int:
        by = self.figures.by_decision
        return by.get(Decision.GRANTED, 0) + by.get(Decision.PARTLY, 0)


def provinces_for(user) -> list[Agency]:
    """The PPID Utama agencies whose provincial view `user` may open (empty: none)."""
    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:
        # Every PPID Utama; on an installation that has named none yet, the top agencies.
        mains = Agency.objects.filter(ppid_role=Agency.PPIDRole.MAIN).order_by("name")
        return list(mains) or list(Agency.objects.filter(parent=None).order_by("name"))
    if not user.has_perm(PERMISSION):
        return []
    own = agency_of_user(user)
    if own is None or own.ppid_role != Agency.PPIDRole.MAIN:
        return []
    return [own]


def agencies_under(root: Agency) -> list[Agency]:
    """The root and every agency below it, the root first, then by name."""
    found = [root]
    frontier = [root.pk]
    seen = {root.pk}
    while frontier:
        children = list(Agency.objects.filter(parent_id__in=frontier).exclude(pk__in=seen))
        frontier = [child.pk for child in children]
        seen.update(frontier)
        found.extend(sorted(children, key=lambda agency: agency.name))
    return found


def province_figures(root: Agency, year: int) -> list[AgencyFigures]:
    return [
        AgencyFigures(
            agency,
            compute(
                year,
                request_facts(agency, year),
                objection_facts(agency, year),
                calendar_for_agency(agency),
            ),
        )
        for agency in agencies_under(root)
    ]
