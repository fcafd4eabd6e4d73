"""The agency's media collection out and back in (`core/portability.py`), loaded first so every
other record can point at its images and documents again.

    media/images.json, media/images/<id>-<name>        title, alt text, size, tags
    media/documents.json, media/documents/<id>-<name>

Files pass the upload gate again on the way in (`media.store_file`); an already loaded file is
recognised by its SHA-256 (an `ImportedItem` row), so loading twice stores nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from lontar.core.portability import Bundle, Portable, register_portable
from lontar.wordpress import media
from lontar.wordpress.models import ImportedItem

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(pk: int, path: str) -> str:
    return f"{pk}-{_UNSAFE.sub('-', Path(path).name)[-120:]}"


def _copy(field_file, target: Path) -> bool:
    if not field_file:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with field_file.open("rb") as source:
            target.write_bytes(source.read())
    except OSError:
        return False
    return True


def _dump(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), "utf-8")


def export(agency, bundle: Bundle) -> int:
    root = bundle.root / "media"
    rows = []
    images = get_image_model().objects.filter(collection=agency.collection_id)
    for image in images.prefetch_related("tags").order_by("pk"):
        relative = f"images/{file_name(image.pk, image.file.name)}"
        rows.append(
            {
                "id": image.pk,
                "title": image.title,
                "alt_text": image.description,
                "file": f"media/{relative}" if _copy(image.file, root / relative) else "",
                "width": image.width,
                "height": image.height,
                "file_size": image.file_size,
                "created_at": image.created_at,
                "tags": [tag.name for tag in image.tags.all()],
            }
        )
    _dump(root / "images.json", rows)
    documents = []
    for document in get_document_model().objects.filter(collection=agency.collection_id):
        relative = f"documents/{file_name(document.pk, document.file.name)}"
        documents.append(
            {
                "id": document.pk,
                "title": document.title,
                "file": f"media/{relative}" if _copy(document.file, root / relative) else "",
                "url": document.url,
                "file_size": document.file_size,
                "created_at": document.created_at,
            }
        )
    _dump(root / "documents.json", documents)
    return len(rows) + len(documents)


def _rows(bundle: Bundle, name: str) -> list[dict]:
    path = bundle.root / "media" / name
    return json.loads(path.read_text("utf-8")) if path.is_file() else []


def load(agency, bundle: Bundle) -> int:
    done = dict(
        ImportedItem.objects.filter(agency=agency, key__startswith="sha256:").values_list(
            "key", "object_id"
        )
    )
    count = 0
    for kind, name in (("image", "images.json"), ("document", "documents.json")):
        model = get_image_model() if kind == "image" else get_document_model()
        for row in _rows(bundle, name):
            content = bundle.file(row.get("file"))
            if content is None:
                continue
            data = content.read()
            # The same bytes under two titles are two media items on the exported site (the
            # demo has such pictures): both come back, each once however often this runs.
            title = row.get("title") or ""
            named = hashlib.sha256(title.encode()).hexdigest()[:16]
            key = f"sha256:{kind}:{hashlib.sha256(data).hexdigest()}:{named}"
            if key in done and model.objects.filter(pk=done[key]).exists():
                bundle.map(kind, row["id"], done[key])
                continue
            try:
                with transaction.atomic():
                    obj = media.store_file(
                        kind,
                        content.name or "berkas",
                        data,
                        agency.collection,
                        title=title,
                        alt=row.get("alt_text") or "",
                    )
                    if kind == "image" and row.get("tags"):
                        obj.tags.add(*row["tags"])
                    ImportedItem.objects.create(agency=agency, kind=kind, key=key, object_id=obj.pk)
            except media.MediaUnavailable as exc:
                bundle.problem(f"{row.get('file')}: {exc}")
                continue
            done[key] = obj.pk
            bundle.map(kind, row["id"], obj.pk)
            count += 1
    return count


register_portable(Portable("media", "Media", 0, export, load))
