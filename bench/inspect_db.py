"""Print, as JSON, what the harnesses check after a run: rows per submission, numbering gaps,
files nobody references and SQLite's integrity check.

Usage (in the portal's environment, see portal.py): python bench/inspect_db.py RUN_MARKER
A submission of run R number i carries "[bench:R:i]" in its free text.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, models  # noqa: E402

from lontar.ppid.models import InformationRequest, RegistrationCounter  # noqa: E402


def rows_of_run(marker: str) -> dict[str, list[str]]:
    """Submission index → registration numbers of the rows carrying its tag."""
    pattern = re.compile(rf"\[bench:{re.escape(marker)}:(\d+)\]")
    found: dict[str, list[str]] = defaultdict(list)
    rows = InformationRequest.objects.filter(information_requested__contains=f"[bench:{marker}:")
    for number, text in rows.values_list("number", "information_requested"):
        match = pattern.search(text)
        if match:
            found[match.group(1)].append(number)
    return found


def without_receipt(marker: str) -> int:
    """Rows of the run with no stored receipt: their receipt e-mail was never sent either.

    The receipt is built and mailed in an on_commit callback after the row is committed, so a
    worker killed in between leaves a stored request whose citizen never gets the e-mail.
    """
    return InformationRequest.objects.filter(
        information_requested__contains=f"[bench:{marker}:", receipt_pdf=""
    ).count()


def gaps() -> list[str]:
    """Every agency/year whose sequences are not exactly 1..n, or whose counter is not n."""
    problems = []
    sequences: dict[tuple[int, int], list[int]] = defaultdict(list)
    for agency_id, year, sequence in InformationRequest.objects.values_list(
        "agency_id", "year", "sequence"
    ):
        sequences[(agency_id, year)].append(sequence)
    counters = {(c.agency_id, c.year): c.last_number for c in RegistrationCounter.objects.all()}
    for key, values in sorted(sequences.items()):
        values.sort()
        expected = list(range(1, len(values) + 1))
        if values != expected:
            missing = sorted(set(expected) - set(values))[:10]
            repeated = sorted({v for v in values if values.count(v) > 1})[:10]
            problems.append(f"agency {key[0]} year {key[1]}: missing {missing} repeated {repeated}")
        if counters.get(key, 0) != len(values):
            problems.append(
                f"agency {key[0]} year {key[1]}: counter {counters.get(key)} but {len(values)} rows"
            )
    return problems


def duplicate_numbers() -> list[str]:
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for agency_id, number in InformationRequest.objects.values_list("agency_id", "number"):
        counts[(agency_id, number)] += 1
    return [f"{number} ×{n}" for (_, number), n in counts.items() if n > 1]


def orphan_files() -> list[str]:
    """Files under PRIVATE_MEDIA_ROOT that no FileField of any model names."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    if not root.exists():
        return []
    referenced = set()
    for model in apps.get_models():
        names = [f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)]
        for name in names:
            referenced.update(
                model._default_manager.exclude(**{name: ""}).values_list(name, flat=True)
            )
    on_disk = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
    return sorted(on_disk - referenced)


def integrity() -> str:
    if connection.vendor != "sqlite":
        return "n/a"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        return ";".join(row[0] for row in cursor.fetchall())


def sweep_crash_leftovers() -> int:
    """Run the worker's orphan sweeper with no grace period (every client has finished), as the
    worker would some hours later: what a crash left is its job (lontar/core/orphans.py)."""
    from datetime import timedelta

    from lontar.core.orphans import sweep

    return sweep(grace=timedelta(0)).deleted


def main() -> None:
    marker = sys.argv[1]
    left_by_crashes = orphan_files()
    swept = sweep_crash_leftovers()
    print(
        json.dumps(
            {
                "rows": rows_of_run(marker),
                "without_receipt": without_receipt(marker),
                "gaps": gaps(),
                "duplicate_numbers": duplicate_numbers(),
                "left_by_crashes": len(left_by_crashes),
                "swept": swept,
                "orphan_files": orphan_files(),
                "integrity": integrity(),
                "total_requests": InformationRequest.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
