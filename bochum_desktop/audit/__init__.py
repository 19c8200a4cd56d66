"""Reading the audit log: the history ('Verlauf') of a record."""
