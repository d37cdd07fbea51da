//! The benchmarks' SQLite file: a year of a busy shop twice over (two years
//! of sales, 1M sale lines in the year measured), shared by `report.rs` and
//! `export.rs` (`target/bench/report.db`, kept between runs; delete it or
//! set `KRINGLOOP_BENCH_FRESH=1` to rebuild). It is made by `Hub::open`
//! (kringloop's migrations) and `Hub::take_in_batch` (10 000 items), then the
//! sales are written straight into kringloop's tables with rusqlite: through
//! the till (~400 checkouts/s) a million lines would take most of an hour.
//! Ids are time-ordered like the till's; sales carry no stock moves (no
//! report reads them), and the monthly running totals (`sales_months`, which
//! every sale keeps in its own transaction) are filled from the lines in one
//! statement. `KRINGLOOP_BENCH_LINES` sets the number of lines (default
//! 2 000 000 over two years, so the year measured holds 1 000 000).

use chrono::{Datelike as _, Duration, NaiveDate};
use kringloop::{Actor, Category, CodeList as _, Condition, Hub, NewItem, Role};
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const SLUG: &str = "oude-bieb";
const LINES_PER_SALE: usize = 3;
const ITEMS: usize = 10_000;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

pub fn year() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    )
}

/// Builds the file unless it is there with the asked number of lines.
async fn prepare(path: &Path, lines: usize) -> String {
    if path.exists() && std::env::var_os("KRINGLOOP_BENCH_FRESH").is_none() {
        let conn = Connection::open(path).unwrap();
        let have: i64 = conn
            .query_row("SELECT COUNT(*) FROM sale_lines", [], |r| r.get(0))
            .unwrap_or(0);
        let hub: Option<String> = conn
            .query_row("SELECT id FROM hubs WHERE slug = ?1", [SLUG], |r| r.get(0))
            .ok();
        if let (true, Some(hub)) = (have as usize == lines, hub) {
            println!("using {} ({have} sale lines)", path.display());
            return hub;
        }
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let started = Instant::now();
    let url = format!("sqlite:{}", path.display());
    let hub = Hub::open(&url, SLUG).await.unwrap();
    let clerk = Actor::new("kassa", Role::Volunteer).unwrap();
    let categories = Category::ALL;
    let inputs: Vec<NewItem> = (0..ITEMS)
        .map(|i| {
            let mut it = NewItem::new(
                categories[i % categories.len()],
                "iets moois",
                Condition::B,
                200 + (i % 40) as u32 * 50,
            );
            it.quantity = 500;
            it
        })
        .collect();
    let items = hub.take_in_batch(&clerk, inputs).await.unwrap();
    let hub_id = hub.id().to_string();
    drop(hub);

    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut sale = tx
            .prepare(
                "INSERT INTO sales (hub_id, id, till, at, date, actor, payment, city_pass, \
                 subtotal, discount, rounding, total, reverses) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'kassa', ?6, 0, ?7, 0, 0, ?7, NULL)",
            )
            .unwrap();
        let mut line = tx
            .prepare(
                "INSERT INTO sale_lines (hub_id, sale_id, date, week, month, line_no, item_id, \
                 category, quantity, unit_price, line_total, net, weight_grams) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10, ?11)",
            )
            .unwrap();
        // Two years (2025 and 2026), the sales spread evenly, in time order.
        let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let days = 730i64;
        let sales = lines.div_ceil(LINES_PER_SALE);
        let mut written = 0;
        for s in 0..sales {
            let offset = (s as i64 * days * 86_400) / sales as i64;
            let date = first + Duration::seconds(offset);
            let secs = date.and_hms_opt(10, 0, 0).unwrap().and_utc().timestamp() as u64
                + (offset % 86_400) as u64 % 28_800;
            let ts = uuid::Timestamp::from_unix(uuid::NoContext, secs, (s % 1_000_000) as u32);
            let id = uuid::Uuid::new_v7(ts).to_string();
            let week = date_text(date.week(chrono::Weekday::Mon).first_day());
            let month = date_text(date.with_day(1).unwrap());
            let day = date_text(date);
            let n = LINES_PER_SALE.min(lines - written);
            let picked: Vec<(&kringloop::Item, i64)> = (0..n)
                .map(|l| {
                    let it = &items[(s * 7 + l * 13) % items.len()];
                    (it, 50 + ((s + l) % 30) as i64 * 25)
                })
                .collect();
            let total: i64 = picked.iter().map(|(_, price)| price).sum();
            let payment = if s % 3 == 0 { "card" } else { "cash" };
            sale.execute(params![
                hub_id,
                id,
                "kassa-1",
                (secs as i64) * 1_000_000,
                day,
                payment,
                total
            ])
            .unwrap();
            for (l, (it, price)) in picked.iter().enumerate() {
                line.execute(params![
                    hub_id,
                    id,
                    day,
                    week,
                    month,
                    l as i64,
                    it.id.to_string(),
                    it.category.code(),
                    1,
                    price,
                    i64::from(it.weight_grams),
                ])
                .unwrap();
            }
            written += n;
        }
    }
    // The running totals a sale keeps (migration 0011), here for all the
    // rows written around the till.
    tx.execute(
        "INSERT INTO sales_months (hub_id, month, category, revenue, units, weight_grams) \
         SELECT hub_id, month, category, SUM(net), SUM(quantity), SUM(weight_grams) \
         FROM sale_lines WHERE hub_id = ?1 GROUP BY hub_id, month, category",
        [&hub_id],
    )
    .unwrap();
    tx.commit().unwrap();
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    println!(
        "built {} ({lines} sale lines) in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    hub_id
}

/// The file, built unless it is there with the asked number of lines, and
/// the hub's id.
pub async fn open() -> (PathBuf, String) {
    let lines = env_usize("KRINGLOOP_BENCH_LINES", 2_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.db");
    let hub = prepare(&path, lines).await;
    (path, hub)
}

/// The number of lines in the file.
pub fn lines() -> usize {
    env_usize("KRINGLOOP_BENCH_LINES", 2_000_000)
}

/// The number of runs of each measurement (`KRINGLOOP_BENCH_RUNS`, default 3).
pub fn runs() -> usize {
    env_usize("KRINGLOOP_BENCH_RUNS", 3).max(1)
}

/// The whitespace-separated words a Python peer printed (`scripts/<script>`
/// run with `args` in `.venv-bench`), or `None` when the bench virtualenv is
/// missing or the script failed (with a note).
pub fn python_peer(script: &str, args: &[&str]) -> Option<Vec<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let python = root.join(".venv-bench/bin/python");
    if !python.exists() {
        return None;
    }
    let out = Command::new(python)
        .arg(root.join("scripts").join(script))
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "{script} {}: failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect(),
    )
}

/// How `ours` compares with `theirs` (both in seconds): "n.n× faster" or
/// "n.n× slower".
pub fn ratio(ours: f64, theirs: f64) -> String {
    let r = theirs / ours;
    if r >= 1.0 {
        format!("{r:.1}× faster")
    } else {
        format!("{:.1}× slower", 1.0 / r)
    }
}
