"""Data layer: declarative base, sync columns, engine factory, unit of work, change capture."""
