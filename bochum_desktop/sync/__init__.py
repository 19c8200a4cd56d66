"""Desk side of the sync: transport, push/pull client, local merge, conflict store (no Qt)."""
