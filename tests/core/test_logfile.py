"""The log file: a long-running program keeps it small, and the newest lines are always in the file itself."""

from __future__ import annotations

import logging

from bochum_desktop.core.logfile import RotatingLog


def _log(handler: RotatingLog, lines: range) -> None:
    logger = logging.getLogger("test.logfile")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        for n in lines:
            logger.info("line %04d %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_a_full_log_moves_to_numbered_files_and_only_the_newest_are_kept(tmp_path):
    path = tmp_path / "bochum-desktop.log"
    _log(RotatingLog(path, max_bytes=1_000, backups=3), range(200))  # ~10 KB: several rotations
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["bochum-desktop.log", "bochum-desktop.log.1", "bochum-desktop.log.2", "bochum-desktop.log.3"]
    for name in files:
        assert (tmp_path / name).stat().st_size <= 1_000 + 60  # (one line past the limit at most)
    # Newest in the file itself, older ones further back, nothing out of order or twice.
    texts = [(tmp_path / name).read_text(encoding="utf-8").splitlines() for name in reversed(files)]
    numbers = [int(line.split()[1]) for text in texts for line in text]
    assert numbers == list(range(numbers[0], 200))
    assert numbers[0] > 0  # the oldest lines are gone


def test_a_new_start_appends_to_the_log_it_finds(tmp_path):
    path = tmp_path / "bochum-desktop.log"
    _log(RotatingLog(path, max_bytes=100_000, backups=3), range(3))
    _log(RotatingLog(path, max_bytes=100_000, backups=3), range(3, 5))
    assert [int(line.split()[1]) for line in path.read_text(encoding="utf-8").splitlines()] == [0, 1, 2, 3, 4]


def test_a_log_deleted_while_the_program_runs_loses_no_line(tmp_path):
    path = tmp_path / "bochum-desktop.log"
    handler = RotatingLog(path, max_bytes=200, backups=2)
    logger = logging.getLogger("test.logfile.deleted")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        for n in range(3):
            logger.info("line %04d %s", n, "x" * 40)
        path.unlink()  # e.g. by a clean-up tool; the program keeps writing to the deleted file
        for n in range(3, 8):
            logger.info("line %04d %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    kept = [path.with_name(path.name + ".1"), path]
    numbers = [int(line.split()[1]) for p in kept if p.exists() for line in p.read_text(encoding="utf-8").splitlines()]
    # Line 3 went into the deleted file; line 4 found it full and starts the new one instead of being dropped.
    assert numbers == [4, 5, 6, 7]


def test_no_size_limit_or_no_old_files_means_one_growing_file(tmp_path):
    for name, max_bytes, backups in (("a.log", 0, 3), ("b.log", 500, 0)):
        _log(RotatingLog(tmp_path / name, max_bytes=max_bytes, backups=backups), range(50))
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(name)] == [name]
        assert len((tmp_path / name).read_text(encoding="utf-8").splitlines()) == 50
