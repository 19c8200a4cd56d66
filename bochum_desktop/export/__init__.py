"""Output layer: DIN 5008 letters, list PDFs, Excel export and import. No Qt here."""
