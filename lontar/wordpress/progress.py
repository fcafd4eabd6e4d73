"""A progress bar for the command line: one line rewritten in a terminal, a line per 10 % else."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.stage = ""
        self.started = time.monotonic()
        self.last_tenth = -1
        self.line_open = False  # a terminal line waiting for its newline

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            if self.tty and self.line_open:
                self.stream.write("\n")
            self.stage, self.started, self.last_tenth = stage, time.monotonic(), -1
        total = max(total, 1)
        tenth = done * 10 // total
        if not self.tty and tenth == self.last_tenth and done != total:
            return
        self.last_tenth = tenth
        elapsed = max(time.monotonic() - self.started, 1e-6)
        filled = WIDTH * done // total
        bar = "#" * filled + "." * (WIDTH - filled)
        line = f"{stage:<10} [{bar}] {done}/{total} {done / elapsed:6.1f}/s"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.line_open = self.tty and done != total
        if self.tty and done == total:
            self.stream.write("\n")
        self.stream.flush()
