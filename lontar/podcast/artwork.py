"""Podcast cover art rules of the directories: square, 1400 to 3000 pixels, JPEG or PNG."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MIN_SIDE = 1400
MAX_SIDE = 3000


def check_cover(upload) -> tuple[int, int]:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height, fmt = image.width, image.height, image.format
    except (UnidentifiedImageError, OSError):
        raise ValidationError(
            _("Sampul harus berupa gambar JPEG atau PNG."), code="not_image"
        ) from None
    finally:
        upload.seek(0)
    if fmt not in ("JPEG", "PNG"):
        raise ValidationError(_("Sampul harus berupa gambar JPEG atau PNG."), code="format")
    if width != height:
        raise ValidationError(
            _("Sampul harus persegi; ukuran sekarang %(w)s × %(h)s piksel.")
            % {"w": width, "h": height},
            code="not_square",
        )
    if not MIN_SIDE <= width <= MAX_SIDE:
        raise ValidationError(
            _("Sisi sampul harus 1400–3000 piksel; ukuran sekarang %(w)s piksel.") % {"w": width},
            code="size",
        )
    return width, height
