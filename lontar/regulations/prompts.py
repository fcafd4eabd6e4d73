"""A regulation newly added to the library asks for a story: what changes for ASN."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from lontar.agencies.models import Agency
from lontar.newsroom.registry import PromptSource, Suggestion, register_source
from lontar.regulations.models import LegalDocument

NEW_FOR = timedelta(days=30)
EXCERPT_CHARS = 1200


def _new_regulations(agency: Agency, now: datetime) -> Iterator[Suggestion]:
    documents = LegalDocument.objects.filter(
        agency=agency, is_published=True, created_at__gte=now - NEW_FOR
    ).order_by("created_at")
    for doc in documents:
        name = doc.short_name
        paragraphs = [f"{name} tentang {doc.title} kini tersedia di JDIH {agency.short_name}."]
        if doc.abstract:
            paragraphs.append(doc.abstract[:EXCERPT_CHARS])
        paragraphs.append("[Apa yang berubah bagi ASN? Jelaskan dalam tiga poin singkat.]")
        yield Suggestion(
            key=f"regulasi:{doc.pk}",
            object_key=str(doc.pk),
            title=f"Apa yang berubah bagi ASN: {name}"[:255],
            prompt=_("Peraturan baru “%(name)s” masuk JDIH: jelaskan apa yang berubah bagi ASN.")
            % {"name": name},
            on=now.astimezone(agency.zone).date(),
            lead=f"{name} tentang {doc.title} mengatur hal baru bagi ASN."[:400],
            paragraphs=tuple(paragraphs),
            source_line=doc.initiating_unit or f"JDIH {agency.short_name}",
            category="Regulasi",
            link_path=doc.get_absolute_url(),
            link_text=name,
            template="tanya-jawab-kepegawaian",
            tags=("regulasi",),
        )


register_source(PromptSource(kind="regulasi", label="Peraturan baru", find=_new_regulations))
