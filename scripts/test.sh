#!/usr/bin/env bash
# Set up everything, then run every check: lint, types, and the whole test suite (Qt runs
# offscreen; no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
