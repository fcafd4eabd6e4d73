"""Other apps that discuss a published question plug in here (the podcast's chapters today).

The podcast app depends on Q&A (its chapters point at questions), so Q&A must not import the
podcast back: the podcast registers `chapters_for_question` in its AppConfig.ready(), and the
question page asks `moments_for(question)`. With the podcast app not installed, the list is
empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MomentsProvider = Callable[[Any], list[Any]]

_PROVIDERS: list[MomentsProvider] = []


def register_moments(provider: MomentsProvider) -> MomentsProvider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def moments_for(question: Any) -> list[Any]:
    """Everything the registered apps offer about `question` (e.g. podcast chapters)."""
    return [moment for provider in _PROVIDERS for moment in provider(question)]
