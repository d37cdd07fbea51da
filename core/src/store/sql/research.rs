//! The research tables in SQL, shared by SQLite and PostgreSQL: one
//! keyset-paged query per batch. Each table is read in the order of its
//! primary key (`(hub_id, id)`, or the composite key of a child table), and
//! a batch starts after the position of the previous batch's last row
//! (`WHERE (k1, k2) > ($4, $5) ORDER BY k1, k2 LIMIT n`), so every batch is
//! an index range read of at most `n` rows, however far into the table.
//!
//! The columns are the raw values in the order of
//! [`ResearchTable::columns`](crate::research::ResearchTable::columns);
//! the core pseudonymises the identifiers.

use crate::code_list::CodeList;
use crate::research::{Cell, ResearchCursor, ResearchTable};
use crate::{Period, SignalDomain, VolunteerRole};

/// The SQL type of a selected value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sql {
    /// TEXT.
    Text,
    /// BIGINT / INTEGER.
    Int,
}

/// The dialect's JSON functions: `{}` stands for the column.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JsonFns {
    /// A table function over a JSON array's elements as text (column `value`).
    pub each: &'static str,
    /// The length of a JSON array.
    pub len: &'static str,
}

/// How a table's date is stored.
enum DateCol {
    /// `YYYY-MM-DD` text.
    Text(&'static str),
    /// Microseconds since the epoch (its UTC day counts).
    Micros(&'static str),
}

/// One table's query parts.
struct Shape {
    from: &'static str,
    hub: &'static str,
    date: DateCol,
    position: &'static [(&'static str, Sql)],
    columns: Vec<(String, Sql)>,
}

fn t(expr: &str) -> (String, Sql) {
    (expr.to_string(), Sql::Text)
}

fn i(expr: &str) -> (String, Sql) {
    (expr.to_string(), Sql::Int)
}

/// `1` when `cond` holds, else `0`, as BIGINT in both dialects.
fn flag(cond: &str) -> (String, Sql) {
    i(&format!(
        "CAST(CASE WHEN {cond} THEN 1 ELSE 0 END AS BIGINT)"
    ))
}

