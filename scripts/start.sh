#!/usr/bin/env bash
# Set up (first run only) and open the browser chat on the embedded offline model (http://127.0.0.1:7860).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python ui.py "$@"
