"""The program's entry point: `bochum-desktop`, `python -m bochum_desktop` and the installer's bundle.

Pauses the garbage collector before anything is imported; app.main turns it on again once the window has
been drawn. Start-up creates tens of thousands of objects that all stay (modules, classes, Qt wrappers):
the collections that ran over them meanwhile freed nothing and cost ~10 ms of a start that is measured
against a bare Qt window (bench/bench_startup.py)."""

from __future__ import annotations

import gc
import sys


def run() -> int:
    gc.disable()
    from .app import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
