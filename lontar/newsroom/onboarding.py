"""Onboarding step: every new agency gets the four default article templates."""

from __future__ import annotations

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, onboarding_step
from lontar.newsroom.templates_seed import seed_templates


@onboarding_step("newsroom.templates", order=60)
def add_article_templates(agency: Agency, spec: NewAgency) -> None:
    seed_templates(agency)
