#!/usr/bin/env bash
# Create .venv and install everything the assistant and its tests need. Idempotent: re-runs only when
# pyproject.toml changed. The first run compiles llama-cpp-python (about 4-5 minutes on 2 cores, alongside
# the other installs).
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
  # llama.cpp compiled for this CPU's vector extensions but never AMX: a native build uses AMX tiles,
  # which VMs often forbid (SIGILL). AVX-512, where present, makes prompt processing ~1.6x faster.
  # LLAVA_BUILD=OFF: the vision library (mtmd) is loaded only by image chat handlers, which the
  # assistant never uses; skipping it saves about a minute of the build (bench/results/llama-build-*.txt).
  # No pip cache for it, so a wheel built earlier with other flags is not silently reused. It has a
  # stamp of its own (version and flags) so that a dependency change elsewhere does not recompile it.
  pin=$(grep -o 'llama-cpp-python\[server\]==[0-9.]*' pyproject.toml | sed 's/\[server\]//')
  cmake_args="${CMAKE_ARGS:-$(llama_cmake_args) -DLLAVA_BUILD=OFF}"
  llama_stamp=".venv/.llama-$(echo "$pin $cmake_args" | sha256sum | cut -c1-16)"
  build_pid=""
  if [ ! -f "$llama_stamp" ]; then
    # The compile keeps both cores busy while the other packages mostly download and unpack, so the
    # wheel is built in the background, outside the venv, and installed once everything else is in.
    rm -rf .venv/llama-wheel
    CMAKE_ARGS="$cmake_args" .venv/bin/python -m pip wheel --quiet --no-cache-dir --no-deps \
      -w .venv/llama-wheel "$pin" >.venv/llama-build.log 2>&1 &
    build_pid=$!
  fi
  # The CPU build of torch (from /opt/wheels here); any other torch spec pulls GBs of CUDA packages.
  .venv/bin/python -m pip install --quiet torch==2.13.0
  # Every other dependency, without the project itself (which would compile llama-cpp-python again).
  .venv/bin/python - >.venv/requirements-rest.txt <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
    if not spec.startswith("llama-cpp-python"):
        print(spec)
PY
  .venv/bin/python -m pip install --quiet -r .venv/requirements-rest.txt
  if [ -n "$build_pid" ]; then
    if ! wait "$build_pid"; then
      cat .venv/llama-build.log >&2
      echo "setup: building llama-cpp-python failed (log above, also in .venv/llama-build.log)" >&2
      exit 1
    fi
    .venv/bin/python -m pip install --quiet --no-deps --force-reinstall .venv/llama-wheel/llama_cpp_python-*.whl
    rm -rf .venv/llama-wheel .venv/.llama-*
    touch "$llama_stamp"
  fi
  .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
