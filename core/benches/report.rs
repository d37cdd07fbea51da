//! The hub report over a year of a busy shop (1M sale lines), against the
//! ways a researcher would otherwise get the same figures, in the same run
//! on the same SQLite file (issue 7, `docs/performance.md`):
//!
//! - **kringloop**: `Hub::hub_report` for the year (every section; the sales
//!   figures are the heavy part);
//! - **hand-written SQL**: the sales figures (revenue, units and weight per
//!   category per month, and the number of sales) with rusqlite over the sale
//!   lines (their covering index by month) — what a direct query of the lines
//!   costs;
//! - **pandas**: `pandas.read_sql` of the lines joined to their sales, then a
//!   group-by (what a researcher writes without knowing the schema's
//!   shortcuts);
//! - **DuckDB**: the same join and group-by, scanning the SQLite file.
//!
//! The Python peers run in `.venv-bench` (`scripts/bench-setup.sh` makes it);
//! without it they are skipped with a note. Each figure is the median of
//! `KRINGLOOP_BENCH_RUNS` runs (default 3), timed inside its own process
//! (interpreter start and imports excluded). Measurement only: prints a table
//! with the ratios and exits 0.
//!
//! The file is `sales_db` (`target/bench/report.db`, built on first use).

mod sales_db;

use kringloop::{Actor, Hub, Period, Role};
use rusqlite::{Connection, params};
use sales_db::{SLUG, date_text, median, python_peer, ratio, year};
use std::path::Path;
use std::time::Instant;

/// The sales figures by hand: what the report's sales section needs.
const HAND_LINES: &str = "SELECT month, category, SUM(net), SUM(quantity), SUM(weight_grams) \
     FROM sale_lines WHERE hub_id = ?1 AND month >= ?2 AND month <= ?3 \
     AND date >= ?2 AND date <= ?4 GROUP BY month, category";
const HAND_SALES: &str = "SELECT COUNT(*) FILTER (WHERE reverses IS NULL), \
     COUNT(*) FILTER (WHERE reverses IS NOT NULL) FROM sales \
     WHERE hub_id = ?1 AND date >= ?2 AND date <= ?3";

/// Seconds the hub report for the year takes, through kringloop.
async fn kringloop_report(path: &Path) -> (f64, i64) {
    let url = format!("sqlite:{}", path.display());
    let hub = Hub::open(&url, SLUG).await.unwrap();
    let coordinator = Actor::new("anna", Role::Coordinator).unwrap();
    let (from, to) = year();
    let period = Period::new(from, to).unwrap();
    hub.hub_report(&coordinator, period).await.unwrap(); // warm the cache
    let t = Instant::now();
    let report = hub.hub_report(&coordinator, period).await.unwrap();
    let secs = t.elapsed().as_secs_f64();
    (secs, report.sales.revenue.cents())
}

/// Seconds the hand-written sales figures take, with rusqlite.
fn hand_sql(path: &Path, hub: &str) -> (f64, i64) {
    let conn = Connection::open(path).unwrap();
    let (from, to) = year();
    let (from, to) = (date_text(from), date_text(to));
    let run = |conn: &Connection| -> i64 {
        let mut st = conn.prepare_cached(HAND_LINES).unwrap();
        let rows = st
            .query_map(params![hub, from, to, to], |r| r.get::<_, i64>(2))
            .unwrap();
        let revenue: i64 = rows.map(|r| r.unwrap()).sum();
        let mut st = conn.prepare_cached(HAND_SALES).unwrap();
        let _: (i64, i64) = st
            .query_row(params![hub, from, to], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        revenue
    };
    run(&conn);
    let t = Instant::now();
    let revenue = run(&conn);
    (t.elapsed().as_secs_f64(), revenue)
}

/// Seconds a Python peer takes (timed inside the script) and the revenue
/// it found, or `None` when the bench virtualenv is missing.
fn report_peer(engine: &str, path: &Path) -> Option<(f64, i64)> {
    let words = python_peer(
        "bench_report_peers.py",
        &[engine, &path.display().to_string()],
    )?;
    Some((words.first()?.parse().ok()?, words.get(1)?.parse().ok()?))
}

#[tokio::main]
async fn main() {
    let (lines, runs) = (sales_db::lines(), sales_db::runs());
    let (path, hub) = sales_db::open().await;

    let mut ours = Vec::new();
    let mut hand = Vec::new();
    let mut pandas = Vec::new();
    let mut duck = Vec::new();
    for _ in 0..runs {
        let (s, revenue) = kringloop_report(&path).await;
        ours.push(s);
        let (s, r) = hand_sql(&path, &hub);
        assert_eq!(r, revenue, "hand-written SQL disagrees on the revenue");
        hand.push(s);
        for (engine, times) in [("pandas", &mut pandas), ("duckdb", &mut duck)] {
            if let Some((s, r)) = report_peer(engine, &path) {
                assert_eq!(r, revenue, "{engine} disagrees on the revenue");
                times.push(s);
            }
        }
    }
    let ours = median(ours);
    println!();
    println!(
        "hub report for 2026 ({} of the file's {lines} sale lines), medians of {runs} runs",
        lines / 2
    );
    println!("| way | seconds | kringloop is |");
    println!("| --- | --- | --- |");
    println!("| kringloop `Hub::hub_report` (every section) | {ours:.3} | — |");
    let row = |name: &str, times: Vec<f64>| {
        if times.is_empty() {
            println!("| {name} | skipped (run scripts/bench-setup.sh) | |");
        } else {
            let m = median(times);
            println!("| {name} | {m:.3} | {} |", ratio(ours, m));
        }
    };
    row("hand-written SQL, sales figures only (rusqlite)", hand);
    row("pandas `read_sql` + groupby", pandas);
    row("DuckDB scanning the SQLite file", duck);
}
