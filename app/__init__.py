"""CountyClear: the domain core. Never imports Qt or `ui` (tests/app/test_boundaries.py)."""

__version__ = "0.1.0"
