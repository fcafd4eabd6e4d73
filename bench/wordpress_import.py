"""How long `lontar import_wordpress` takes for a WordPress site of N posts (issue 23).

    python bench/wordpress_import.py --posts 10000      # the figure in docs/wordpress.md
    python bench/wordpress_import.py --posts 500 --profile

Everything lives in a temporary directory: a fresh SQLite database (or DATABASE_URL), migrated,
with one agency; a generated WXR file of N posts (block-editor and classic bodies, categories,
tags, featured images), one image attachment per 10 posts with its file in a generated
wp-content/uploads copy. Prints the import's wall time, posts per second, and the time of the
second run, which must create nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SETUP = """
from lontar.agencies.tests.factories import agency_with_site
from lontar.agencies.models import Agency
if not Agency.objects.filter(slug="bench").exists():
    agency_with_site(hostname="localhost", default=True, short_name="BENCH", slug="bench")
"""


def generate(root: Path, posts: int) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT))
    from PIL import Image

    from lontar.wordpress.tests.builder import Entry, attachment, wxr

    rng = random.Random(23)
    uploads = root / "uploads"
    entries: list[Entry] = []
    images = max(1, posts // 10)
    for number in range(images):
        relative = f"2021/{number % 12 + 1:02d}/foto-{number}.jpg"
        target = uploads / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (number % 255, 80, 120)).save(buffer, "JPEG")
        target.write_bytes(buffer.getvalue())
        entries.append(attachment(10_000_000 + number, relative, alt=f"Foto kegiatan {number}"))
    words = (
        "pelayanan kepegawaian aparatur sipil negara kenaikan pangkat mutasi pelatihan "
        "seleksi jabatan daerah bupati sekretariat bidang informasi publik"
    ).split()
    categories = [(f"kategori-{n}", f"Kategori {n}", "") for n in range(20)]
    tags = [(f"tag-{n}", f"Tag {n}") for n in range(200)]
    for number in range(posts):
        text = " ".join(rng.choice(words) for _ in range(120))
        image = 10_000_000 + number % images
        if number % 2:
            body = (
                f"<!-- wp:paragraph --><p>{text}</p><!-- /wp:paragraph -->"
                f"<!-- wp:heading --><h2>Subjudul {number}</h2><!-- /wp:heading -->"
                f"<!-- wp:list --><ul><li>{words[0]}</li><li>{words[1]}</li></ul><!-- /wp:list -->"
                f'<!-- wp:image {{"id":{image}}} --><figure class="wp-block-image">'
                f'<img src="https://bkd.example.go.id/wp-content/uploads/x.jpg" '
                f'class="wp-image-{image}" alt="Foto"/></figure><!-- /wp:image -->'
            )
        else:
            caption = f'[caption]<img class="wp-image-{image}" src="x"> Foto[/caption]'
            body = f"{text}\n\n{text[:200]}\n\n{caption}"
        year, month, day = 2015 + number % 10, number % 12 + 1, number % 28 + 1
        entries.append(
            Entry(
                number + 1,
                f"Berita nomor {number} {rng.choice(words)}",
                body,
                slug=f"berita-nomor-{number}",
                date=f"{year}-{month:02d}-{day:02d} 09:00:00",
                excerpt=text[:150],
                categories=[categories[number % 20][:2]],
                tags=[tags[number % 200], tags[(number * 7) % 200]],
                meta={"_thumbnail_id": str(image)},
                comments=number % 3,
            )
        )
    path = root / "site.xml"
    path.write_bytes(wxr(entries, categories=categories, tags=tags))
    return path, uploads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--var-dir", help="Reuse a prepared directory.")
    parser.add_argument("--profile", action="store_true", help="cProfile the import.")
    args = parser.parse_args()
    tmp = Path(args.var_dir or tempfile.mkdtemp(prefix="lontar-wp-bench-"))
    env = {
        **os.environ,
        "LONTAR_DEBUG": "1",
        "LONTAR_HTTPS": "0",
        "LONTAR_VAR_DIR": str(tmp / "var"),
        "PYTHONPATH": str(ROOT),
    }

    def manage(*command: str, profile: bool = False) -> float:
        started = time.monotonic()
        prefix = [PYTHON, "-m", "cProfile", "-s", "cumtime"] if profile else [PYTHON]
        result = subprocess.run(
            [*prefix, "-m", "lontar", *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode:
            raise SystemExit(
                f"lontar {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
            )
        if profile:
            print("\n".join(result.stdout.splitlines()[:80]))
        return time.monotonic() - started

    print(f"[bench] {tmp}")
    manage("migrate", "--no-input", "-v", "0")
    manage("shell", "-c", SETUP)
    started = time.monotonic()
    path, uploads = generate(tmp, args.posts)
    print(f"[bench] WXR of {args.posts} posts: {path.stat().st_size / 1e6:.1f} MB "
          f"in {time.monotonic() - started:.1f} s")  # fmt: skip
    first = manage(
        "import_wordpress", "bench", str(path), "--media-dir", str(uploads), "--quiet-report",
        profile=args.profile,
    )  # fmt: skip
    print(f"[bench] first import: {first:.1f} s ({args.posts / first:.1f} posts/s)")
    second = manage("import_wordpress", "bench", str(path), "--media-dir", str(uploads))
    print(f"[bench] second import (creates nothing): {second:.1f} s")


if __name__ == "__main__":
    main()
