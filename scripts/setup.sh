#!/usr/bin/env bash
# Create .venv and install everything the assistant and its tests need. Idempotent: re-runs only when
# pyproject.toml changed. The first run compiles llama-cpp-python (about 10-15 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

llama_cmake_args() {
  local flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  local cpu
  cpu=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  if [[ $cpu == *" avx512f "* && $cpu == *" avx512cd "* && $cpu == *" avx512vl "* && $cpu == *" avx512dq "* \
        && $cpu == *" avx512bw "* ]]; then
    flags+=" -DGGML_AVX512=ON"
    [[ $cpu == *" avx512vbmi "* ]] && flags+=" -DGGML_AVX512_VBMI=ON"
    [[ $cpu == *" avx512_vnni "* ]] && flags+=" -DGGML_AVX512_VNNI=ON"
    [[ $cpu == *" avx512_bf16 "* ]] && flags+=" -DGGML_AVX512_BF16=ON"
  fi
  echo "$flags"
}

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=".venv/.installed-$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # The CPU build of torch (from /opt/wheels here); any other torch spec pulls GBs of CUDA packages.
  .venv/bin/python -m pip install --quiet torch==2.13.0
  # llama.cpp compiled for this CPU's vector extensions but never AMX: a native build uses AMX tiles,
  # which VMs often forbid (SIGILL). AVX-512, where present, makes prompt processing ~1.6x faster.
  # No pip cache for it, so a wheel built earlier with other flags is not silently reused. It has a
  # stamp of its own (version and flags) so that a dependency change elsewhere does not recompile it.
  pin=$(grep -o 'llama-cpp-python\[server\]==[0-9.]*' pyproject.toml | sed 's/\[server\]//')
  cmake_args="${CMAKE_ARGS:-$(llama_cmake_args)}"
  llama_stamp=".venv/.llama-$(echo "$pin $cmake_args" | sha256sum | cut -c1-16)"
  if [ ! -f "$llama_stamp" ]; then
    CMAKE_ARGS="$cmake_args" .venv/bin/python -m pip install --quiet --no-cache-dir --no-deps --force-reinstall "$pin"
    rm -f .venv/.llama-*
    touch "$llama_stamp"
  fi
  .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
