"""Domain errors. Each carries the German message the user reads and, where known, the field."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken. `message` is German and shown to the user as is."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DomainError):
    """Input refused. `errors` maps field name -> German message (several fields at once)."""

    def __init__(self, errors: dict[str, str] | str, field: str | None = None) -> None:
        if isinstance(errors, str):
            errors = {field or "": errors}
        self.errors = dict(errors)
        first_field, first_msg = next(iter(self.errors.items()))
        message = first_msg if len(self.errors) == 1 else "\n".join(self.errors.values())
        super().__init__(message, first_field or None)


class NotFoundError(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class ConflictError(DomainError):
    """The record was changed by someone else since it was loaded."""


class DataFileError(DomainError):
    """The data file cannot be used (not SQLite, newer schema, damaged)."""

    def __init__(self, message: str, kind: str, path: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