fn shape(table: ResearchTable, json: JsonFns) -> Shape {
    use ResearchTable as R;
    match table {
        R::Volunteers => {
            let mut columns = vec![
                t("v.id"),
                t("v.start_date"),
                t("v.status"),
                t("v.status_since"),
                t("v.vog_date"),
            ];
            // Roles are a JSON array of codes; a quoted code matches only itself.
            columns.extend(
                VolunteerRole::ALL
                    .iter()
                    .map(|r| flag(&format!("v.roles LIKE '%\"{}\"%'", r.code()))),
            );
            Shape {
                from: "volunteers v",
                hub: "v.hub_id",
                date: DateCol::Text("v.start_date"),
                position: &[("v.id", Sql::Text)],
                columns,
            }
        }
        R::Shifts => Shape {
            from: "shifts s",
            hub: "s.hub_id",
            date: DateCol::Text("s.date"),
            position: &[("s.id", Sql::Text)],
            columns: vec![
                t("s.id"),
                t("s.volunteer_id"),
                t("s.date"),
                t("s.role"),
                t("s.status"),
                i("s.start_min"),
                i("s.end_min"),
                i("s.end_min - s.start_min"),
            ],
        },
        R::Assessments => Shape {
            from: "assessment_scores sc \
                   JOIN assessments a ON a.hub_id = sc.hub_id AND a.id = sc.assessment_id",
            hub: "sc.hub_id",
            date: DateCol::Text("a.assessed_on"),
            position: &[("sc.assessment_id", Sql::Text), ("sc.measure", Sql::Text)],
            columns: vec![
                t("a.id"),
                t("a.volunteer_id"),
                t("a.assessed_on"),
                t("a.assessor"),
                t("a.instrument"),
                t("sc.measure"),
                i("sc.value"),
                t("a.corrects"),
                flag(
                    "EXISTS (SELECT 1 FROM assessments c \
                     WHERE c.hub_id = a.hub_id AND c.corrects = a.id)",
                ),
            ],
        },
        R::Courses => Shape {
            from: "courses c",
            hub: "c.hub_id",
            date: DateCol::Text("c.first_session"),
            position: &[("c.id", Sql::Text)],
            columns: vec![
                t("c.id"),
                t("c.first_session"),
                t(&format!(
                    "(SELECT MAX(value) FROM {})",
                    json.each.replace("{}", "c.sessions")
                )),
                i(&format!(
                    "CAST({} AS BIGINT)",
                    json.len.replace("{}", "c.sessions")
                )),
                i("c.capacity"),
            ],
        },
        R::Enrolments => Shape {
            from: "course_enrolments e",
            hub: "e.hub_id",
            date: DateCol::Micros("e.enrolled_at"),
            position: &[("e.course_id", Sql::Text), ("e.volunteer_id", Sql::Text)],
            columns: vec![
                t("e.course_id"),
                t("e.volunteer_id"),
                t("e.status"),
                i("e.enrolled_at"),
                i(&format!(
                    "CAST({} AS BIGINT)",
                    json.len.replace("{}", "e.attended")
                )),
                i("e.completed"),
            ],
        },
        R::ActivitySessions => Shape {
            from: "sessions s JOIN activities a ON a.hub_id = s.hub_id AND a.id = s.activity_id",
            hub: "s.hub_id",
            date: DateCol::Text("s.date"),
            position: &[("s.id", Sql::Text)],
            columns: vec![
                t("s.id"),
                t("s.activity_id"),
                t("a.kind"),
                t("s.date"),
                i("s.start_min"),
                i("s.end_min"),
                t("s.status"),
                flag("s.schedule_id IS NOT NULL"),
                i("s.headcount"),
                i("s.first_timers"),
                t("s.recorded_by"),
            ],
        },
        R::Attendance => Shape {
            from: "session_participants p \
                   JOIN sessions s ON s.hub_id = p.hub_id AND s.id = p.session_id",
            hub: "p.hub_id",
            date: DateCol::Text("s.date"),
            position: &[
                ("p.session_id", Sql::Text),
                ("p.kind", Sql::Text),
                ("p.participant_id", Sql::Text),
            ],
            columns: vec![
                t("p.session_id"),
                t("s.date"),
                t("p.kind"),
                t("p.kind || ':' || p.participant_id"),
            ],
        },
        R::StockMoves => Shape {
            from: "stock_moves m JOIN items i ON i.hub_id = m.hub_id AND i.id = m.item_id",
            hub: "m.hub_id",
            date: DateCol::Text("m.date"),
            position: &[
                ("m.item_id", Sql::Text),
                ("m.seq", Sql::Int),
                ("m.pos", Sql::Int),
            ],
            columns: vec![
                t("m.id"),
                t("m.item_id"),
                t("i.category"),
                t("i.condition"),
                t("m.kind"),
                i("m.quantity"),
                t("m.date"),
                i("m.unit_price"),
                t("m.sale_id"),
                t("m.actor"),
            ],
        },
        R::SaleLines => Shape {
            from: "sale_lines l JOIN sales s ON s.hub_id = l.hub_id AND s.id = l.sale_id",
            hub: "l.hub_id",
            date: DateCol::Text("l.date"),
            position: &[
                ("l.date", Sql::Text),
                ("l.sale_id", Sql::Text),
                ("l.line_no", Sql::Int),
            ],
            columns: vec![
                t("l.sale_id"),
                i("l.line_no + 1"),
                t("l.item_id"),
                t("l.date"),
                t("l.category"),
                i("l.quantity"),
                i("l.unit_price"),
                i("l.line_total"),
                i("l.net"),
                i("l.weight_grams"),
                t("s.payment"),
                i("s.city_pass"),
                flag("s.reverses IS NOT NULL"),
                t("s.actor"),
            ],
        },
        R::Signals => {
            let mut columns = vec![
                t("g.id"),
                t("g.recorded_on"),
                t("g.recorded_by"),
                t("g.urgency"),
                t("g.consent"),
                i("g.do_not_contact"),
                t("g.status"),
                i("g.closed_at"),
            ];
            columns.extend(SignalDomain::ALL.iter().map(|d| {
                flag(&format!(
                    "EXISTS (SELECT 1 FROM signal_domains d WHERE d.hub_id = g.hub_id \
                     AND d.signal_id = g.id AND d.domain = '{}')",
                    d.code()
                ))
            }));
            Shape {
                from: "signals g",
                hub: "g.hub_id",
                date: DateCol::Text("g.recorded_on"),
                position: &[("g.id", Sql::Text)],
                columns,
            }
        }
        R::Referrals => Shape {
            from: "referrals r",
            hub: "r.hub_id",
            date: DateCol::Text("r.created_on"),
            position: &[("r.id", Sql::Text)],
            columns: vec![
                t("r.id"),
                t("r.signal_id"),
                t("r.partner_id"),
                t("r.status"),
                t("r.created_on"),
                t("r.created_by"),
                flag("r.consent_exception IS NOT NULL"),
                i("r.requested_at"),
                t("r.follow_up"),
                t("r.outcome"),
                i("r.closed_at"),
            ],
        },
    }
}

