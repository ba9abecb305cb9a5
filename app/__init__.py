"""CountyClear: the domain core. Never imports Qt or `ui` (tests/app/test_boundaries.py)."""

import os

__version__ = "0.1.0"

# polars' allocator hands freed memory back to the system after half a second (jemalloc on
# Linux and macOS; mimalloc on Windows after 10 ms), and an evaluation frees and reallocates
# hundreds of megabytes between its steps: every page handed back is faulted in again. Page
# faults were about a quarter of a large run's CPU time here; keeping freed memory for ten
# seconds made the 1,000,000-row run about a tenth faster (benchmarks/README.md). polars
# reads these when it starts, so they are set before polars is imported; a value the user
# already set wins. Measured on Linux only; the mimalloc setting is untested.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:10000,muzzy_decay_ms:10000")
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "10000")

# The runtime built for AVX2 CPUs, when installed and this CPU can run it (app/polars_runtime).
from app.polars_runtime import prefer_fast_runtime

prefer_fast_runtime()
