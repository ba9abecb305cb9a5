"""CountyClear: the domain core. Never imports Qt or `ui` (tests/app/test_boundaries.py)."""

import os

from app.polars_runtime import prefer_fast_runtime

__version__ = "0.1.0"

# polars' allocator hands freed memory back to the system after half a second (jemalloc on
# Linux and macOS; mimalloc on Windows after 10 ms), and an evaluation frees and reallocates
# hundreds of megabytes between its steps: every page handed back is faulted in again. Page
# faults were about a quarter of a large run's CPU time here; keeping freed memory for ten
# seconds made the 1,000,000-row run about a tenth faster (benchmarks/README.md). polars
# reads these when it starts, so they are set before polars is imported; a value the user
# already set wins. Measured on Linux only; the mimalloc setting is untested.
# One jemalloc arena instead of four per core: polars often frees a buffer on another thread
# than the one that made it, and only an arena's own threads reuse what it holds. With one,
# the 1,000,000-row run faulted in 15% fewer pages (200 MiB less at its peak) and spent about
# half the system time, with the same user time (benchmarks/README.md, fifth session).
ALLOCATOR_CONF = "dirty_decay_ms:10000,muzzy_decay_ms:10000,narenas:1"
os.environ.setdefault("_RJEM_MALLOC_CONF", ALLOCATOR_CONF)
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "10000")

# The runtime built for AVX2 CPUs, when installed and this CPU can run it (app/polars_runtime).
prefer_fast_runtime()
