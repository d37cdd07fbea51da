#!/usr/bin/env bash
# The Python side of `make bench` in its own virtualenv, .venv-bench, so
# `make test`'s .venv stays lean: the peers (pandas, DuckDB with its SQLite
# scanner, polars, pyarrow) and kringloop itself, built as a release wheel
# from this tree with .venv's maturin (the export benchmark reads through it).
# Idempotent; quiet when all is there (the wheel is rebuilt every time: cargo
# only relinks when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
    echo "[bench-setup] creating .venv-bench"
    python3 -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c 'import pandas, duckdb, duckdb_extension_sqlite_scanner, polars, pyarrow' 2>/dev/null; then
    echo "[bench-setup] installing pandas, duckdb and its SQLite scanner, polars and pyarrow into .venv-bench"
    .venv-bench/bin/pip install -q --disable-pip-version-check \
        "pandas>=2" "duckdb>=1.1" duckdb-extension-sqlite-scanner "polars>=1" "pyarrow>=14"
fi
if [ ! -x .venv/bin/maturin ]; then
    bash scripts/setup.sh
fi
echo "[bench-setup] building kringloop's release wheel into .venv-bench"
wheels="target/bench/wheels"
rm -rf "$wheels"
.venv/bin/maturin build --quiet --release -m bindings-python/Cargo.toml \
    -i .venv-bench/bin/python --out "$wheels"
.venv-bench/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/kringloop-*.whl
