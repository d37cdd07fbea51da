"""The Python side of `core/benches/export.rs`: a year of sale lines (with
their sale's payment, city pass, refund flag and cashier) from the benchmark's
SQLite file into a DataFrame, three ways:

- ``polars``: ``polars.DataFrame(hub.table(researcher, "sale_lines", ...))``,
  kringloop's research table through the Arrow PyCapsule interface;
- ``stream``: the same table read batch by batch through
  ``pyarrow.RecordBatchReader`` and dropped, to show the memory a stream needs;
- ``pandas``: ``pandas.read_sql`` of the same lines joined to their sales
  (raw ids, no pseudonymous keys, in no particular order: the peer does
  less work).

Usage: bench_export_peers.py polars|stream|pandas FILE
Prints "<seconds> <rows> <MB>": the time (after the imports and the opening),
the rows read, and how far the process's peak resident memory rose above what
it held before the export (MB)."""

from __future__ import annotations

import resource
import sqlite3
import sys
import time
from datetime import date

START, END = date(2026, 1, 1), date(2026, 12, 31)

QUERY = """
SELECT l.sale_id, l.line_no + 1 AS line_no, l.item_id, l.date, l.category,
       l.quantity, l.unit_price, l.line_total, l.net, l.weight_grams,
       s.payment, s.city_pass, s.reverses IS NOT NULL AS refund, s.actor
FROM sale_lines l JOIN sales s ON s.hub_id = l.hub_id AND s.id = l.sale_id
WHERE l.date >= '2026-01-01' AND l.date <= '2026-12-31'
"""


def resident_mb() -> float:
    """The process's resident memory now (MB)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def peak_mb() -> float:
    """The process's peak resident memory so far (MB; Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def kringloop_table(path: str):
    import kringloop

    hub = kringloop.Hub.open(f"sqlite:{path}", "oude-bieb")
    researcher = kringloop.Actor("onderzoek", "researcher")
    return hub.table(researcher, "sale_lines", START, END)


def run(engine: str, path: str) -> tuple[int, float, float]:
    """Rows read, seconds and the peak's rise (MB)."""
    if engine == "polars":
        import polars as pl

        table = kringloop_table(path)
        before = resident_mb()
        started = time.perf_counter()
        rows = pl.DataFrame(table).height
    elif engine == "stream":
        import pyarrow as pa

        table = kringloop_table(path)
        before = resident_mb()
        started = time.perf_counter()
        rows = 0
        for batch in pa.RecordBatchReader.from_stream(table):
            rows += batch.num_rows
    elif engine == "pandas":
        import pandas as pd

        before = resident_mb()
        started = time.perf_counter()
        with sqlite3.connect(path) as con:
            rows = len(pd.read_sql(QUERY, con))
    else:
        raise SystemExit(f"unknown engine {engine}")
    elapsed = time.perf_counter() - started
    return rows, elapsed, max(0.0, peak_mb() - before)


def main() -> int:
    engine, path = sys.argv[1], sys.argv[2]
    rows, elapsed, rise = run(engine, path)
    print(f"{elapsed:.6f} {rows} {rise:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
