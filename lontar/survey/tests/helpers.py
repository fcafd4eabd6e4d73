"""Building blocks shared by the SKM tests."""

from __future__ import annotations

from datetime import timedelta

from lontar.survey import ikm, services
from lontar.survey.selectors import today_for


def profile(period) -> dict:
    return {
        "sex": "P",
        "age_band": "31-40",
        "education": "s1",
        "occupation": "swasta",
        "service_received": "Permohonan informasi",
        "service_date": today_for(period.agency) - timedelta(days=1),
    }


def submit(period, answers: dict[str, int], **extra):
    return services.submit_response(period=period, answers=answers, **{**profile(period), **extra})


def form_data(answers: dict[str, int], **overrides) -> dict[str, str]:
    data = {f"unsur_{key}": str(score) for key, score in answers.items()}
    data.update(
        sex="L",
        age_band="21-30",
        education="sma",
        occupation="wirausaha",
        service_received="Salinan SK",
        service_date="2025-01-15",
        suggestion="",
    )
    data.update(overrides)
    return data


def all_answers(score: int) -> dict[str, int]:
    return dict.fromkeys(ikm.ELEMENT_KEYS, score)
