//! Exporting a year of sale lines (1M) from the benchmark's SQLite file
//! (`sales_db`), in the same run (issue 7, `docs/performance.md`):
//!
//! - **kringloop, Rust**: every batch of the research table `sale_lines` for
//!   2026 through `Hub::research_table` (pseudonymous keys, parsed dates);
//! - **floor**: the same rows read with rusqlite in one statement, every
//!   value looked at and dropped — what reading them from SQLite costs;
//! - **kringloop → polars** (`polars.DataFrame(hub.table(...))`), the table
//!   **streamed** through `pyarrow.RecordBatchReader`, and
//!   **`pandas.read_sql`** of the same lines joined to their sales: Python,
//!   each in its own process in `.venv-bench` (`scripts/bench-setup.sh`
//!   installs kringloop's wheel, polars, pyarrow and pandas there), timed
//!   inside the script (`scripts/bench_export_peers.py`), with how far each
//!   raised its process's peak memory.
//!
//! Each figure is the median of `KRINGLOOP_BENCH_RUNS` runs (default 3).
//! Measurement only: prints a table with the ratios and exits 0.

mod sales_db;

use kringloop::research::{RESEARCH_BATCH_ROWS, ResearchTable};
use kringloop::{Actor, Hub, Period, Role};
use rusqlite::Connection;
use sales_db::{SLUG, median, python_peer, ratio, year};
use std::path::Path;
use std::time::Instant;

/// The rows of the research table, raw: the floor.
const FLOOR: &str = "SELECT l.sale_id, l.line_no + 1, l.item_id, l.date, l.category, \
     l.quantity, l.unit_price, l.line_total, l.net, l.weight_grams, \
     s.payment, s.city_pass, s.reverses IS NOT NULL, s.actor \
     FROM sale_lines l JOIN sales s ON s.hub_id = l.hub_id AND s.id = l.sale_id \
     WHERE l.hub_id = ?1 AND l.date >= '2026-01-01' AND l.date <= '2026-12-31' \
     ORDER BY l.sale_id, l.line_no";

/// Seconds and rows for every batch of the year's sale lines.
async fn kringloop_export(path: &Path) -> (f64, usize) {
    let url = format!("sqlite:{}", path.display());
    let hub = Hub::open(&url, SLUG).await.unwrap();
    let researcher = Actor::new("onderzoek", Role::Researcher).unwrap();
    let (from, to) = year();
    let period = Period::new(from, to).unwrap();
    let t = Instant::now();
    let mut reader = hub
        .research_table(&researcher, ResearchTable::SaleLines, Some(period))
        .await
        .unwrap();
    let mut rows = 0;
    while let Some(batch) = reader.next_batch(RESEARCH_BATCH_ROWS).await.unwrap() {
        rows += batch.rows;
    }
    (t.elapsed().as_secs_f64(), rows)
}

/// Seconds and rows for reading the same rows with rusqlite.
fn floor(path: &Path, hub: &str) -> (f64, usize) {
    let conn = Connection::open(path).unwrap();
    let t = Instant::now();
    let mut st = conn.prepare(FLOOR).unwrap();
    let mut rows = st.query([hub]).unwrap();
    let (mut n, mut bytes) = (0usize, 0usize);
    while let Some(row) = rows.next().unwrap() {
        for c in 0..14 {
            bytes += match row.get_ref(c).unwrap() {
                rusqlite::types::ValueRef::Text(s) => s.len(),
                _ => 1,
            };
        }
        n += 1;
    }
    assert!(bytes > n);
    (t.elapsed().as_secs_f64(), n)
}

/// Seconds, rows and the peak memory's rise (MB) of a Python way.
fn python(engine: &str, path: &Path) -> Option<(f64, usize, f64)> {
    let words = python_peer(
        "bench_export_peers.py",
        &[engine, &path.display().to_string()],
    )?;
    Some((
        words.first()?.parse().ok()?,
        words.get(1)?.parse().ok()?,
        words.get(2)?.parse().ok()?,
    ))
}

#[tokio::main]
async fn main() {
    let runs = sales_db::runs();
    let (path, hub) = sales_db::open().await;
    let (mut ours, mut base) = (Vec::new(), Vec::new());
    let mut peers: Vec<(&str, Vec<f64>, Vec<f64>)> = ["polars", "stream", "pandas"]
        .into_iter()
        .map(|e| (e, Vec::new(), Vec::new()))
        .collect();
    let mut expected = None;
    for _ in 0..runs {
        let (s, rows) = kringloop_export(&path).await;
        ours.push(s);
        let (s, n) = floor(&path, &hub);
        assert_eq!(n, rows, "the floor read other rows");
        base.push(s);
        expected = Some(rows);
        for (engine, times, rises) in &mut peers {
            if let Some((s, n, mb)) = python(engine, &path) {
                assert_eq!(n, rows, "{engine} read other rows");
                times.push(s);
                rises.push(mb);
            }
        }
    }
    let rows = expected.unwrap_or(0);
    let ours = median(ours);
    println!();
    println!(
        "exporting 2026's sale lines ({rows} of the file's {} rows, 14 columns), medians of {runs} runs",
        sales_db::lines()
    );
    println!("| way | seconds | peak memory rise | kringloop (Rust) is |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| kringloop research table, Rust batches of {RESEARCH_BATCH_ROWS} | {ours:.3} | | — |"
    );
    let base = median(base);
    println!(
        "| floor: the same rows read with rusqlite | {base:.3} | | {} |",
        ratio(ours, base)
    );
    let polars = peers
        .iter()
        .find(|p| p.0 == "polars")
        .filter(|p| !p.1.is_empty())
        .map(|p| median(p.1.clone()));
    for (engine, times, rises) in peers {
        let name = match engine {
            "polars" => "kringloop → `polars.DataFrame(hub.table(...))`",
            "stream" => "kringloop → `pyarrow.RecordBatchReader`, batches dropped",
            _ => "`pandas.read_sql` of the same lines",
        };
        if times.is_empty() {
            println!("| {name} | skipped (run scripts/bench-setup.sh) | | |");
            continue;
        }
        let (m, mb) = (median(times), median(rises));
        println!("| {name} | {m:.3} | {mb:.0} MB | {} |", ratio(ours, m));
        if engine == "pandas" {
            if let Some(p) = polars {
                println!();
                println!("kringloop → polars is {} than pandas.read_sql", ratio(p, m));
            }
        }
    }
}
