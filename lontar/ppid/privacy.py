"""The privacy notice a requester agrees to (UU 27/2022 Pasal 20–24), as plain text.

Pure: built from the agency's facts, the same text on the form, at the officer's intake and in
the stored consent, so the wording a citizen agreed to can always be shown again. A change of
wording changes `NOTICE_VERSION`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

NOTICE_VERSION = "2026-11"
CONSENT_TEXT_MAX = 4000


@dataclass(frozen=True)
class PrivacyFacts:
    agency_name: str
    privacy_officer: str  # the data protection officer (UU 27/2022 Pasal 53)
    contact: str  # the PPID's e-mail or telephone
    retention_years: int


def privacy_notice(facts: PrivacyFacts) -> str:
    """The notice, paragraph by paragraph (blank lines between)."""
    officer = facts.privacy_officer.strip() or f"PPID {facts.agency_name}"
    contact = facts.contact.strip() or "meja layanan PPID"
    paragraphs = [
        f"Pengendali data: {facts.agency_name}. Pejabat pelindungan data pribadi: {officer} "
        f"(hubungi melalui {contact}).",
        "Dasar dan tujuan: data Anda diproses untuk melayani permohonan informasi publik ini "
        "(UU 14/2008) — mencatat, menghubungi Anda, dan mengirim pemberitahuan tertulis.",
        "Data yang dikumpulkan: nama, NIK atau nomor SK badan hukum, alamat, telepon, surel, "
        "pekerjaan, serta berkas identitas atau surat kuasa bila diunggah. NIK disimpan "
        "terenkripsi; register publik tidak pernah memuat data pribadi.",
        "Surel Anda juga dipakai satu kali untuk mengundang Anda mengisi Survei Kepuasan "
        "Masyarakat setelah layanan selesai.",
        f"Masa simpan: {facts.retention_years} tahun sejak kegiatan terakhir pada permohonan "
        "Anda; setelah itu data pribadi dihapus, sedangkan catatan permohonan tanpa nama "
        "tetap disimpan.",
        "Hak Anda (UU 27/2022): meminta akses ke data Anda, meminta perbaikan data yang "
        "salah, dan meminta penghapusan data. Ajukan kepada pejabat pelindungan data pribadi "
        "di atas dengan menyebut nomor pendaftaran; permintaan dijawab paling lambat 3×24 jam.",
    ]
    return "\n\n".join(paragraphs)


def version_of(text: str) -> str:
    """The notice's version and a short fingerprint of the exact wording."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{NOTICE_VERSION}:{digest}"
