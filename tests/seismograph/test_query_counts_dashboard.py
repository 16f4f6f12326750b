"""The Seismograph's dashboard pages, each pinned to its exact query count (see tests/queries.py)."""

PAGES = []
