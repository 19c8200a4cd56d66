"""The list of every model module, so Base.metadata knows all tables (migrations, sync server, tests).

A feature appends its model module here; nothing else needs to know the list."""

from __future__ import annotations

import importlib

MODEL_MODULES = [
    "bochum_desktop.db.journal",
    "bochum_desktop.reference.model",
    "bochum_desktop.kita.model",
    "bochum_desktop.ideas.model",
    "bochum_desktop.export.model",
    "bochum_desktop.sync.model",
]


def load_all() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
