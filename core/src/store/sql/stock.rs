//! The [`StockStore`](crate::StockStore) implementation of both SQL
//! backends, written once in [`impl_sql_stock_store!`] (the SQL text is the
//! same for SQLite and PostgreSQL), plus the query text it shares.
//!
//! - **Stock on hand is derived**: the sum of an item's rows in
//!   `stock_moves`, computed under the write lock whenever a write needs it.
//!   No running total is stored, so the ledger is the only truth. The
//!   ledger's primary key `(hub_id, item_id, seq, pos)` makes that sum a
//!   range read of one item's moves (on SQLite the table is `WITHOUT ROWID`,
//!   so the range is the rows themselves).
//! - **Ledger order** is `(seq, pos)`: the journal seq of the unit of work
//!   that wrote a move and its position in that unit. Journal seqs increase
//!   in commit order per hub, so this is exactly the insertion order of the
//!   memory store ("oldest first", "latest markdown").
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`).
//!   On SQLite the unit holds the database write lock (`BEGIN IMMEDIATE`);
//!   on PostgreSQL the backend hook `lock_items` row-locks the items of a
//!   sale or move (`SELECT … FOR UPDATE`, in id order) before the stock is
//!   summed, on top of the hub row lock every unit takes.
//! - **Bulk writes** use multi-row `INSERT`s of at most [`BATCH_ROWS`] rows
//!   (far below SQLite's 32 766 and PostgreSQL's 65 535 bind variables).
//! - Reports aggregate in SQL (`GROUP BY`, `SUM`); only the small
//!   aggregated result is sorted in Rust, by the declaration order of the
//!   code lists, like the memory store's `BTreeMap`s.

use crate::{Bucket, Item, ItemId, SalesRow, StockGroup};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::fmt::Write as _;

/// Rows per multi-row `INSERT` (items: 9 values a row plus 2 shared, moves:
/// 11 plus 2). Measured on SQLite: 500-row statements cost ~40 ms each even
/// when prepared, because sqlx resolves every `$N` parameter by name and
/// SQLite's name lookup is a linear scan (quadratic in the parameter
/// count); 100 rows brought 10 000 items from 1.8 s to 0.57 s, and 50 rows
/// were no faster.
pub(crate) const BATCH_ROWS: usize = 100;

/// Item ids per `IN (…)` list.
pub(crate) const ID_CHUNK: usize = 500;

/// `VALUES` rows for a multi-row insert: every row starts with the shared
/// placeholders `$1 … $shared` (bound once), followed by `cols` placeholders
/// of its own, numbered on from `$shared + 1`.
pub(crate) fn values(rows: usize, shared: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * (shared + cols) * 6);
    let mut n = shared;
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for k in 1..=shared {
            let _ = write!(s, "${k}, ");
        }
        for c in 0..cols {
            n += 1;
            let _ = write!(s, "{}${n}", if c > 0 { ", " } else { "" });
        }
        s.push(')');
    }
    s
}

/// `$first, $first+1, …` (`n` placeholders) for an `IN (…)` list.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    let mut s = String::with_capacity(n * 5);
    for i in 0..n {
        let _ = write!(s, "{}${}", if i > 0 { ", " } else { "" }, first + i);
    }
    s
}

/// An item's stock on hand: the sum of its moves (`i` is the item row).
pub(crate) const ON_HAND: &str = "(SELECT CAST(COALESCE(SUM(m.quantity), 0) AS BIGINT) FROM stock_moves m \
     WHERE m.hub_id = i.hub_id AND m.item_id = i.id)";

/// An item's latest manual price: the unit price of its last markdown move.
pub(crate) const MANUAL_PRICE: &str = "(SELECT m.unit_price FROM stock_moves m \
     WHERE m.hub_id = i.hub_id AND m.item_id = i.id AND m.kind = 'markdown' AND m.unit_price IS NOT NULL \
     ORDER BY m.seq DESC, m.pos DESC LIMIT 1)";

/// The columns of an item state (`items i` with its stock and manual price).
pub(crate) fn item_state_columns() -> String {
    format!(
        "i.id AS id, i.category AS category, i.description AS description, i.condition AS condition, \
         i.quantity AS quantity, i.weight_grams AS weight_grams, i.donor AS donor, \
         i.intake_date AS intake_date, i.price_override AS price_override, \
         {ON_HAND} AS on_hand, {MANUAL_PRICE} AS manual_price"
    )
}

/// The columns of a move row, in ledger order.
pub(crate) const MOVE_COLUMNS: &str =
    "id, item_id, kind, quantity, date, at, actor, sale_id, unit_price, reason";

/// The columns of a sale row.
pub(crate) const SALE_COLUMNS: &str =
    "id, till, at, date, actor, payment, city_pass, subtotal, discount, rounding, total, reverses";

/// The columns of a sale line row.
pub(crate) const LINE_COLUMNS: &str =
    "item_id, category, quantity, unit_price, line_total, net, weight_grams";

/// The columns of a cash-up row.
pub(crate) const CASH_UP_COLUMNS: &str = "id, till, date, opening_float, cash_sales, cash_refunds, \
     expected, counted, difference, recorded_by, at";

/// The sales report for one bucket: binds `$1` hub, `$2`/`$3` the first and
/// last bucket start, `$4`/`$5` the period. The bucket column (`date`,
/// `week` or `month`, copied into every line) leads a covering index.
pub(crate) fn sales_report_sql(bucket: Bucket) -> String {
    let col = match bucket {
        Bucket::Day => "date",
        Bucket::Week => "week",
        Bucket::Month => "month",
    };
    format!(
        "SELECT {col} AS period_start, category, CAST(SUM(net) AS BIGINT) AS revenue, \
         CAST(SUM(quantity) AS BIGINT) AS units, CAST(SUM(weight_grams) AS BIGINT) AS weight_grams \
         FROM sale_lines \
         WHERE hub_id = $1 AND {col} >= $2 AND {col} <= $3 AND date >= $4 AND date <= $5 \
         GROUP BY {col}, category"
    )
}

/// Whether `period` covers whole calendar months (from a 1st to a last day),
/// so the monthly running totals answer it exactly.
pub(crate) fn whole_months(period: crate::Period) -> bool {
    use chrono::Datelike as _;
    period.from().day() == 1 && period.to().succ_opt().is_none_or(|next| next.day() == 1)
}

/// A sale's lines summed per category, in category order: (category,
/// revenue, units, grams).
pub(crate) fn by_category(lines: &[crate::SaleLine]) -> Vec<(crate::Category, i64, i64, i64)> {
    let mut out: Vec<(crate::Category, i64, i64, i64)> = Vec::new();
    for l in lines {
        match out.iter_mut().find(|s| s.0 == l.category) {
            Some(s) => {
                s.1 += l.net.cents();
                s.2 += l.quantity;
                s.3 += l.weight_grams;
            }
            None => out.push((l.category, l.net.cents(), l.quantity, l.weight_grams)),
        }
    }
    crate::order::sort_by_key(&mut out, |s| s.0);
    out
}

/// Stock on hand grouped by everything pricing needs (`$1` hub).
pub(crate) fn stock_groups_sql() -> String {
    format!(
        "SELECT category, condition, intake_date, price_override, manual_price, COUNT(*) AS items, \
         CAST(SUM(on_hand) AS BIGINT) AS units, CAST(SUM(on_hand * weight_grams) AS BIGINT) AS weight_grams \
         FROM (SELECT i.category AS category, i.condition AS condition, i.intake_date AS intake_date, \
                      i.price_override AS price_override, i.weight_grams AS weight_grams, \
                      {ON_HAND} AS on_hand, {MANUAL_PRICE} AS manual_price \
               FROM items i WHERE i.hub_id = $1) s \
         WHERE on_hand > 0 \
         GROUP BY category, condition, intake_date, price_override, manual_price"
    )
}

/// Items with stock taken in before `$2`, oldest first, then by id, at most `$3`.
pub(crate) fn aged_items_sql() -> String {
    format!(
        "SELECT * FROM (SELECT {} FROM items i WHERE i.hub_id = $1 AND i.intake_date < $2) s \
         WHERE on_hand > 0 ORDER BY intake_date, id LIMIT $3",
        item_state_columns()
    )
}

/// Sorts stock groups like the memory store: category and condition in
/// declaration order, intake date, price override, manual price.
pub(crate) fn sort_groups(groups: &mut [StockGroup]) {
    groups.sort_by_key(|g| {
        (
            g.category,
            g.condition,
            g.intake_date,
            g.price_override,
            g.manual_price,
        )
    });
}

/// Sorts report rows by bucket start, then category declaration order.
pub(crate) fn sort_sales_rows(rows: &mut [SalesRow]) {
    rows.sort_by_key(|r| (r.period_start, r.category));
}

/// The bucket starts stored with every sale line: (week's Monday, month's 1st).
pub(crate) fn week_and_month(date: NaiveDate) -> (String, String) {
    (
        super::date_text(crate::bucket_start(Bucket::Week, date)),
        super::date_text(crate::bucket_start(Bucket::Month, date)),
    )
}

/// The first item of a refused batch that is already stored (per `stored`),
/// else the first id that appears twice in the batch.
pub(crate) fn first_duplicate(items: &[Item], stored: &HashSet<String>) -> Option<ItemId> {
    if let Some(item) = items.iter().find(|i| stored.contains(&i.id.to_string())) {
        return Some(item.id);
    }
    let mut seen = HashSet::new();
    items.iter().find(|i| !seen.insert(i.id)).map(|i| i.id)
}

/// Instantiates [`StockStore`](crate::StockStore) for one SQL backend. Next
/// to what [`impl_sql_store!`](super::impl_sql_store) needs (and defines:
/// `begin_unit`, `finish_unit`, `require_hub`, `unless_empty`), the backend
/// provides `async fn lock_items(tx, hub, ids: &[ItemId]) -> Result<()>`,
/// called with sorted, distinct ids before their stock is summed: a row
/// lock in id order on PostgreSQL, nothing on SQLite (whose write
/// transaction already excludes every other writer).
macro_rules! impl_sql_stock_store {
    ($store:ident, $db:ty) => {
        impl $store {
            /// Stock on hand of the existing items among `ids`, by id text.
            async fn stock_of(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                ids: &[$crate::ItemId],
            ) -> $crate::Result<std::collections::HashMap<String, i64>> {
                use $crate::store::sql::SqlRow as _;
                let mut out = std::collections::HashMap::with_capacity(ids.len());
                for chunk in ids.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = format!(
                        "SELECT i.id AS id, {} AS on_hand FROM items i WHERE i.hub_id = $1 AND i.id IN ({})",
                        $crate::store::sql::stock::ON_HAND,
                        $crate::store::sql::stock::placeholders(2, chunk.len())
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for id in chunk {
                        q = q.bind(id.to_string());
                    }
                    for row in q.fetch_all(&mut **tx).await.map_err($crate::store::sql::storage)? {
                        let corrupt = $crate::store::sql::corrupt("item");
                        out.insert(row.text("id").map_err(&corrupt)?, row.int("on_hand").map_err(&corrupt)?);
                    }
                }
                Ok(out)
            }

            /// Appends moves to the ledger at `(seq, 0..)`, in batches.
            async fn append_moves(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                seq: i64,
                moves: &[$crate::StockMove],
            ) -> $crate::Result<()> {
                let mut pos: i64 = 0;
                for chunk in moves.chunks($crate::store::sql::stock::BATCH_ROWS) {
                    let sql = format!(
                        "INSERT INTO stock_moves (hub_id, seq, item_id, pos, id, kind, quantity, date, at, \
                         actor, sale_id, unit_price, reason) VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 2, 11)
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string()).bind(seq);
                    for mv in chunk {
                        q = q
                            .bind(mv.item_id.to_string())
                            .bind(pos)
                            .bind(mv.id.to_string())
                            .bind(mv.kind.code())
                            .bind(mv.quantity)
                            .bind($crate::store::sql::date_text(mv.date))
                            .bind($crate::store::sql::micros(mv.at))
                            .bind(mv.actor.clone())
                            .bind(mv.sale_id.map(|s| s.to_string()))
                            .bind(mv.unit_price.map(|p| p.cents()))
                            .bind(mv.reason.as_ref().map(|r| r.as_str().to_string()));
                        pos += 1;
                    }
                    q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                }
                Ok(())
            }

            /// Appends a sale's lines (with their date, week and month).
            async fn append_lines(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                sale: &$crate::Sale,
            ) -> $crate::Result<()> {
                let (week, month) = $crate::store::sql::stock::week_and_month(sale.date);
                let mut line_no: i64 = 0;
                for chunk in sale.lines.chunks($crate::store::sql::stock::BATCH_ROWS) {
                    let sql = format!(
                        "INSERT INTO sale_lines (hub_id, sale_id, date, week, month, line_no, item_id, \
                         category, quantity, unit_price, line_total, net, weight_grams) VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 5, 8)
                    );
                    let mut q = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind(sale.id.to_string())
                        .bind($crate::store::sql::date_text(sale.date))
                        .bind(week.clone())
                        .bind(month.clone());
                    for l in chunk {
                        q = q
                            .bind(line_no)
                            .bind(l.item_id.to_string())
                            .bind(l.category.code())
                            .bind(l.quantity)
                            .bind(l.unit_price.cents())
                            .bind(l.line_total.cents())
                            .bind(l.net.cents())
                            .bind(l.weight_grams);
                        line_no += 1;
                    }
                    q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                }
                Self::add_to_months(tx, hub, sale, &month).await
            }

            /// Adds a sale's lines to the month's running totals per
            /// category (`sales_months`), in the sale's own unit: the
            /// monthly sales report and the hub report read these instead of
            /// every line.
            async fn add_to_months(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                sale: &$crate::Sale,
                month: &str,
            ) -> $crate::Result<()> {
                let sums = $crate::store::sql::stock::by_category(&sale.lines);
                if sums.is_empty() {
                    return Ok(());
                }
                let sql = format!(
                    "INSERT INTO sales_months (hub_id, month, category, revenue, units, weight_grams)                      VALUES {} ON CONFLICT (hub_id, month, category) DO UPDATE SET                      revenue = sales_months.revenue + excluded.revenue,                      units = sales_months.units + excluded.units,                      weight_grams = sales_months.weight_grams + excluded.weight_grams",
                    $crate::store::sql::stock::values(sums.len(), 2, 4)
                );
                let mut q = sqlx::query(&sql).bind(hub.to_string()).bind(month.to_string());
                for (category, revenue, units, grams) in sums {
                    q = q.bind(category.code()).bind(revenue).bind(units).bind(grams);
                }
                q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                Ok(())
            }

            /// Ids (as text) of the items of `items` already stored in `hub`.
            async fn stored_item_ids(
                &self,
                hub: $crate::HubId,
                items: &[$crate::Item],
            ) -> $crate::Result<std::collections::HashSet<String>> {
                use $crate::store::sql::SqlRow as _;
                let mut out = std::collections::HashSet::new();
                for chunk in items.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = format!(
                        "SELECT id FROM items WHERE hub_id = $1 AND id IN ({})",
                        $crate::store::sql::stock::placeholders(2, chunk.len())
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for it in chunk {
                        q = q.bind(it.id.to_string());
                    }
                    for row in q.fetch_all(&self.pool).await.map_err($crate::store::sql::storage)? {
                        out.insert(row.text("id").map_err($crate::store::sql::corrupt("item"))?);
                    }
                }
                Ok(out)
            }

            /// Checks a refund's lines: the items exist, the original sale
            /// exists, and no more is returned than was sold minus earlier
            /// refunds (errors and their order as in the memory store).
            async fn check_refund(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                sale: &$crate::Sale,
                original: $crate::SaleId,
                stock: &std::collections::HashMap<String, i64>,
            ) -> $crate::Result<()> {
                use $crate::store::sql::SqlRow as _;
                let exists = sqlx::query("SELECT 1 FROM sales WHERE hub_id = $1 AND id = $2")
                    .bind(hub.to_string())
                    .bind(original.to_string())
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                    .is_some();
                let rows = sqlx::query(
                    "SELECT item_id, \
                     CAST(SUM(CASE WHEN sale_id = $2 THEN quantity ELSE 0 END) AS BIGINT) AS sold, \
                     CAST(SUM(CASE WHEN sale_id = $2 THEN 0 ELSE -quantity END) AS BIGINT) AS back \
                     FROM sale_lines \
                     WHERE hub_id = $1 AND (sale_id = $2 OR sale_id IN \
                       (SELECT id FROM sales WHERE hub_id = $1 AND reverses = $2)) \
                     GROUP BY item_id",
                )
                .bind(hub.to_string())
                .bind(original.to_string())
                .fetch_all(&mut **tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let mut counts = std::collections::HashMap::with_capacity(rows.len());
                for row in &rows {
                    let corrupt = $crate::store::sql::corrupt("sale_line");
                    counts.insert(
                        row.text("item_id").map_err(&corrupt)?,
                        (row.int("sold").map_err(&corrupt)?, row.int("back").map_err(&corrupt)?),
                    );
                }
                for line in &sale.lines {
                    let id = line.item_id.to_string();
                    if !stock.contains_key(&id) {
                        return Err($crate::Error::not_found("item", line.item_id));
                    }
                    if !exists {
                        return Err($crate::Error::not_found("sale", original));
                    }
                    let (sold, back) = counts.get(&id).copied().unwrap_or((0, 0));
                    if back - line.quantity > sold {
                        return Err($crate::Error::conflict($crate::store::short_message(
                            line.item_id,
                            sold - back,
                            -line.quantity,
                        )));
                    }
                }
                Ok(())
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::StockStore for $store {
            async fn insert_items(
                &self,
                hub: $crate::HubId,
                items: &[$crate::Item],
                moves: &[$crate::StockMove],
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                for chunk in items.chunks($crate::store::sql::stock::BATCH_ROWS) {
                    let sql = format!(
                        "INSERT INTO items (hub_id, created_at, id, category, description, condition, \
                         quantity, weight_grams, donor, intake_date, price_override) VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 2, 9)
                    );
                    let mut q = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind($crate::store::sql::micros(entry.at));
                    for it in chunk {
                        q = q
                            .bind(it.id.to_string())
                            .bind(it.category.code())
                            .bind(it.description.as_str().to_string())
                            .bind(it.condition.code())
                            .bind(i64::from(it.quantity))
                            .bind(i64::from(it.weight_grams))
                            .bind(it.donor.map(|d| d.code()))
                            .bind($crate::store::sql::date_text(it.intake_date))
                            .bind(it.price_override.map(|p| p.cents()));
                    }
                    match q.execute(&mut *tx).await {
                        Ok(_) => {}
                        Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                            // Name the first duplicate, as the memory store does
                            // (asked after the rollback: PostgreSQL has
                            // aborted the transaction).
                            tx.rollback().await.map_err($crate::store::sql::storage)?;
                            let stored = self.stored_item_ids(hub, items).await?;
                            return Err(match $crate::store::sql::stock::first_duplicate(items, &stored) {
                                Some(id) => $crate::Error::conflict($crate::store::duplicate_message("item", id)),
                                None => $crate::store::sql::storage(e),
                            });
                        }
                        Err(e) => return Err($crate::store::sql::storage(e)),
                    }
                }
                Self::append_moves(&mut tx, hub, seq, moves).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn item_states(
                &self,
                hub: $crate::HubId,
                ids: &[$crate::ItemId],
            ) -> $crate::Result<Vec<$crate::ItemState>> {
                let mut found = std::collections::HashMap::with_capacity(ids.len());
                for chunk in ids.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = format!(
                        "SELECT {} FROM items i WHERE i.hub_id = $1 AND i.id IN ({})",
                        $crate::store::sql::stock::item_state_columns(),
                        $crate::store::sql::stock::placeholders(2, chunk.len())
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for id in chunk {
                        q = q.bind(id.to_string());
                    }
                    for row in q.fetch_all(&self.pool).await.map_err($crate::store::sql::storage)? {
                        let state = $crate::store::sql::stock_rows::item_state_from_row(&row)?;
                        found.insert(state.item.id, state);
                    }
                }
                let out: Vec<$crate::ItemState> = ids.iter().filter_map(|id| found.get(id).cloned()).collect();
                self.unless_empty(hub, out).await
            }

            async fn insert_move(
                &self,
                hub: $crate::HubId,
                mv: &$crate::StockMove,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                Self::lock_items(&mut tx, hub, &[mv.item_id]).await?;
                let stock = Self::stock_of(&mut tx, hub, &[mv.item_id]).await?;
                let Some(&on_hand) = stock.get(&mv.item_id.to_string()) else {
                    return Err($crate::Error::not_found("item", mv.item_id));
                };
                if on_hand + mv.quantity < 0 {
                    return Err($crate::Error::conflict($crate::store::short_message(
                        mv.item_id,
                        on_hand,
                        -mv.quantity,
                    )));
                }
                Self::append_moves(&mut tx, hub, seq, std::slice::from_ref(mv)).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn moves(
                &self,
                hub: $crate::HubId,
                item: $crate::ItemId,
            ) -> $crate::Result<Vec<$crate::StockMove>> {
                let sql = format!(
                    "SELECT {} FROM stock_moves WHERE hub_id = $1 AND item_id = $2 ORDER BY seq, pos",
                    $crate::store::sql::stock::MOVE_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(item.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::stock_rows::move_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn set_pricing_policy(
                &self,
                hub: $crate::HubId,
                policy: &$crate::PricingPolicy,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let text = serde_json::to_string(policy).map_err($crate::store::sql::storage)?;
                self.put_setting(
                    hub,
                    "INSERT INTO pricing_policies (hub_id, policy) VALUES ($1, $2) \
                     ON CONFLICT (hub_id) DO UPDATE SET policy = excluded.policy",
                    text,
                    entry,
                )
                .await
            }

            async fn pricing_policy(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<Option<$crate::PricingPolicy>> {
                self.get_setting(hub, "SELECT policy FROM pricing_policies WHERE hub_id = $1")
                    .await?
                    .map(|row| $crate::store::sql::stock_rows::policy_from_row(&row))
                    .transpose()
            }

            async fn set_impact_factors(
                &self,
                hub: $crate::HubId,
                factors: &$crate::ImpactFactors,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let text = serde_json::to_string(factors).map_err($crate::store::sql::storage)?;
                self.put_setting(
                    hub,
                    "INSERT INTO impact_factors (hub_id, factors) VALUES ($1, $2) \
                     ON CONFLICT (hub_id) DO UPDATE SET factors = excluded.factors",
                    text,
                    entry,
                )
                .await
            }

            async fn impact_factors(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<Option<$crate::ImpactFactors>> {
                self.get_setting(hub, "SELECT factors FROM impact_factors WHERE hub_id = $1")
                    .await?
                    .map(|row| $crate::store::sql::stock_rows::impact_from_row(&row))
                    .transpose()
            }

            async fn insert_sale(
                &self,
                hub: $crate::HubId,
                sale: &$crate::Sale,
                moves: &[$crate::StockMove],
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let mut ids: Vec<$crate::ItemId> = sale.lines.iter().map(|l| l.item_id).collect();
                ids.sort();
                ids.dedup();
                Self::lock_items(&mut tx, hub, &ids).await?;
                // The header first: a duplicate id is the first refusal, as
                // in the memory store (any later refusal rolls it back).
                let inserted = sqlx::query(
                    "INSERT INTO sales (hub_id, id, till, at, date, actor, payment, city_pass, subtotal, \
                     discount, rounding, total, reverses) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(hub.to_string())
                .bind(sale.id.to_string())
                .bind(sale.till.as_str().to_string())
                .bind($crate::store::sql::micros(sale.at))
                .bind($crate::store::sql::date_text(sale.date))
                .bind(sale.actor.clone())
                .bind(sale.payment.code())
                .bind(i64::from(sale.city_pass))
                .bind(sale.subtotal.cents())
                .bind(sale.discount.cents())
                .bind(sale.rounding.cents())
                .bind(sale.total.cents())
                .bind(sale.reverses.map(|r| r.to_string()))
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                        return Err($crate::Error::conflict($crate::store::duplicate_message("sale", sale.id)));
                    }
                    Err(e) => return Err($crate::store::sql::storage(e)),
                }
                let stock = Self::stock_of(&mut tx, hub, &ids).await?;
                match sale.reverses {
                    None => {
                        for line in &sale.lines {
                            let Some(&on_hand) = stock.get(&line.item_id.to_string()) else {
                                return Err($crate::Error::not_found("item", line.item_id));
                            };
                            if on_hand < line.quantity {
                                return Err($crate::Error::conflict($crate::store::short_message(
                                    line.item_id,
                                    on_hand,
                                    line.quantity,
                                )));
                            }
                        }
                    }
                    Some(original) => Self::check_refund(&mut tx, hub, sale, original, &stock).await?,
                }
                Self::append_lines(&mut tx, hub, sale).await?;
                Self::append_moves(&mut tx, hub, seq, moves).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn sale(&self, hub: $crate::HubId, id: $crate::SaleId) -> $crate::Result<$crate::Sale> {
                let row = self
                    .row_by_id(hub, "sales", $crate::store::sql::stock::SALE_COLUMNS, "sale", id)
                    .await?;
                // A sale and its lines are written in one unit and never
                // change, so reading the lines separately is consistent.
                let sql = format!(
                    "SELECT {} FROM sale_lines WHERE hub_id = $1 AND sale_id = $2 ORDER BY line_no",
                    $crate::store::sql::stock::LINE_COLUMNS
                );
                let lines = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                $crate::store::sql::stock_rows::sale_from_rows(&row, &lines)
            }

            async fn cash_totals(
                &self,
                hub: $crate::HubId,
                till: &$crate::TillName,
                date: chrono::NaiveDate,
            ) -> $crate::Result<$crate::CashTotals> {
                use $crate::store::sql::SqlRow as _;
                let row = sqlx::query(
                    "SELECT COUNT(*) AS n, \
                     CAST(COALESCE(SUM(CASE WHEN total >= 0 THEN total ELSE 0 END), 0) AS BIGINT) AS sales, \
                     CAST(COALESCE(SUM(CASE WHEN total < 0 THEN -total ELSE 0 END), 0) AS BIGINT) AS refunds \
                     FROM sales WHERE hub_id = $1 AND till = $2 AND date = $3 AND payment = 'cash'",
                )
                .bind(hub.to_string())
                .bind(till.as_str().to_string())
                .bind($crate::store::sql::date_text(date))
                .fetch_one(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let corrupt = $crate::store::sql::corrupt("sale");
                if row.int("n").map_err(&corrupt)? == 0 {
                    self.require_hub(hub).await?;
                }
                Ok($crate::CashTotals {
                    cash_sales: $crate::Money::from_cents(row.int("sales").map_err(&corrupt)?),
                    cash_refunds: $crate::Money::from_cents(row.int("refunds").map_err(&corrupt)?),
                })
            }

            async fn insert_cash_up(
                &self,
                hub: $crate::HubId,
                c: &$crate::CashUp,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = sqlx::query(
                    "INSERT INTO cash_ups (hub_id, id, till, date, opening_float, cash_sales, cash_refunds, \
                     expected, counted, difference, recorded_by, at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                )
                .bind(hub.to_string())
                .bind(c.id.to_string())
                .bind(c.till.as_str().to_string())
                .bind($crate::store::sql::date_text(c.date))
                .bind(c.opening_float.cents())
                .bind(c.cash_sales.cents())
                .bind(c.cash_refunds.cents())
                .bind(c.expected.cents())
                .bind(c.counted.cents())
                .bind(c.difference.cents())
                .bind(c.recorded_by.clone())
                .bind($crate::store::sql::micros(c.at))
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                        return Err($crate::Error::conflict($crate::store::cash_up_twice_message(&c.till, c.date)));
                    }
                    Err(e) => return Err($crate::store::sql::storage(e)),
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn cash_ups(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<Vec<$crate::CashUp>> {
                let sql = format!(
                    "SELECT {} FROM cash_ups WHERE hub_id = $1 AND date >= $2 AND date <= $3 ORDER BY date, till",
                    $crate::store::sql::stock::CASH_UP_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind($crate::store::sql::date_text(period.from()))
                    .bind($crate::store::sql::date_text(period.to()))
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::stock_rows::cash_up_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn stock_groups(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::StockGroup>> {
                let rows = sqlx::query(&$crate::store::sql::stock::stock_groups_sql())
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let mut out = rows
                    .iter()
                    .map($crate::store::sql::stock_rows::stock_group_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                $crate::store::sql::stock::sort_groups(&mut out);
                self.unless_empty(hub, out).await
            }

            async fn aged_items(
                &self,
                hub: $crate::HubId,
                intake_before: chrono::NaiveDate,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::ItemState>> {
                let rows = sqlx::query(&$crate::store::sql::stock::aged_items_sql())
                    .bind(hub.to_string())
                    .bind($crate::store::sql::date_text(intake_before))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::stock_rows::item_state_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn sales_by_category(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
                bucket: $crate::Bucket,
            ) -> $crate::Result<Vec<$crate::SalesRow>> {
                let start = |d| $crate::store::sql::date_text($crate::bucket_start(bucket, d));
                let rows = if bucket == $crate::Bucket::Month && $crate::store::sql::stock::whole_months(period) {
                    // Whole months: the running totals, not the lines.
                    sqlx::query(
                        "SELECT month AS period_start, category, revenue, units, weight_grams                          FROM sales_months WHERE hub_id = $1 AND month >= $2 AND month <= $3",
                    )
                    .bind(hub.to_string())
                    .bind(start(period.from()))
                    .bind(start(period.to()))
                    .fetch_all(&self.pool)
                    .await
                } else {
                    sqlx::query(&$crate::store::sql::stock::sales_report_sql(bucket))
                        .bind(hub.to_string())
                        .bind(start(period.from()))
                        .bind(start(period.to()))
                        .bind($crate::store::sql::date_text(period.from()))
                        .bind($crate::store::sql::date_text(period.to()))
                        .fetch_all(&self.pool)
                        .await
                }
                .map_err($crate::store::sql::storage)?;
                let mut out = rows
                    .iter()
                    .map($crate::store::sql::stock_rows::sales_row_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                $crate::store::sql::stock::sort_sales_rows(&mut out);
                self.unless_empty(hub, out).await
            }
        }
    };
}
pub(crate) use impl_sql_stock_store;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_share_the_leading_placeholders() {
        assert_eq!(values(2, 1, 2), "($1, $2, $3), ($1, $4, $5)");
        assert_eq!(values(1, 2, 1), "($1, $2, $3)");
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
    }
}
