"""The year's figures of an agency, kept so that the statistics page does not recount every
request of the year on each visit (issue 22; issue 14: "statistics from aggregates that stay
fast at 200k requests").

A row is the `figures.compute` result for (agency, year), stored as JSON with the
`generation` it was computed at. Every save or delete of a request, an objection or a dispute
step of that year bumps `generation` (`snapshots.py`, connected in `apps.py`); a row whose
`computed_generation` differs, or whose calendar key no longer matches the agency's working
calendar, is stale: the page recounts and stores it again, and the worker refreshes stale
rows every minute so that visitors rarely pay for the recount.
"""

from __future__ import annotations

from django.db import models

from lontar.agencies.models import Agency


class YearFigures(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    generation = models.PositiveIntegerField(default=0)
    computed_generation = models.PositiveIntegerField(null=True, blank=True)
    calendar_key = models.CharField(max_length=64, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="year_figures_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}"
