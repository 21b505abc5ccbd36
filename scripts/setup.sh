#!/usr/bin/env bash
# Create .venv and install everything the assistant and its tests need. Idempotent: re-runs only when
# pyproject.toml changed. The first run compiles llama-cpp-python (about 10-15 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=".venv/.installed-$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # The CPU build of torch (from /opt/wheels here); any other torch spec pulls GBs of CUDA packages.
  .venv/bin/python -m pip install --quiet torch==2.13.0
  # Portable x86-64 build of llama.cpp: a native build may use AMX tiles, which VMs often forbid (SIGILL).
  CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON}" \
    .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
