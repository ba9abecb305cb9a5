#!/usr/bin/env bash
# Set up everything, then start CountyClear on the bundled sample data. Without a display
# the app says so and runs the headless evaluation and export of the sample instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/countyclear "$@"
