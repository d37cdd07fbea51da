#!/usr/bin/env bash
# Builds the Python package `kringloop`, installs it into .venv at the repo
# root and runs its tests against the installed package.
#
#   bash scripts/python-test.sh [pytest args…]
#
# Idempotent: creates .venv (with maturin, pytest, mypy, polars) only when missing.
# Builds a wheel with `maturin build` (debug profile: reuses the cargo build
# cache, ~10 s warm) and installs it with pip, so the tests see the package as
# a user would (compiled module, .pyi stubs, py.typed) rather than the source
# tree that `maturin develop` links in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
started=$(date +%s)

if [ ! -x "$PY" ]; then
    echo "==> creating .venv"
    "${PYTHON:-python3}" -m venv "$VENV"
fi
if ! "$PY" -c "import pytest, mypy, jsonschema, polars, pandas, matplotlib" 2>/dev/null || [ ! -x "$VENV/bin/maturin" ]; then
    echo "==> installing maturin, pytest, mypy, jsonschema, polars, pandas, matplotlib into .venv"
    "$PY" -m pip install --quiet --disable-pip-version-check "maturin>=1.16,<2" pytest mypy "jsonschema>=4.18" \
        "polars>=1" "pandas>=2" "matplotlib>=3.7"
fi

echo "==> building the wheel (maturin build)"
WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
"$VENV/bin/maturin" build --quiet -m bindings-python/Cargo.toml -i "$PY" --out "$WHEELS"

echo "==> installing it into .venv"
"$PY" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$WHEELS"/kringloop-*.whl

echo "==> pytest bindings-python/tests"
set +e
"$PY" -m pytest bindings-python/tests -q -ra -p no:cacheprovider "$@"
status=$?
set -e
elapsed=$(( $(date +%s) - started ))
if [ "$status" -eq 0 ]; then
    echo "python tests: PASSED (${elapsed}s in all)"
else
    echo "python tests: FAILED (exit $status, ${elapsed}s in all)"
fi
exit "$status"
