"""Periodic information not updated for six months is flagged to its owner and the PPID.

UU 14/2008 Pasal 9 ayat (3): periodic information is published at least every six months. Once
a day the job finds hand-kept DIP items of the `berkala` category older than that and e-mails
the agency's Petugas PPID and the staff of the owner unit, at most once every 30 days per item
(`stale_flagged_on`), the mail queued in the same transaction as the flag.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q

from lontar.agencies.roles import Role
from lontar.core import outbox
from lontar.core.schedule import periodic
from lontar.infolist.models import InfoItem
from lontar.infolist.selectors import stale_periodic_items

FLAG_AGAIN_AFTER_DAYS = 30


def flag_recipients(item: InfoItem) -> list[str]:
    who = Q(groups__name=Role.PPID_OFFICER.value, staff_profile__agency=item.agency_id)
    if item.owner_unit_id:
        who |= Q(staff_profile__unit=item.owner_unit_id)
    users = get_user_model().objects.filter(who, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@periodic(every=timedelta(days=1))
def flag_stale_periodic_information() -> int:
    from lontar.agencies.models import Agency

    flagged = 0
    for agency in Agency.objects.all():
        today = agency.today()
        flagged += flag_stale_for(agency, today)
    return flagged


def flag_stale_for(agency, today) -> int:
    """Flag one agency's stale items as of its own today."""
    items = stale_periodic_items(today).filter(agency=agency)
    count = 0
    for item in items:
        if item.stale_flagged_on and (today - item.stale_flagged_on).days < FLAG_AGAIN_AFTER_DAYS:
            continue
        to = flag_recipients(item)
        with transaction.atomic():
            InfoItem.objects.filter(pk=item.pk).update(stale_flagged_on=today)
            if to:
                outbox.enqueue(
                    EmailMessage(
                        f"DIP: informasi berkala perlu diperbarui — {item.summary[:80]}",
                        f'Informasi berkala "{item.summary}" terakhir diperbarui '
                        f"{item.last_updated or '-'}; informasi berkala wajib diperbarui "
                        "sekurang-kurangnya setiap enam bulan (UU 14/2008 Pasal 9 ayat (3)).\n",
                        to=to,
                    ),
                    key=f"infolist.stale:{item.pk}:{today.isoformat()}",
                    about=f"infolist.item:{item.pk}",
                )
        count += 1
    return count


@periodic(every=timedelta(minutes=1))
def read_service_standards_aloud() -> int:
    """Record the audio version of each published maklumat/SOP whose text changed."""
    from lontar.infolist.models import ServiceStandard

    done = 0
    for standard in ServiceStandard.objects.filter(is_published=True).select_related("agency"):
        if record_audio(standard):
            done += 1
    return done


def record_audio(standard) -> bool:
    """Read one standard aloud into an MP3 unless the stored one already reads this text.

    Returns whether a recording was made. When the engine is missing the reason is kept on the
    row for the staff, and the page goes on without audio.
    """
    from django.core.files.base import ContentFile

    from lontar.infolist import speech, standards
    from lontar.infolist.models import ServiceStandard

    text = standards.spoken_text(standard, standard.agency.name)
    digest = standards.digest(text)
    if standard.audio and standard.audio_digest == digest:
        return False
    try:
        mp3, seconds = speech.synthesize_mp3(text)
    except speech.SpeechUnavailable as exc:
        reason = f"Mesin suara tidak tersedia: {exc}"[:300]
        if standard.audio_error != reason:
            ServiceStandard.objects.filter(pk=standard.pk).update(audio_error=reason)
        return False
    previous = standard.audio.name if standard.audio else ""
    standard.audio.save(f"{standard.kind}-{standard.pk}.mp3", ContentFile(mp3), save=False)
    ServiceStandard.objects.filter(pk=standard.pk).update(
        audio=standard.audio.name, audio_seconds=seconds, audio_digest=digest, audio_error=""
    )
    if previous and previous != standard.audio.name:
        standard.audio.storage.delete(previous)
    return True
