"""The agency's published legal documents out and back in (`core/portability.py`): their
catalogue fields, subjects, PDF files and the relations between them (which set the status)."""

from __future__ import annotations

from django.db import transaction

from lontar.core.portability import (
    Bundle,
    Portable,
    plain_fields,
    register_portable,
    set_plain_fields,
)
from lontar.regulations import services
from lontar.regulations.models import DocumentRelation, LegalDocument, Subject
from lontar.regulations.selectors import published_documents

KEY = "regulations"
FILES = ("file", "abstract_file")


def export(agency, bundle: Bundle) -> int:
    documents = published_documents(agency).prefetch_related("subjects", "outgoing_relations")
    rows = []
    for document in documents.order_by("pk"):
        row = {"id": document.pk, **plain_fields(document)}
        row["subjects"] = sorted(s.name for s in document.subjects.all())
        for name in FILES:
            row[name] = bundle.put_file(KEY, document.pk, getattr(document, name))
        row["relations"] = [
            {"kind": r.kind, "target": r.target_id, "note": r.note}
            for r in document.outgoing_relations.all()
        ]
        rows.append(row)
    return bundle.write(KEY, rows)


def _existing(agency, row: dict) -> LegalDocument | None:
    return LegalDocument.objects.filter(
        agency=agency,
        document_type=row.get("document_type"),
        kind=row.get("kind") or "",
        number=row.get("number") or "",
        year=int(row.get("year") or 0),
        title=row.get("title"),
    ).first()


@transaction.atomic
def load(agency, bundle: Bundle) -> int:
    rows = bundle.read(KEY)
    for row in rows:
        document = _existing(agency, row) or LegalDocument(agency=agency)

        set_plain_fields(document, row)
        for name in FILES:
            content = bundle.file(row.get(name))
            if content is not None and bundle.digest(content) != _digest_of(document, name):
                getattr(document, name).save(content.name, content, save=False)
        subjects = [
            Subject.objects.get_or_create(agency=agency, name=name[:150])[0]
            for name in row.get("subjects") or []
        ]
        services.save_document(document, subjects)
        bundle.map("regulation", row["id"], document.pk)
    for row in rows:
        source = bundle.new_id("regulation", row["id"])
        for relation in row.get("relations") or []:
            target = bundle.new_id("regulation", relation.get("target"))
            if source is None or target is None:
                continue
            DocumentRelation.objects.get_or_create(
                source_id=source,
                target_id=target,
                kind=relation["kind"],
                defaults={"note": relation.get("note") or ""},
            )
    services.refresh_statuses(agency)
    return len(rows)


def _digest_of(document: LegalDocument, name: str) -> str:
    field_file = getattr(document, name)
    if not document.pk or not field_file:
        return ""
    import hashlib

    with field_file.open("rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


register_portable(Portable(KEY, "Regulasi", 30, export, load))