/// A value to bind after the hub id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Bind {
    /// A text parameter.
    Text(String),
    /// An integer parameter.
    Int(i64),
}

/// One batch's query: its text, the parameters after `$1` (the hub id),
/// and the SQL types of the position columns and then the table's columns.
#[derive(Debug)]
pub(crate) struct Page {
    pub table: ResearchTable,
    pub sql: String,
    pub binds: Vec<Bind>,
    pub position: Vec<Sql>,
    pub columns: Vec<Sql>,
}

/// Microseconds since the epoch of the start of `day` (UTC).
fn day_micros(day: chrono::NaiveDate) -> i64 {
    day.and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .timestamp_micros()
}

/// The query for the batch of at most `limit` rows after `after`.
pub(crate) fn page(
    table: ResearchTable,
    json: JsonFns,
    period: Option<Period>,
    after: Option<&ResearchCursor>,
    limit: usize,
) -> crate::Result<Page> {
    let shape = shape(table, json);
    let pos: Vec<&str> = shape.position.iter().map(|(e, _)| *e).collect();
    let mut select: Vec<String> = pos
        .iter()
        .enumerate()
        .map(|(n, e)| format!("{e} AS p{n}"))
        .collect();
    select.extend(
        shape
            .columns
            .iter()
            .enumerate()
            .map(|(n, (e, _))| format!("{e} AS c{n}")),
    );
    let mut sql = format!(
        "SELECT {} FROM {} WHERE {} = $1",
        select.join(", "),
        shape.from,
        shape.hub
    );
    let mut binds = Vec::new();
    // A table whose position starts with its date (`YYYY-MM-DD`) is read
    // by day: its period's lower bound is the position's, so each batch is
    // one range of the index on (hub, date, …) from the last row on. Two
    // lower bounds (the date's and the position's) would let the planner
    // pick the date's and scan the period from its first day in every
    // batch.
    let date_leads = matches!(shape.date, DateCol::Text(c) if pos.first() == Some(&c));
    let mut start = None;
    if let Some(p) = period {
        let (col, from, to, upper) = match shape.date {
            DateCol::Text(c) => (
                c,
                Bind::Text(super::date_text(p.from())),
                Bind::Text(super::date_text(p.to())),
                "<=",
            ),
            DateCol::Micros(c) => (
                c,
                Bind::Int(day_micros(p.from())),
                Bind::Int(p.to().succ_opt().map_or(i64::MAX, day_micros)),
                "<",
            ),
        };
        if date_leads {
            sql.push_str(&format!(" AND {col} {upper} $2"));
            binds.push(to);
            // Just before the first day's first row: no id is empty, no
            // line number the lowest integer.
            let mut cells = vec![Cell::Text(super::date_text(p.from()))];
            cells.extend(shape.position.iter().skip(1).map(|(_, sql)| match sql {
                Sql::Text => Cell::text(""),
                Sql::Int => Cell::Int(i64::MIN),
            }));
            start = Some(ResearchCursor(cells));
        } else {
            sql.push_str(&format!(" AND {col} >= $2 AND {col} {upper} $3"));
            binds.push(from);
            binds.push(to);
        }
    }
    let after = match (after, &start) {
        (Some(a), Some(s)) => Some(a.max(s)),
        (a, s) => a.or(s.as_ref()),
    };
    if let Some(after) = after {
        if after.0.len() != pos.len() {
            return Err(crate::Error::validation(
                "after",
                "not a position of this table",
            ));
        }
        let first = binds.len() + 2;
        let params: Vec<String> = (first..first + pos.len())
            .map(|n| format!("${n}"))
            .collect();
        if pos.len() == 1 {
            sql.push_str(&format!(" AND {} > {}", pos.join(""), params.join("")));
        } else {
            sql.push_str(&format!(
                " AND ({}) > ({})",
                pos.join(", "),
                params.join(", ")
            ));
        }
        for cell in &after.0 {
            binds.push(match cell {
                Cell::Text(s) => Bind::Text(s.clone()),
                Cell::Int(n) => Bind::Int(*n),
                Cell::Null => {
                    return Err(crate::Error::validation("after", "a position has no nulls"));
                }
            });
        }
    }
    sql.push_str(&format!(" ORDER BY {} LIMIT {limit}", pos.join(", ")));
    Ok(Page {
        table,
        sql,
        binds,
        position: shape.position.iter().map(|(_, s)| *s).collect(),
        columns: shape.columns.iter().map(|(_, s)| *s).collect(),
    })
}

