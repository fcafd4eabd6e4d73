"""Files that tests upload, made on the fly so no binary is committed (incl. malicious ones)."""

from __future__ import annotations

import io
import struct
import zlib

from fpdf import FPDF
from PIL import Image

# EXIF tag numbers: GPSInfo (IFD pointer), GPSLatitudeRef, GPSLatitude, camera body serial.
GPS_IFD = 0x8825
BODY_SERIAL = 0xA431


def pdf_bytes(text: str = "Dokumen uji") -> bytes:
    pdf = FPDF()
    pdf.set_compression(False)  # the text stays findable in the raw bytes
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def png_bytes(size: tuple[int, int] = (40, 30), colour: str = "navy") -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


def jpeg_bytes(size: tuple[int, int] = (40, 30), *, with_gps: bool = False) -> bytes:
    output = io.BytesIO()
    image = Image.new("RGB", size, "teal")
    if with_gps:
        exif = Image.Exif()
        exif[BODY_SERIAL] = "SN-12345678"
        exif.get_ifd(GPS_IFD).update({1: "S", 2: (8.0, 34.0, 12.5), 3: "E", 4: (116.0, 5.0, 1.0)})
        image.save(output, format="JPEG", exif=exif)
    else:
        image.save(output, format="JPEG")
    return output.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width x height pixels but carries almost no data (pixel flood)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IEND", b"")


def png_polyglot(script: bytes = b"<script>alert(document.cookie)</script>") -> bytes:
    """A valid PNG with HTML in a text chunk and again after IEND: a browser sniffing it as
    HTML would run the script, while image decoders read it as a picture."""
    image = png_bytes()
    iend = image.rindex(b"IEND") - 4
    text = _chunk(b"tEXt", b"Comment\x00" + script)
    return image[:iend] + text + image[iend:] + script
