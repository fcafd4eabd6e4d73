"""Finding what deserves a story and telling the unit's writers about it."""

from __future__ import annotations

import logging
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.agencies.roles import Role
from lontar.core import outbox
from lontar.newsroom import registry
from lontar.newsroom.models import Prompt

logger = logging.getLogger("lontar.newsroom")


def refresh_prompts(agency: Agency, now: datetime | None = None) -> list[Prompt]:
    """Store every new suggestion of every source once; return the prompts made now."""
    now = now or timezone.now()
    known = set(Prompt.objects.filter(agency=agency).values_list("key", flat=True))
    made: list[Prompt] = []
    for source in registry.sources():
        for suggestion in source.find(agency, now):
            if suggestion.key in known:
                continue
            known.add(suggestion.key)
            prompt, created = Prompt.objects.get_or_create(
                agency=agency,
                key=suggestion.key[:120],
                defaults={
                    "kind": source.kind,
                    "unit_id": suggestion.unit_id,
                    "title": suggestion.title[:255],
                    "prompt": suggestion.prompt[:400],
                    "suggestion": suggestion.as_json(),
                    "created_at": now,
                },
            )
            if created:
                made.append(prompt)
    return made


def writer_emails(agency: Agency, unit_id: int | None) -> list[str]:
    """The active writers of the unit (of the whole agency for a prompt without a unit)."""
    users = get_user_model().objects.filter(
        is_active=True,
        staff_profile__agency=agency,
        groups__name=Role.WRITER.value,
    )
    if unit_id is not None:
        users = users.filter(staff_profile__unit_id=unit_id)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def notify(prompt: Prompt) -> bool:
    """One e-mail to the unit's writers, once per prompt."""
    recipients = writer_emails(prompt.agency, prompt.unit_id)
    if not recipients:
        return False
    link = prompt.agency.absolute_url(reverse("newsroom_prompts"))
    body = "\n".join(
        [
            prompt.prompt,
            "",
            _("Satu klik membuat draf berita yang sudah berisi datanya:"),
            link,
            "",
            _("Pesan ini dikirim kepada penulis unit %(unit)s.")
            % {"unit": prompt.unit.name if prompt.unit else prompt.agency.short_name},
        ]
    )
    subject = _("[%(agency)s] Ajakan menulis: %(title)s") % {
        "agency": prompt.agency.short_name,
        "title": prompt.title[:120],
    }
    outbox.enqueue(EmailMessage(subject, body, to=recipients), key=f"newsroom.prompt:{prompt.pk}")
    prompt.notified_at = timezone.now()
    prompt.save(update_fields=["notified_at"])
    return True


def refresh_and_notify(agency: Agency, now: datetime | None = None) -> list[Prompt]:
    made = refresh_prompts(agency, now)
    for prompt in made:
        notify(prompt)
    return made


def waiting_for(agency: Agency, user=None):
    """Open and drafted prompts; a writer sees their unit's and those without a unit."""
    prompts = Prompt.objects.filter(
        agency=agency, status__in=[Prompt.Status.OPEN, Prompt.Status.DRAFTED]
    ).select_related("unit")
    profile = getattr(user, "staff_profile", None) if user is not None else None
    is_writer_only = (
        user is not None
        and not user.is_superuser
        and not user.groups.filter(name__in=[Role.EDITOR.value, Role.AGENCY_ADMIN.value]).exists()
    )
    if is_writer_only and profile is not None and profile.unit_id is not None:
        prompts = prompts.filter(Q(unit_id=profile.unit_id) | Q(unit=None))
    return prompts.order_by("-created_at")