/// Instantiates [`ResearchStore`](crate::ResearchStore) for one SQL
/// backend, with the dialect's JSON functions. The backend provides
/// `research_fetch(&self, hub, &Page, &mut BatchBuilder) -> Result<()>`:
/// through sqlx ([`impl_sqlx_research_fetch!`]) or, on SQLite, directly.
macro_rules! impl_sql_research_store {
    ($store:ident, $db:ty, json_each = $each:literal, json_len = $len:literal) => {
        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::ResearchStore for $store {
            async fn research_secret(
                &self,
                hub: $crate::HubId,
                candidate: &$crate::research::HubSecret,
            ) -> $crate::Result<$crate::research::HubSecret> {
                use $crate::store::sql::storage;
                sqlx::query(
                    "INSERT INTO hub_secrets (hub_id, research_key) VALUES ($1, $2) \
                     ON CONFLICT (hub_id) DO NOTHING",
                )
                .bind(hub.to_string())
                .bind(candidate.to_hex())
                .execute(&self.pool)
                .await
                .map_err(storage)?;
                let row = sqlx::query("SELECT research_key FROM hub_secrets WHERE hub_id = $1")
                    .bind(hub.to_string())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(storage)?;
                let hex: String = sqlx::Row::try_get(&row, 0).map_err(storage)?;
                $crate::research::HubSecret::from_hex(&hex)
            }

            async fn research_rows(
                &self,
                hub: $crate::HubId,
                table: $crate::research::ResearchTable,
                period: Option<$crate::Period>,
                after: Option<&$crate::research::ResearchCursor>,
                limit: usize,
                out: &mut $crate::research::BatchBuilder<'_>,
            ) -> $crate::Result<()> {
                use $crate::store::sql::research::{JsonFns, page};
                let json = JsonFns {
                    each: $each,
                    len: $len,
                };
                let page = page(table, json, period, after, limit)?;
                self.research_fetch(hub, &page, out).await
            }
        }
    };
}
pub(crate) use impl_sql_research_store;

/// Reads one result row of a page with `text(n)` and `int(n)` (the `n`-th
/// selected value; the position columns come first): its cells into `out`,
/// and its position into `position` (reusing its text buffers).
pub(crate) fn push_row<'r, E: std::fmt::Display>(
    page: &Page,
    out: &mut crate::research::BatchBuilder<'_>,
    position: &mut Vec<Cell>,
    mut text: impl FnMut(usize) -> std::result::Result<Option<&'r str>, E>,
    mut int: impl FnMut(usize) -> std::result::Result<Option<i64>, E>,
) -> crate::Result<()> {
    let corrupt = |e: E| crate::Error::storage(format!("corrupt {} row: {e}", page.table));
    position.resize(page.position.len(), Cell::Null);
    for ((n, sql), cell) in page.position.iter().enumerate().zip(position.iter_mut()) {
        match sql {
            Sql::Text => match (text(n).map_err(corrupt)?, &mut *cell) {
                (Some(s), Cell::Text(buf)) => {
                    buf.clear();
                    buf.push_str(s);
                }
                (v, cell) => *cell = Cell::opt_text(v),
            },
            Sql::Int => *cell = Cell::opt_int(int(n).map_err(corrupt)?),
        }
    }
    let width = page.position.len();
    for (n, sql) in page.columns.iter().enumerate() {
        match sql {
            Sql::Text => out.text(text(width + n).map_err(corrupt)?)?,
            Sql::Int => out.int(int(width + n).map_err(corrupt)?)?,
        }
    }
    out.end_row()
}

