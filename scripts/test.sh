#!/usr/bin/env bash
# Set up everything, then run every check: lint, types, the one-folder bundle built from
# these sources with its self-test, and the whole test suite, which also starts that bundle
# (Qt runs offscreen; no display needed). COUNTYCLEAR_SKIP_BUNDLE=1 skips the ~40 s build
# while iterating; the bundle tests then say they were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
if [ "${COUNTYCLEAR_SKIP_BUNDLE:-0}" != "1" ]; then
  QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/build.py --selftest
fi
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
