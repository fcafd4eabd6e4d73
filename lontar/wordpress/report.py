"""What an import did or, in a dry run, would do: counts, and every problem with its record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_PROBLEMS = 5000  # a report stays readable; the count of the rest is kept

KIND_LABELS = {
    "author": "penulis",
    "category": "kategori",
    "tag": "tag",
    "attachment": "lampiran",
    "image": "gambar",
    "document": "dokumen",
    "page": "halaman",
    "post": "berita",
    "redirect": "pengalihan",
}


@dataclass
class Report:
    dry_run: bool = False
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    drafts: int = 0
    unpublished: int = 0
    comments: int = 0
    shortcodes: Counter[str] = field(default_factory=Counter)
    problems: list[dict] = field(default_factory=list)
    spam: list[dict] = field(default_factory=list)
    problems_left_out: int = 0

    def problem(self, item: str, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems_left_out += 1
            return
        self.problems.append({"item": item, "message": message})

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "created": dict(self.created),
            "existing": dict(self.existing),
            "skipped": dict(self.skipped),
            "drafts": self.drafts,
            "unpublished": self.unpublished,
            "comments": self.comments,
            "shortcodes": dict(self.shortcodes),
            "problems": self.problems,
            "problems_left_out": self.problems_left_out,
            "spam": self.spam,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        report = cls(dry_run=bool(data.get("dry_run")))
        for name in ("created", "existing", "skipped", "shortcodes"):
            setattr(report, name, Counter(data.get(name) or {}))
        for name in ("drafts", "unpublished", "comments", "problems_left_out"):
            setattr(report, name, int(data.get(name) or 0))
        report.problems = list(data.get("problems") or [])
        report.spam = list(data.get("spam") or [])
        return report

    @property
    def shortcode_rows(self) -> list[tuple[str, int]]:
        """For templates: a Counter answers 0 to `.items` in a template lookup."""
        return sorted(self.shortcodes.items())

    def summary_rows(self) -> list[tuple[str, int, int, int]]:
        """(what, new, already there, skipped) for each kind of record."""
        kinds = [k for k in KIND_LABELS if self.created[k] or self.existing[k] or self.skipped[k]]
        return [(KIND_LABELS[k], self.created[k], self.existing[k], self.skipped[k]) for k in kinds]

    def lines(self) -> list[str]:
        verb = _("akan dibuat") if self.dry_run else _("dibuat")
        out = [
            f"{label}: {new} {verb}, {there} {_('sudah ada')}, {skipped} {_('dilewati')}"
            for label, new, there, skipped in self.summary_rows()
        ]
        out.append(
            _("Draf tetap draf: %(n)d; tidak diterbitkan (privat, bersandi, dugaan spam): %(m)d")
            % {"n": self.drafts, "m": self.unpublished}
        )
        out.append(_("Komentar tidak diimpor: %(n)d") % {"n": self.comments})
        for name, count in sorted(self.shortcodes.items()):
            out.append(
                _("Kode pendek tak dikenal [%(name)s]: %(n)d kali") % {"name": name, "n": count}
            )
        for entry in self.spam:
            out.append(_("DUGAAN SPAM %(item)s: %(phrases)s") % entry)
        for entry in self.problems:
            out.append(f"{entry['item']}: {entry['message']}")
        if self.problems_left_out:
            out.append(_("… dan %(n)d catatan lain") % {"n": self.problems_left_out})
        return out
