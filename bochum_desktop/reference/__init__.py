"""Reference data shared by all features: org units (Ämter) and employees (Beschäftigte)."""
