"""The program's log file: rotated by size like logging.handlers.RotatingFileHandler.

Not that class: importing logging.handlers brings socket and pickle along, ~7 ms of a start-up that is
measured against a bare Qt window (bench/bench_startup.py), for a handler that only needs to rename files."""

from __future__ import annotations

import logging
import os
from pathlib import Path


class RotatingLog(logging.FileHandler):
    """Appends to `path`; once it has reached `max_bytes`, it becomes path.1 (path.1 becomes path.2, ...),
    keeping `backups` old files, and a new file is started. With `max_bytes` or `backups` 0 it never rotates
    (as the standard class)."""

    def __init__(self, path: Path | str, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        # (Handler.handle holds self.lock around emit: threads do not rotate at once.)
        if self.max_bytes > 0 and self.backups > 0 and self.stream is not None:
            try:
                if self.stream.tell() >= self.max_bytes:
                    self._rotate()
            except OSError:
                # Not rotated (a file in the way, no permission): the line still goes to the log, which
                # FileHandler reopens if the rotation closed it.
                pass
        super().emit(record)

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        current = Path(self.baseFilename)

        def numbered(n: int) -> Path:
            return current.with_name(f"{current.name}.{n}")

        numbered(self.backups).unlink(missing_ok=True)
        for n in range(self.backups - 1, 0, -1):
            if numbered(n).exists():
                os.replace(numbered(n), numbered(n + 1))
        if current.exists():  # (deleted by someone meanwhile: the program wrote to the deleted file)
            os.replace(current, numbered(1))
        self.stream = self._open()
