//! Till and bulk-intake throughput: kringloop against direct SQLite, in the
//! same run (DESIGN.md §6: "checkout on SQLite at ≥ 0.5× the throughput of
//! direct SQLite doing the same rows with the same durability" and "batch
//! intake at ≥ 0.5× a direct SQLite bulk insert of the same rows").
//!
//! Run with `make bench` (or `cargo bench -p kringloop --features
//! kringloop/postgres --bench till`). Measurement only: it prints a table
//! with PASS/BELOW per bar and always exits 0 unless something crashes.
//!
//! Both sides get their own fresh file, created and filled the same way
//! (`Hub::open` runs kringloop's migrations, then `Hub::take_in_batch` takes
//! the items in), so the schema, the hub row and the items are identical.
//! The direct side then opens its file with rusqlite (the same bundled
//! SQLite, libsqlite3-sys 0.30.1), sets the same pragmas (WAL,
//! `synchronous = FULL`, foreign keys, `secure_delete`) and writes the same
//! rows per unit in one `BEGIN IMMEDIATE` transaction with cached statements.
//!
//! Environment (all optional):
//! - `KRINGLOOP_BENCH_CHECKOUTS` checkouts per run (default 2000)
//! - `KRINGLOOP_BENCH_ITEMS` items in the bulk intake (default 10000, at most 10000)
//! - `KRINGLOOP_BENCH_RUNS` runs; the table shows medians (default 3)

use chrono::Datelike as _;
use kringloop::{
    Actor, Basket, BasketLine, Category, CodeList as _, Condition, Hub, Item, NewItem,
    PaymentMethod, Role,
};
use rusqlite::{Connection, TransactionBehavior, params};
use std::path::Path;
use std::time::Instant;

const BAR: f64 = 0.5;
const SLUG: &str = "oude-bieb";
const TILL: &str = "kassa-1";
const CASHIER: &str = "kassa";
const PRICE_CENTS: i64 = 250;
const WEIGHT_GRAMS: u32 = 250;

/// The same SQL kringloop's stock check runs (`stock_of` in
/// `core/src/store/sql/stock.rs`), for three items.
const STOCK_CHECK: &str = "SELECT i.id AS id, \
     (SELECT CAST(COALESCE(SUM(m.quantity), 0) AS BIGINT) FROM stock_moves m \
      WHERE m.hub_id = i.hub_id AND m.item_id = i.id) AS on_hand \
     FROM items i WHERE i.hub_id = ?1 AND i.id IN (?2, ?3, ?4)";
const BUMP_COUNTER: &str =
    "UPDATE hubs SET journal_seq = journal_seq + 1 WHERE id = ?1 RETURNING journal_seq";
const INSERT_SALE: &str = "INSERT INTO sales (hub_id, id, till, at, date, actor, payment, city_pass, \
     subtotal, discount, rounding, total, reverses) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const INSERT_LINE: &str = "INSERT INTO sale_lines (hub_id, sale_id, date, week, month, line_no, item_id, \
     category, quantity, unit_price, line_total, net, weight_grams) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const ADD_TO_MONTH: &str = "INSERT INTO sales_months (hub_id, month, category, revenue, units, \
     weight_grams) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (hub_id, month, category) DO UPDATE SET \
     revenue = sales_months.revenue + excluded.revenue, units = sales_months.units + excluded.units, \
     weight_grams = sales_months.weight_grams + excluded.weight_grams";
const INSERT_MOVE: &str = "INSERT INTO stock_moves (hub_id, seq, item_id, pos, id, kind, quantity, date, \
     at, actor, sale_id, unit_price, reason) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const INSERT_ITEM: &str = "INSERT INTO items (hub_id, created_at, id, category, description, condition, \
     quantity, weight_grams, donor, intake_date, price_override) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
const INSERT_JOURNAL: &str = "INSERT INTO journal (hub_id, seq, id, at, actor, role, action, entity, \
     entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(default)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn volunteer() -> Actor {
    Actor::new(CASHIER, Role::Volunteer).expect("actor")
}

/// Takes in `inputs` through the Hub (in batches of at most 10 000).
async fn take_in(hub: &Hub, inputs: Vec<NewItem>) -> Vec<Item> {
    let v = volunteer();
    let mut items = Vec::with_capacity(inputs.len());
    let mut rest = inputs;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(kringloop::hub::stock::MAX_BATCH));
        items.extend(hub.take_in_batch(&v, rest).await.expect("take in"));
        rest = tail;
    }
    items
}

