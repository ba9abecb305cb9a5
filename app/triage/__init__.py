"""Triage without Qt: the grid's snapshot, filters, search, sort and counts as polars."""
