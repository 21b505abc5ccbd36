#!/usr/bin/env bash
# Set up (first run only) and start the assistant on the embedded offline model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/assistant chat "$@"
