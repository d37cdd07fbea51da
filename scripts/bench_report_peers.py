"""The Python peers of `core/benches/report.rs`: the year's sales figures
(revenue, units and weight per category per month) from the benchmark's SQLite
file, the way a researcher writes them without knowing kringloop's schema
shortcuts: the sale lines joined to their sales, then grouped by month and
category.

Usage: bench_report_peers.py pandas|duckdb FILE
Prints "<seconds> <revenue in cents>" (timed after the imports)."""

from __future__ import annotations

import sqlite3
import sys
import time

QUERY = """
SELECT s.date AS date, l.category AS category, l.net AS net,
       l.quantity AS quantity, l.weight_grams AS weight_grams
FROM sale_lines l JOIN sales s ON s.hub_id = l.hub_id AND s.id = l.sale_id
WHERE s.date >= '2026-01-01' AND s.date <= '2026-12-31'
"""


def pandas_figures(path: str) -> int:
    import pandas as pd

    started = time.perf_counter()
    with sqlite3.connect(path) as con:
        lines = pd.read_sql(QUERY, con)
    lines["month"] = lines["date"].str.slice(0, 7)
    figures = lines.groupby(["month", "category"])[["net", "quantity", "weight_grams"]].sum()
    elapsed = time.perf_counter() - started
    print(f"{elapsed:.6f} {int(figures['net'].sum())}")
    return 0


def duckdb_figures(path: str) -> int:
    import pathlib

    import duckdb
    import duckdb_extension_sqlite_scanner as scanner

    # The scanner comes from PyPI (duckdb-extension-sqlite-scanner): load its
    # file, since DuckDB would otherwise try to download it.
    ext = next(pathlib.Path(scanner.__file__).parent.joinpath("extensions").rglob("sqlite_scanner.duckdb_extension"))
    con = duckdb.connect()
    con.execute(f"LOAD '{ext}'")
    started = time.perf_counter()
    con.execute(f"ATTACH '{path}' AS shop (TYPE sqlite, READ_ONLY)")
    rows = con.execute(
        """
        SELECT substr(s.date, 1, 7) AS month, l.category,
               SUM(l.net) AS net, SUM(l.quantity) AS units, SUM(l.weight_grams) AS grams
        FROM shop.sale_lines l JOIN shop.sales s ON s.hub_id = l.hub_id AND s.id = l.sale_id
        WHERE s.date >= '2026-01-01' AND s.date <= '2026-12-31'
        GROUP BY 1, 2
        """
    ).fetchall()
    elapsed = time.perf_counter() - started
    print(f"{elapsed:.6f} {int(sum(r[2] for r in rows))}")
    return 0


def main() -> int:
    engine, path = sys.argv[1], sys.argv[2]
    if engine == "pandas":
        return pandas_figures(path)
    if engine == "duckdb":
        return duckdb_figures(path)
    print(f"unknown engine {engine}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
