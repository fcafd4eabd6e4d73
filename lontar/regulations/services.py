"""Writes to the regulations library: relations (and the statuses they imply), PDF text,
downloads."""

from __future__ import annotations

import io
import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lontar.core import audit
from lontar.core.audit import Actor
from lontar.regulations.models import DocumentRelation, LegalDocument
from lontar.regulations.status import derive_statuses

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARS = 500_000


def refresh_statuses(agency) -> int:
    """Store the status every document of `agency` derives from its relations; how many
    changed."""
    current = dict(LegalDocument.objects.filter(agency=agency).values_list("pk", "status"))
    edges = DocumentRelation.objects.filter(source__agency=agency).values_list(
        "source_id", "kind", "target_id"
    )
    derived = derive_statuses(current, edges)
    changed = [pk for pk, status in derived.items() if current[pk] != status.value]
    for pk in changed:
        # updated_at moves too: the JDIHN feed's harvesters fetch what changed since a date.
        LegalDocument.objects.filter(pk=pk).update(
            status=derived[pk].value, updated_at=timezone.now()
        )
    if changed:
        # Keep the search index's status filter in step (save() is not called by update()).
        from wagtail.search.index import insert_or_update_object

        for document in LegalDocument.objects.filter(pk__in=changed):
            insert_or_update_object(document)
    return len(changed)


@transaction.atomic
def record_relation(
    *, source: LegalDocument, kind: str, target: LegalDocument, note: str = ""
) -> DocumentRelation:
    """Record "`source` <kind> `target`" and update the statuses of the agency's documents."""
    relation = DocumentRelation(source=source, kind=kind, target=target, note=note)
    relation.full_clean()
    relation.save()
    refresh_statuses(source.agency)
    return relation


@transaction.atomic
def remove_relation(relation: DocumentRelation) -> None:
    agency = relation.source.agency
    relation.delete()
    refresh_statuses(agency)


IMPORT_PERMISSION = "regulations.add_legaldocument"


def allowed_actions(agency, user) -> list[str]:
    """["import"] when `user` may bulk-import documents into `agency`, else []."""
    from lontar.agencies.admin_scoping import user_may_manage

    if user is None or not user.has_perm(IMPORT_PERMISSION):
        return []
    return ["import"] if user_may_manage(user, agency, "self") else []


def import_file(agency, rows: list[dict], *, file_name: str, dry_run: bool, actor: Actor):
    """Bulk-import checked rows (all or nothing) and, for a real import that stored documents,
    append one audit event on the agency with the file's name and the counts."""
    from lontar.regulations import importer  # importer uses refresh_statuses from here

    with transaction.atomic():
        report = importer.import_documents(agency, rows, dry_run=dry_run)
        if not dry_run and report.ok and report.imported:
            audit.record(
                actor=actor,
                action="import_regulations",
                obj=agency,
                agency=agency,
                changes={
                    "file": file_name[:200],
                    "rows": report.rows,
                    "imported": report.imported,
                },
            )
    return report


def extract_pdf_text(data: bytes) -> str:
    """The text layer of a PDF (no OCR); empty when the PDF has none or cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        parts = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        logger.warning("Teks PDF tidak dapat dibaca: %s", exc.__class__.__name__)
        return ""
    text = "\n".join(part.strip() for part in parts if part.strip())
    return text[:MAX_EXTRACTED_CHARS]


def update_extracted_text(document: LegalDocument) -> bool:
    """Extract the text of a newly uploaded or replaced PDF; True when it changed."""
    name = document.file.name if document.file else ""
    if name == document.text_extracted_from:
        return False
    text = ""
    if name:
        document.file.open("rb")
        try:
            text = extract_pdf_text(document.file.read())
        finally:
            document.file.close()
    document.extracted_text = text
    document.text_extracted_from = name
    document.save(update_fields=["extracted_text", "text_extracted_from", "updated_at"])
    return True


def save_document(document: LegalDocument, subjects=None) -> LegalDocument:
    """Validate and save a document, extract its PDF's text, and refresh statuses."""
    document.full_clean(exclude=["subjects"])
    document.save()
    if subjects is not None:
        document.subjects.set(subjects)
    update_extracted_text(document)
    return document


def count_download(document: LegalDocument) -> None:
    LegalDocument.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)
