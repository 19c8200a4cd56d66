"""Domain core: ids, clock, errors, validation, formatting. No Qt, no SQLAlchemy."""