/// `research_fetch` through sqlx: one query, every row decoded by sqlx.
#[cfg(feature = "postgres")]
macro_rules! impl_sqlx_research_fetch {
    ($store:ident, $db:ty) => {
        impl $store {
            /// Runs one page's query and pushes its rows into `out`.
            async fn research_fetch(
                &self,
                hub: $crate::HubId,
                page: &$crate::store::sql::research::Page,
                out: &mut $crate::research::BatchBuilder<'_>,
            ) -> $crate::Result<()> {
                use $crate::store::sql::research::{Bind, push_row};
                let mut q = sqlx::query(&page.sql).bind(hub.to_string());
                for b in &page.binds {
                    q = match b {
                        Bind::Text(s) => q.bind(s.clone()),
                        Bind::Int(n) => q.bind(*n),
                    };
                }
                let fetched = q
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let mut position = Vec::new();
                for row in &fetched {
                    push_row(
                        page,
                        out,
                        &mut position,
                        |n| sqlx::Row::try_get::<Option<&str>, _>(row, n),
                        |n| sqlx::Row::try_get::<Option<i64>, _>(row, n),
                    )?;
                }
                if !fetched.is_empty() {
                    out.set_last($crate::research::ResearchCursor(position));
                }
                Ok(())
            }
        }
    };
}
#[cfg(feature = "postgres")]
pub(crate) use impl_sqlx_research_fetch;

/// How much of the file a research page maps: all of it, up to SQLite's
/// own cap (2 GiB unless built otherwise).
#[cfg(feature = "sqlite")]
const MAP_ALL: i64 = 1 << 40;

/// Runs one page's query on a SQLite connection directly (rusqlite on
/// sqlx's own handle) and pushes its rows into `out`: no per-row hand-off
/// to sqlx's worker thread, which costs ~5 µs a row (`RECIPES.md`), and no
/// value copied out of SQLite but into the batch's columns.
///
/// The page reads the file memory-mapped (`PRAGMA mmap_size`), and unmaps
/// it after: an export reads every page of its index range, its lines and
/// their sales once, and through `pread` each is a system call and a copy
/// (a million sale lines: 4.8 s with, 1.7 s without, `docs/performance.md`).
/// Unmapped again, the pages it touched do not stay in the process's
/// resident memory, and the connection goes back to the pool as it was.
#[cfg(feature = "sqlite")]
pub(crate) fn read_direct(
    db: &rusqlite::Connection,
    hub: crate::HubId,
    page: &Page,
    out: &mut crate::research::BatchBuilder<'_>,
) -> crate::Result<()> {
    let storage = super::storage;
    db.pragma_update(None, "mmap_size", MAP_ALL)
        .map_err(storage)?;
    let read = read_page(db, hub, page, out);
    let unmapped = db.pragma_update(None, "mmap_size", 0).map_err(storage);
    read.and(unmapped)
}

