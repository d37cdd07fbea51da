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

# The promise of the DataFrame export: in a fresh virtualenv with only polars
# and the wheel installed (no pyarrow, no pandas), polars reads a research
# table through the Arrow PyCapsule interface.
if [ "$status" -eq 0 ] && [ -z "$*" ]; then
    echo "==> a fresh virtualenv with only polars: polars.DataFrame(hub.table(...))"
    "$PY" -m venv "$WHEELS/only-polars"
    "$WHEELS/only-polars/bin/pip" install --quiet --disable-pip-version-check "polars>=1" "$WHEELS"/kringloop-*.whl
    if ! "$WHEELS/only-polars/bin/python" - <<'PY'
import importlib.util

import kringloop
import polars

assert importlib.util.find_spec("pyarrow") is None and importlib.util.find_spec("pandas") is None
hub = kringloop.Hub.open("memory:", "oude-bieb")
clerk = kringloop.Actor("kassa", "volunteer")
lot = hub.take_in(clerk, "books", "atlas", "a", 800, quantity=3)
hub.checkout(clerk, "kassa-1", [(lot.id, 2)])
frame = polars.DataFrame(hub.table(kringloop.Actor("onderzoek", "researcher"), "sale_lines"))
assert frame.height == 1 and frame["quantity"].to_list() == [2], frame
print(f"only polars: {frame.height} sale line, columns {frame.columns[:4]} ...")
PY
    then
        echo "python tests: the only-polars virtualenv could not read a research table" >&2
        status=1
    fi
fi
elapsed=$(( $(date +%s) - started ))
if [ "$status" -eq 0 ]; then
    echo "python tests: PASSED (${elapsed}s in all)"
else
    echo "python tests: FAILED (exit $status, ${elapsed}s in all)"
fi
exit "$status"