/// How the checkout benchmark picks its items.
#[derive(Clone, Copy)]
enum Shelf {
    /// Every checkout sells three fresh one-unit items (the usual case in a
    /// second-hand shop: an item has two or three moves in its life).
    Distinct,
    /// Every checkout sells one unit of the same three items, which collect
    /// one move per checkout (the stock sums grow with the run).
    Same,
}

impl Shelf {
    fn label(self) -> &'static str {
        match self {
            Shelf::Distinct => "checkout, 3 fresh 1-unit items",
            Shelf::Same => "checkout, same 3 items each time",
        }
    }

    fn inputs(self, n: usize) -> Vec<NewItem> {
        let (count, quantity) = match self {
            Shelf::Distinct => (3 * n, 1),
            Shelf::Same => (3, u32::try_from(n).expect("n fits u32")),
        };
        (0..count)
            .map(|i| NewItem {
                quantity,
                ..NewItem::new(
                    Category::ALL[i % Category::ALL.len()],
                    &format!("ding {i}"),
                    Condition::B,
                    WEIGHT_GRAMS,
                )
            })
            .collect()
    }

    /// The items of checkout `k`.
    fn basket(self, items: &[Item], k: usize) -> &[Item] {
        match self {
            Shelf::Distinct => &items[3 * k..3 * k + 3],
            Shelf::Same => &items[..3],
        }
    }
}

/// A fresh file with kringloop's schema, the hub and the items taken in.
async fn prepared_file(path: &Path, inputs: Vec<NewItem>) -> (Hub, Vec<Item>) {
    let hub = Hub::open(&url(path), SLUG).await.expect("open hub");
    let items = take_in(&hub, inputs).await;
    (hub, items)
}

/// `n` checkouts through `Hub::checkout`; checkouts per second.
async fn kringloop_checkouts(path: &Path, shelf: Shelf, n: usize) -> f64 {
    let (hub, items) = prepared_file(path, shelf.inputs(n)).await;
    let v = volunteer();
    let baskets: Vec<Basket> = (0..n)
        .map(|k| Basket {
            till: TILL.into(),
            lines: shelf
                .basket(&items, k)
                .iter()
                .map(|i| BasketLine {
                    item_id: i.id,
                    quantity: 1,
                })
                .collect(),
            payment: PaymentMethod::Card,
            city_pass: false,
            at: None,
        })
        .collect();
    let started = Instant::now();
    for basket in baskets {
        hub.checkout(&v, basket).await.expect("checkout");
    }
    n as f64 / started.elapsed().as_secs_f64()
}

/// Opens a file with rusqlite and the pragmas `SqliteStore::connect` sets.
fn direct_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    conn.pragma_update(None, "foreign_keys", "ON")
        .expect("foreign keys");
    conn.pragma_update(None, "secure_delete", "ON")
        .expect("secure delete");
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .expect("busy timeout");
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("read synchronous");
    assert_eq!(sync, 2, "synchronous = FULL");
    conn
}

fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The same rows per checkout as kringloop's `insert_sale`, with rusqlite:
/// counter bump, sale header, stock check of the 3 items, 3 sale lines, the
/// month's running totals,
/// 3 moves, the journal row with the sale as JSON; one `BEGIN IMMEDIATE`
/// transaction per checkout. Checkouts per second.
async fn direct_checkouts(path: &Path, shelf: Shelf, n: usize) -> f64 {
    let (hub, items) = prepared_file(path, shelf.inputs(n)).await;
    let hub_id = hub.id().to_string();
    drop(hub);
    let baskets: Vec<Vec<(String, &'static str)>> = (0..n)
        .map(|k| {
            shelf
                .basket(&items, k)
                .iter()
                .map(|i| (i.id.to_string(), i.category.code()))
                .collect()
        })
        .collect();
    let mut conn = direct_connection(path);
    let started = Instant::now();
    for lines in &baskets {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("begin");
        let seq: i64 = tx
            .prepare_cached(BUMP_COUNTER)
            .expect("prepare")
            .query_row([&hub_id], |r| r.get(0))
            .expect("counter");
        let now = chrono::Utc::now();
        let at = now.timestamp_micros();
        let today = now.date_naive();
        let date = date_text(today);
        let week = date_text(today.week(chrono::Weekday::Mon).first_day());
        let month = date_text(today.with_day0(0).expect("first of month"));
        let sale_id = uuid::Uuid::now_v7().to_string();
        let total = PRICE_CENTS * lines.len() as i64;
        tx.prepare_cached(INSERT_SALE)
            .expect("prepare")
            .execute(params![
                hub_id,
                sale_id,
                TILL,
                at,
                date,
                CASHIER,
                "card",
                0i64,
                total,
                0i64,
                0i64,
                total,
                None::<String>
            ])
            .expect("sale");
        {
            let mut stmt = tx.prepare_cached(STOCK_CHECK).expect("prepare");
            let mut rows = stmt
                .query(params![hub_id, lines[0].0, lines[1].0, lines[2].0])
                .expect("stock");
            let mut found = 0;
            while let Some(row) = rows.next().expect("row") {
                let on_hand: i64 = row.get(1).expect("on hand");
                assert!(on_hand >= 1, "out of stock");
                found += 1;
            }
            assert_eq!(found, 3);
        }
        {
            let mut stmt = tx.prepare_cached(INSERT_LINE).expect("prepare");
            for (no, (item, category)) in lines.iter().enumerate() {
                stmt.execute(params![
                    hub_id,
                    sale_id,
                    date,
                    week,
                    month,
                    no as i64,
                    item,
                    category,
                    1i64,
                    PRICE_CENTS,
                    PRICE_CENTS,
                    PRICE_CENTS,
                    i64::from(WEIGHT_GRAMS)
                ])
                .expect("line");
            }
            // The month's running totals per category: one upsert per line
            // (the store groups a sale's lines by category into one).
            let mut stmt = tx.prepare_cached(ADD_TO_MONTH).expect("prepare");
            for (_, category) in lines.iter() {
                stmt.execute(params![
                    hub_id,
                    month,
                    category,
                    PRICE_CENTS,
                    1i64,
                    i64::from(WEIGHT_GRAMS)
                ])
                .expect("month");
            }
        }
        {
            let mut stmt = tx.prepare_cached(INSERT_MOVE).expect("prepare");
            for (pos, (item, _)) in lines.iter().enumerate() {
                stmt.execute(params![
                    hub_id,
                    seq,
                    item,
                    pos as i64,
                    uuid::Uuid::now_v7().to_string(),
                    "sale",
                    -1i64,
                    date,
                    at,
                    CASHIER,
                    sale_id,
                    PRICE_CENTS,
                    None::<String>
                ])
                .expect("move");
            }
        }
        // The journal detail: the sale, shaped as kringloop serialises it.
        let detail = serde_json::json!({
            "id": sale_id, "till": TILL, "at": now.to_rfc3339(), "date": date, "actor": CASHIER,
            "payment": "card", "cityPass": false,
            "lines": lines.iter().map(|(item, category)| serde_json::json!({
                "itemId": item, "category": category, "quantity": 1, "unitPrice": PRICE_CENTS,
                "lineTotal": PRICE_CENTS, "net": PRICE_CENTS, "weightGrams": WEIGHT_GRAMS,
            })).collect::<Vec<_>>(),
            "subtotal": total, "discount": 0, "rounding": 0, "total": total, "reverses": null,
        })
        .to_string();
        tx.prepare_cached(INSERT_JOURNAL)
            .expect("prepare")
            .execute(params![
                hub_id,
                seq,
                uuid::Uuid::now_v7().to_string(),
                at,
                CASHIER,
                "volunteer",
                "sale.made",
                "sale",
                sale_id,
                detail
            ])
            .expect("journal");
        tx.commit().expect("commit");
    }
    n as f64 / started.elapsed().as_secs_f64()
}

fn bulk_inputs(n: usize) -> Vec<NewItem> {
    (0..n)
        .map(|i| {
            NewItem::new(
                Category::ALL[i % Category::ALL.len()],
                &format!("ding {i}"),
                Condition::B,
                WEIGHT_GRAMS,
            )
        })
        .collect()
}

/// `n` items in one `Hub::take_in_batch`; items per second.
async fn kringloop_bulk(path: &Path, n: usize) -> f64 {
    let hub = Hub::open(&url(path), SLUG).await.expect("open hub");
    let inputs = bulk_inputs(n);
    let v = volunteer();
    let started = Instant::now();
    let items = hub.take_in_batch(&v, inputs).await.expect("take in");
    let rate = n as f64 / started.elapsed().as_secs_f64();
    assert_eq!(items.len(), n);
    rate
}

/// The same rows as `insert_items` with rusqlite: counter bump, `n` item
/// rows, `n` intake moves and one journal row holding every item as JSON,
/// in one `BEGIN IMMEDIATE` transaction; items per second.
async fn direct_bulk(path: &Path, n: usize) -> f64 {
    let hub = Hub::open(&url(path), SLUG).await.expect("open hub");
    let hub_id = hub.id().to_string();
    drop(hub);
    let inputs = bulk_inputs(n);
    let mut conn = direct_connection(path);
    let started = Instant::now();
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .expect("begin");
    let seq: i64 = tx
        .prepare_cached(BUMP_COUNTER)
        .expect("prepare")
        .query_row([&hub_id], |r| r.get(0))
        .expect("counter");
    let at = now_micros();
    let date = date_text(chrono::Utc::now().date_naive());
    let ids: Vec<String> = (0..n).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    {
        let mut stmt = tx.prepare_cached(INSERT_ITEM).expect("prepare");
        for (id, input) in ids.iter().zip(&inputs) {
            stmt.execute(params![
                hub_id,
                at,
                id,
                input.category.code(),
                input.description,
                input.condition.code(),
                i64::from(input.quantity),
                i64::from(input.weight_grams),
                None::<String>,
                date,
                None::<i64>
            ])
            .expect("item");
        }
    }
    {
        let mut stmt = tx.prepare_cached(INSERT_MOVE).expect("prepare");
        for (pos, (id, input)) in ids.iter().zip(&inputs).enumerate() {
            stmt.execute(params![
                hub_id,
                seq,
                id,
                pos as i64,
                uuid::Uuid::now_v7().to_string(),
                "intake",
                i64::from(input.quantity),
                date,
                at,
                CASHIER,
                None::<String>,
                None::<i64>,
                None::<String>
            ])
            .expect("move");
        }
    }
    let detail = serde_json::Value::Array(
        ids.iter()
            .zip(&inputs)
            .map(|(id, input)| {
                serde_json::json!({
                    "id": id, "category": input.category.code(), "description": input.description,
                    "condition": input.condition.code(), "quantity": input.quantity,
                    "weightGrams": input.weight_grams, "donor": null, "intakeDate": date,
                    "priceOverride": null,
                })
            })
            .collect(),
    )
    .to_string();
    tx.prepare_cached(INSERT_JOURNAL)
        .expect("prepare")
        .execute(params![
            hub_id,
            seq,
            uuid::Uuid::now_v7().to_string(),
            at,
            CASHIER,
            "volunteer",
            "items.taken_in",
            "item",
            format!("{n} items"),
            detail
        ])
        .expect("journal");
    tx.commit().expect("commit");
    n as f64 / started.elapsed().as_secs_f64()
}

/// Average journal detail length of the last `k` entries (to show that both
/// sides write comparable rows).
fn detail_bytes(path: &Path, k: usize) -> f64 {
    let conn = Connection::open(path).expect("open");
    conn.query_row(
        "SELECT AVG(LENGTH(detail)) FROM (SELECT detail FROM journal ORDER BY seq DESC LIMIT ?1)",
        [k as i64],
        |r| r.get(0),
    )
    .expect("detail length")
}

/// Per-statement cost of a trivial `SELECT 1`: sqlx (the driver kringloop's
/// store uses; one thread hand-off per statement) against rusqlite with a
/// cached statement. Microseconds per statement.
async fn select_one_cost(path: &Path, k: usize) -> (f64, f64) {
    use sqlx::ConnectOptions as _;
    let mut c = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .connect()
        .await
        .expect("sqlx connect");
    let started = Instant::now();
    for _ in 0..k {
        let _: (i64,) = sqlx::query_as("SELECT 1")
            .fetch_one(&mut c)
            .await
            .expect("select");
    }
    let via_sqlx = started.elapsed().as_secs_f64() * 1e6 / k as f64;
    let conn = Connection::open(path).expect("open");
    let started = Instant::now();
    for _ in 0..k {
        let _: i64 = conn
            .prepare_cached("SELECT 1")
            .expect("prepare")
            .query_row([], |r| r.get(0))
            .expect("select");
    }
    let direct = started.elapsed().as_secs_f64() * 1e6 / k as f64;
    (via_sqlx, direct)
}

/// The floor every checkout pays: `BEGIN IMMEDIATE`, the counter bump and
/// the commit (one WAL `fsync` at `synchronous = FULL`), with rusqlite, on
/// a prepared file. Milliseconds per commit.
async fn commit_floor(path: &Path, k: usize) -> f64 {
    let hub = Hub::open(&url(path), SLUG).await.expect("open hub");
    let hub_id = hub.id().to_string();
    drop(hub);
    let mut conn = direct_connection(path);
    let started = Instant::now();
    for _ in 0..k {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("begin");
        let _: i64 = tx
            .prepare_cached(BUMP_COUNTER)
            .expect("prepare")
            .query_row([&hub_id], |r| r.get(0))
            .expect("counter");
        tx.commit().expect("commit");
    }
    started.elapsed().as_secs_f64() * 1e3 / k as f64
}

struct Row {
    label: String,
    unit: &'static str,
    kringloop: Vec<f64>,
    direct: Vec<f64>,
}

fn verdict(ratio: f64) -> &'static str {
    if ratio >= BAR { "PASS" } else { "BELOW" }
}