/// [`read_direct`]'s query and rows.
#[cfg(feature = "sqlite")]
fn read_page(
    db: &rusqlite::Connection,
    hub: crate::HubId,
    page: &Page,
    out: &mut crate::research::BatchBuilder<'_>,
) -> crate::Result<()> {
    use rusqlite::types::ValueRef;
    let storage = super::storage;
    let mut stmt = db.prepare(&page.sql).map_err(storage)?;
    stmt.raw_bind_parameter(1, hub.to_string())
        .map_err(storage)?;
    for (i, b) in page.binds.iter().enumerate() {
        match b {
            Bind::Text(s) => stmt.raw_bind_parameter(i + 2, s.as_str()),
            Bind::Int(n) => stmt.raw_bind_parameter(i + 2, *n),
        }
        .map_err(storage)?;
    }
    let mut rows = stmt.raw_query();
    let mut position = Vec::new();
    let mut any = false;
    while let Some(row) = rows.next().map_err(storage)? {
        let text = |n: usize| match row.get_ref(n)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(b) => std::str::from_utf8(b)
                .map(Some)
                .map_err(rusqlite::Error::Utf8Error),
            other => Err(rusqlite::Error::InvalidColumnType(
                n,
                String::new(),
                other.data_type(),
            )),
        };
        let int = |n: usize| row.get::<_, Option<i64>>(n);
        push_row(page, out, &mut position, text, int)?;
        any = true;
    }
    if any {
        out.set_last(ResearchCursor(position));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_list::CodeList;

    const JSON: JsonFns = JsonFns {
        each: "json_each({})",
        len: "json_array_length({})",
    };

    #[test]
    fn every_table_selects_one_value_per_column() {
        for t in ResearchTable::ALL {
            let p = page(*t, JSON, None, None, 10).unwrap();
            assert_eq!(p.columns.len(), t.columns().len(), "{t}");
        }
    }

    #[test]
    fn a_later_page_starts_after_the_position_and_binds_it() {
        let after = ResearchCursor(vec![Cell::text("s1"), Cell::Int(3)]);
        let period = Period::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        )
        .unwrap();
        let p = page(ResearchTable::Shifts, JSON, Some(period), None, 5).unwrap();
        assert!(
            p.sql
                .ends_with("AND s.date >= $2 AND s.date <= $3 ORDER BY s.id LIMIT 5"),
            "{}",
            p.sql
        );
        let shift = ResearchCursor(vec![Cell::text("s1")]);
        let p = page(ResearchTable::Shifts, JSON, Some(period), Some(&shift), 5).unwrap();
        assert!(p.sql.ends_with("AND s.id > $4 ORDER BY s.id LIMIT 5"));
        assert_eq!(p.binds.len(), 3);
        assert!(page(ResearchTable::Shifts, JSON, None, Some(&after), 5).is_err());
    }

    #[test]
    fn sale_lines_are_read_by_day_from_the_period_start() {
        let period = Period::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        )
        .unwrap();
        let tail = "AND l.date <= $2 AND (l.date, l.sale_id, l.line_no) > ($3, $4, $5) \
                    ORDER BY l.date, l.sale_id, l.line_no LIMIT 5";
        let start = [
            Bind::Text("2026-01-31".into()),
            Bind::Text("2026-01-01".into()),
            Bind::Text(String::new()),
            Bind::Int(i64::MIN),
        ];
        let p = page(ResearchTable::SaleLines, JSON, Some(period), None, 5).unwrap();
        assert!(p.sql.ends_with(tail), "{}", p.sql);
        assert_eq!(p.binds, start);
        // A position before the period's start reads from the start.
        let early = ResearchCursor(vec![
            Cell::text("2025-12-31"),
            Cell::text("x"),
            Cell::Int(0),
        ]);
        let p = page(
            ResearchTable::SaleLines,
            JSON,
            Some(period),
            Some(&early),
            5,
        )
        .unwrap();
        assert_eq!(p.binds, start);
        let later = ResearchCursor(vec![
            Cell::text("2026-01-02"),
            Cell::text("s9"),
            Cell::Int(1),
        ]);
        let p = page(
            ResearchTable::SaleLines,
            JSON,
            Some(period),
            Some(&later),
            5,
        )
        .unwrap();
        assert!(p.sql.ends_with(tail), "{}", p.sql);
        assert_eq!(p.binds[1], Bind::Text("2026-01-02".into()));
        let p = page(ResearchTable::SaleLines, JSON, None, None, 5).unwrap();
        assert!(
            p.sql
                .ends_with("= $1 ORDER BY l.date, l.sale_id, l.line_no LIMIT 5")
        );
        assert!(p.binds.is_empty());
    }
}
