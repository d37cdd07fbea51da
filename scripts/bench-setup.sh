#!/usr/bin/env bash
# The Python peers of `make bench` (pandas, DuckDB with its SQLite scanner) in
# their own virtualenv, .venv-bench, so `make test`'s .venv stays lean.
# Idempotent; quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
    echo "[bench-setup] creating .venv-bench"
    python3 -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c 'import pandas, duckdb, duckdb_extension_sqlite_scanner' 2>/dev/null; then
    echo "[bench-setup] installing pandas, duckdb and its SQLite scanner into .venv-bench"
    .venv-bench/bin/pip install -q --disable-pip-version-check \
        "pandas>=2" "duckdb>=1.1" duckdb-extension-sqlite-scanner
fi
