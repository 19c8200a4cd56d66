"""Letter templates (Textbausteine) edited by staff, synced between desks like other data."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import Base, SyncMixin


class LetterTemplate(SyncMixin, Base):
    """Subject and body of one letter type (key from the registry in export.templates).

    Seeded rows get an id derived from the key (uuid5), so two desks that seed the same default create
    the same row instead of two competing ones."""

    __tablename__ = "letter_template"

    key: Mapped[str] = mapped_column(String(80), index=True)
    title: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
