"""Bochum Desktop: staff-facing activities of the Bochum Strategie on one desk application."""

__version__ = "0.1.0"
APP_NAME = "Bochum Desktop"
APP_ID = "bochum-desktop"