fn main() {
    let n = env_usize("KRINGLOOP_BENCH_CHECKOUTS", 2_000);
    let bulk = env_usize("KRINGLOOP_BENCH_ITEMS", 10_000).min(kringloop::hub::stock::MAX_BATCH);
    let runs = env_usize("KRINGLOOP_BENCH_RUNS", 3);
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = |name: String| dir.path().join(name);

    println!(
        "kringloop till benchmark: SQLite {} (one libsqlite3-sys for sqlx and rusqlite), \
         WAL, synchronous=FULL, {runs} run(s), fresh files per run",
        rusqlite::version()
    );
    let mut rows: Vec<Row> = [Shelf::Distinct, Shelf::Same]
        .iter()
        .map(|s| Row {
            label: format!("{} (n={n})", s.label()),
            unit: "checkouts/s",
            kringloop: vec![],
            direct: vec![],
        })
        .collect();
    rows.push(Row {
        label: format!("bulk intake, one batch of {bulk}"),
        unit: "items/s",
        kringloop: vec![],
        direct: vec![],
    });
    let mut details = (0.0, 0.0);
    rt.block_on(async {
        for run in 0..runs {
            // Alternate which side goes first, so drift on a noisy machine
            // does not always favour the same side.
            let kringloop_first = run % 2 == 0;
            for (r, shelf) in [Shelf::Distinct, Shelf::Same].into_iter().enumerate() {
                let (k, d) = (
                    file(format!("k-till{r}-{run}.db")),
                    file(format!("d-till{r}-{run}.db")),
                );
                let (kr, dr) = if kringloop_first {
                    let kr = kringloop_checkouts(&k, shelf, n).await;
                    (kr, direct_checkouts(&d, shelf, n).await)
                } else {
                    let dr = direct_checkouts(&d, shelf, n).await;
                    (kringloop_checkouts(&k, shelf, n).await, dr)
                };
                if r == 0 && run == 0 {
                    details = (detail_bytes(&k, n), detail_bytes(&d, n));
                }
                eprintln!(
                    "run {}: {}: kringloop {kr:.0}/s, direct {dr:.0}/s",
                    run + 1,
                    shelf.label()
                );
                rows[r].kringloop.push(kr);
                rows[r].direct.push(dr);
            }
            let (k, d) = (
                file(format!("k-bulk-{run}.db")),
                file(format!("d-bulk-{run}.db")),
            );
            let (kr, dr) = if kringloop_first {
                let kr = kringloop_bulk(&k, bulk).await;
                (kr, direct_bulk(&d, bulk).await)
            } else {
                let dr = direct_bulk(&d, bulk).await;
                (kringloop_bulk(&k, bulk).await, dr)
            };
            eprintln!(
                "run {}: bulk intake: kringloop {kr:.0} items/s, direct {dr:.0} items/s",
                run + 1
            );
            rows[2].kringloop.push(kr);
            rows[2].direct.push(dr);
        }
    });
    let (via_sqlx, direct_stmt) = rt.block_on(select_one_cost(&file("select.db".into()), 5_000));
    let floor = rt.block_on(commit_floor(&file("commit.db".into()), 1_000));

    println!();
    println!(
        "{:<46} {:>12} {:>12} {:<12} {:>7} {:>6}  verdict",
        "benchmark (median)", "kringloop", "direct", "unit", "ratio", "bar"
    );
    for row in &rows {
        let (k, d) = (median(row.kringloop.clone()), median(row.direct.clone()));
        let ratio = k / d;
        println!(
            "{:<46} {:>12.0} {:>12.0} {:<12} {:>6.2}x {:>5.1}x  {}",
            row.label,
            k,
            d,
            row.unit,
            ratio,
            BAR,
            verdict(ratio)
        );
    }
    println!();
    println!(
        "journal detail per checkout: kringloop {:.0} bytes, direct {:.0} bytes",
        details.0, details.1
    );
    println!(
        "one trivial SELECT: sqlx {via_sqlx:.1} µs, rusqlite (cached) {direct_stmt:.2} µs \
         (a Hub checkout on SQLite: 8 statements in its transaction, 2 reads before it)"
    );
    println!(
        "one write transaction with only the counter bump (direct): {floor:.2} ms \
         (the fsync floor: at most {:.0} commits/s)",
        1e3 / floor
    );
    println!(
        "bulk: each item is 1 item row + 1 intake move; the batch adds 1 journal row with every item as JSON"
    );
}
