"""The year's records as plain facts for `figures.compute`, read through the owners' selectors."""

from __future__ import annotations

from lontar.objections.selectors import objection_counts
from lontar.objections.states import Status as ObjectionStatus
from lontar.ppid.deadlines import local_date
from lontar.ppid.selectors import requests_for_statistics
from lontar.ppidstats.figures import ObjectionFact, RequestFact


def request_facts(agency, year: int) -> list[RequestFact]:
    tz = agency.time_zone
    return [
        RequestFact(
            received_on=local_date(r.received_at, tz),
            channel=r.channel,
            decision=r.decision if r.answered_at else "",
            refusal_ground=r.refusal_ground if r.answered_at else "",
            answered_on=local_date(r.answered_at, tz) if r.answered_at else None,
            due=r.current_due,
        )
        for r in requests_for_statistics(agency, year)
    ]


def objection_facts(agency, year: int) -> list[ObjectionFact]:
    disputed = {ObjectionStatus.DISPUTED, ObjectionStatus.CLOSED}
    return [
        ObjectionFact(
            grounds=tuple(o.ground_letters),
            outcome=o.outcome,
            disputed=o.status in disputed,
            dispute_outcome=o.dispute_outcome,
        )
        for o in objection_counts(agency, year)
    ]
