//! The [`ActivityStore`](crate::ActivityStore) implementation of both SQL
//! backends, written once in [`impl_sql_activity_store!`] (the SQL text is
//! the same for SQLite and PostgreSQL but for the week bucket), plus the
//! query text it shares.
//!
//! - **Schema** (migration 0005): `activities` (leaders as a JSON array of
//!   volunteer ids), `schedules` (the recurrence as JSON text),
//!   `sessions` (attendance as nullable columns, all set or all NULL) with
//!   `session_participants` (one row per named participant: kind and id, in
//!   the attendance's order), `residents`, `ideas` with `idea_history` (one
//!   row per status change, so statuses and dates are queryable) and
//!   `table_tallies` (one row per day). Every table carries `hub_id`, first
//!   in its primary key. `UNIQUE (hub_id, activity_id, date, start_min)` on
//!   `sessions` makes generation idempotent: `INSERT … ON CONFLICT DO
//!   NOTHING` skips a session whose slot (or id) is taken, and the rows it
//!   returns are the ones stored.
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`):
//!   on SQLite it holds the database write lock (`BEGIN IMMEDIATE`), on
//!   PostgreSQL the hub row lock, so the existence checks and the version
//!   compare-and-set (`UPDATE … WHERE version = $n`; a stale version is a
//!   `Conflict`) cannot interleave with another write in the hub. A unit
//!   that stores no session is rolled back, so it journals nothing.
//! - **Reads** of a record with its child rows (sessions with their
//!   participants, ideas with their history) and the report run in one read
//!   snapshot.
//! - **Report**: `activity_counts` aggregates in SQL (`GROUP BY` activity
//!   and month of the session date, idea status, ISO week of the tally
//!   date); only the few aggregated rows travel, and only the idea counts
//!   are put in declaration order in Rust.

use crate::code_list::CodeList;
use crate::{IdeaStatus, IdeaStatusCount, SessionQuery, SessionStatus};

/// The columns of an activity row, in `SELECT` order.
pub(crate) const ACTIVITY_COLUMNS: &str =
    "id, name, kind, description, leaders, location, capacity, price, status, version";

/// The columns of a schedule row, in `SELECT` order.
pub(crate) const SCHEDULE_COLUMNS: &str =
    "id, activity_id, recurrence, starts_on, start_min, end_min, until_date, max_count";

/// The columns of a session row, in `SELECT` order.
pub(crate) const SESSION_COLUMNS: &str = "id, activity_id, date, start_min, end_min, schedule_id, \
     status, cancel_reason, headcount, first_timers, recorded_by, recorded_at, version";

/// The columns of a resident row, in `SELECT` order.
pub(crate) const RESIDENT_COLUMNS: &str = "id, name, contact, consent_on, registered_by";

/// The columns of an idea row, in `SELECT` order.
pub(crate) const IDEA_COLUMNS: &str =
    "id, title, idea_text, submitted_on, contact, status, activity_id, version";

/// The columns of an idea history row, in `SELECT` order.
pub(crate) const HISTORY_COLUMNS: &str = "h.idea_id AS idea_id, h.changed_on AS changed_on, h.from_status AS from_status, \
     h.to_status AS to_status, h.reason AS reason, h.changed_by AS changed_by";

/// The columns of a tally row, in `SELECT` order.
pub(crate) const TALLY_COLUMNS: &str = "date, visitors, conversations, recorded_by, version";

/// The number of columns a session row is written with (after `hub_id`).
pub(crate) const SESSION_WRITE_COLUMNS: usize = 13;

/// `WHERE …` of the sessions of `q` in table `s`: binds `$1` hub, `$2`/`$3`
/// the period and `$4` the activity when `q.activity` is set.
fn sessions_where(q: &SessionQuery) -> String {
    let mut sql = String::from("s.hub_id = $1 AND s.date >= $2 AND s.date <= $3");
    if q.activity.is_some() {
        sql.push_str(" AND s.activity_id = $4");
    }
    sql
}

/// The session listing for `q` (binds as [`sessions_where`]).
pub(crate) fn sessions_sql(q: &SessionQuery) -> String {
    let cols: Vec<String> = SESSION_COLUMNS
        .split(", ")
        .map(|c| format!("s.{c} AS {c}"))
        .collect();
    format!(
        "SELECT {} FROM sessions s WHERE {} ORDER BY s.date, s.start_min, s.id",
        cols.join(", "),
        sessions_where(q)
    )
}

/// The named participants of the sessions of `q` (binds as
/// [`sessions_where`]), each session's in its order.
pub(crate) fn session_participants_sql(q: &SessionQuery) -> String {
    format!(
        "SELECT p.session_id AS session_id, p.kind AS kind, p.participant_id AS participant_id \
         FROM session_participants p \
         JOIN sessions s ON s.hub_id = p.hub_id AND s.id = p.session_id \
         WHERE {} ORDER BY p.session_id, p.pos",
        sessions_where(q)
    )
}

/// Deletes the sessions of the ended schedules (`$3…`, `n` of them) dated
/// on or after `$2` that are planned and have no attendance (`$1` hub).
pub(crate) fn drop_sessions_sql(n: usize) -> String {
    format!(
        "DELETE FROM sessions WHERE hub_id = $1 AND date >= $2 AND status = '{}' \
         AND headcount IS NULL AND schedule_id IN ({})",
        SessionStatus::Planned.code(),
        super::stock::placeholders(3, n)
    )
}

/// `$1` hub, `$2`/`$3` the period: sessions per activity and month of the
/// session date. Held: not cancelled, attendance recorded; cancelled;
/// planned: not cancelled, no attendance; attendance and first-timers
/// summed over the held ones. Ordered by month, activity name, activity id.
pub(crate) fn month_counts_sql() -> String {
    let cancelled = format!("s.status = '{}'", crate::SessionStatus::Cancelled.code());
    let held = format!("NOT ({cancelled}) AND s.headcount IS NOT NULL");
    let month = "substr(s.date, 1, 7) || '-01'";
    format!(
        "SELECT s.activity_id AS activity_id, a.name AS activity_name, a.capacity AS capacity, \
                {month} AS month, \
                CAST(SUM(CASE WHEN {held} THEN 1 ELSE 0 END) AS BIGINT) AS held, \
                CAST(SUM(CASE WHEN {cancelled} THEN 1 ELSE 0 END) AS BIGINT) AS cancelled, \
                CAST(SUM(CASE WHEN NOT ({cancelled}) AND s.headcount IS NULL THEN 1 ELSE 0 END) \
                     AS BIGINT) AS planned, \
                CAST(SUM(CASE WHEN {held} THEN s.headcount ELSE 0 END) AS BIGINT) AS attendance, \
                CAST(SUM(CASE WHEN {held} THEN s.first_timers ELSE 0 END) AS BIGINT) AS first_timers \
         FROM sessions s JOIN activities a ON a.hub_id = s.hub_id AND a.id = s.activity_id \
         WHERE s.hub_id = $1 AND s.date >= $2 AND s.date <= $3 \
         GROUP BY s.activity_id, a.name, a.capacity, {month} \
         ORDER BY {month}, a.name, s.activity_id"
    )
}

/// `$1` hub, `$2`/`$3` the period: ideas submitted in the period per status.
pub(crate) const IDEA_COUNTS_SQL: &str = "SELECT status, COUNT(*) AS n FROM ideas \
     WHERE hub_id = $1 AND submitted_on >= $2 AND submitted_on <= $3 GROUP BY status";

/// Idea counts per status in [`IdeaStatus`] declaration order, only those
/// above zero.
pub(crate) fn idea_counts(found: &[(IdeaStatus, u64)]) -> Vec<IdeaStatusCount> {
    IdeaStatus::ALL
        .iter()
        .filter_map(|status| {
            let count: u64 = found
                .iter()
                .filter(|(s, _)| s == status)
                .map(|(_, n)| n)
                .sum();
            (count > 0).then_some(IdeaStatusCount {
                status: *status,
                count,
            })
        })
        .collect()
}

/// Instantiates [`ActivityStore`](crate::ActivityStore) for one SQL backend.
/// Next to what [`impl_sql_store!`](super::impl_sql_store) defines
/// (`begin_unit`, `finish_unit`, `require_hub`, `row_by_id`,
/// `unless_empty`), it takes:
///
/// - `snapshot`: the statement that begins a read-only transaction with one
///   snapshot for all its statements;
/// - `week`: an SQL expression for the Monday (`YYYY-MM-DD`) of the week
///   of the `date` column of `table_tallies`.
macro_rules! impl_sql_activity_store {
    ($store:ident, $db:ty, snapshot = $snapshot:literal, week = $week:literal) => {
        impl $store {
            /// A read transaction with one snapshot for all its statements,
            /// after checking that the hub exists (`NotFound` otherwise).
            async fn act_snapshot(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<sqlx::Transaction<'static, $db>> {
                let mut tx = self
                    .pool
                    .begin_with($snapshot)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let row = sqlx::query("SELECT 1 FROM hubs WHERE id = $1")
                    .bind(hub.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if row.is_none() {
                    return Err($crate::Error::not_found("hub", hub));
                }
                Ok(tx)
            }

            /// Whether `table` has a row `id` in `hub` (`table` is a literal).
            async fn act_exists(
                tx: &mut sqlx::Transaction<'static, $db>,
                table: &'static str,
                hub: $crate::HubId,
                id: impl std::fmt::Display,
            ) -> $crate::Result<bool> {
                let sql = format!("SELECT 1 FROM {table} WHERE hub_id = $1 AND id = $2");
                let row = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Ok(row.is_some())
            }

            /// After a compare-and-set `UPDATE` changed no row: `Conflict`
            /// (stale) if the row exists, else `NotFound`.
            async fn act_stale_or_missing(
                tx: &mut sqlx::Transaction<'static, $db>,
                table: &'static str,
                hub: $crate::HubId,
                entity: &'static str,
                id: impl std::fmt::Display,
            ) -> $crate::Error {
                match Self::act_exists(tx, table, hub, &id).await {
                    Ok(true) => $crate::Error::conflict($crate::store::stale_message(entity)),
                    Ok(false) => $crate::Error::not_found(entity, id),
                    Err(e) => e,
                }
            }

            /// An activity's columns (binds `$1` hub, `$2` id, `$3`…`$11`).
            fn act_activity_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                a: &$crate::Activity,
                leaders: String,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(a.id.to_string())
                    .bind(a.name.as_str().to_string())
                    .bind(a.kind.code())
                    .bind(a.description.as_ref().map(|d| d.as_str().to_string()))
                    .bind(leaders)
                    .bind(a.location.as_ref().map(|l| l.as_str().to_string()))
                    .bind(a.capacity.map(i64::from))
                    .bind(a.price.cents())
                    .bind(a.status.code())
                    .bind(a.version)
            }

            /// The leaders of an activity as stored (JSON array of ids).
            fn act_leaders(a: &$crate::Activity) -> $crate::Result<String> {
                let ids: Vec<String> = a.leaders.iter().map(|l| l.to_string()).collect();
                serde_json::to_string(&ids).map_err($crate::store::sql::storage)
            }

            /// A schedule's columns (binds `$1` hub, `$2` id, `$3`…`$9`).
            fn act_schedule_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                s: &$crate::Schedule,
                recurrence: String,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                use $crate::store::sql::{date_text, minute};
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(s.id.to_string())
                    .bind(s.activity_id.to_string())
                    .bind(recurrence)
                    .bind(date_text(s.starts_on))
                    .bind(minute(s.span.start_minute()))
                    .bind(minute(s.span.end_minute()))
                    .bind(s.until.map(date_text))
                    .bind(s.count.map(i64::from))
            }

            /// Binds a session's columns (after the id: 12 more) onto `q`.
            fn act_bind_session<'q>(
                q: sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>>,
                s: &$crate::Session,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                use $crate::store::sql::{date_text, micros, minute};
                let at = s.attendance.as_ref();
                q.bind(s.activity_id.to_string())
                    .bind(date_text(s.date))
                    .bind(minute(s.span.start_minute()))
                    .bind(minute(s.span.end_minute()))
                    .bind(s.schedule_id.map(|id| id.to_string()))
                    .bind(s.status.code())
                    .bind(s.cancel_reason.as_ref().map(|r| r.as_str().to_string()))
                    .bind(at.map(|a| i64::from(a.headcount)))
                    .bind(at.map(|a| i64::from(a.first_timers)))
                    .bind(at.map(|a| a.recorded_by.as_str().to_string()))
                    .bind(at.map(|a| micros(a.recorded_at)))
                    .bind(s.version)
            }

            /// Writes the named participants of a session's attendance (in
            /// its order).
            async fn act_insert_participants(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                s: &$crate::Session,
            ) -> $crate::Result<()> {
                let Some(at) = &s.attendance else { return Ok(()) };
                let batch = $crate::store::sql::stock::BATCH_ROWS;
                for (n, chunk) in at.participants.chunks(batch).enumerate() {
                    let sql = format!(
                        "INSERT INTO session_participants (hub_id, session_id, kind, participant_id, pos) \
                         VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 2, 3)
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string()).bind(s.id.to_string());
                    let first = i64::try_from(n * batch).map_err($crate::store::sql::storage)?;
                    for (pos, p) in (first..).zip(chunk) {
                        let (kind, id) = match p {
                            $crate::Participant::Volunteer(v) => ("volunteer", v.to_string()),
                            $crate::Participant::Resident(r) => ("resident", r.to_string()),
                        };
                        q = q.bind(kind).bind(id).bind(pos);
                    }
                    q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                }
                Ok(())
            }

            /// The ids among `ids` that have a row in `table` (`table` is a
            /// literal).
            async fn act_existing(
                tx: &mut sqlx::Transaction<'static, $db>,
                table: &'static str,
                hub: $crate::HubId,
                ids: &[String],
            ) -> $crate::Result<std::collections::HashSet<String>> {
                use $crate::store::sql::SqlRow as _;
                let mut found = std::collections::HashSet::new();
                for chunk in ids.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = format!(
                        "SELECT id FROM {table} WHERE hub_id = $1 AND id IN ({})",
                        $crate::store::sql::stock::placeholders(2, chunk.len())
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for id in chunk {
                        q = q.bind(id.clone());
                    }
                    for row in q.fetch_all(&mut **tx).await.map_err($crate::store::sql::storage)? {
                        found.insert(row.text("id").map_err($crate::store::sql::corrupt(table))?);
                    }
                }
                Ok(found)
            }

            /// `NotFound` for the first named participant of `s` who is not
            /// a volunteer or registered resident of the hub.
            async fn act_check_participants(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                s: &$crate::Session,
            ) -> $crate::Result<()> {
                let Some(at) = &s.attendance else { return Ok(()) };
                let mut volunteers = Vec::new();
                let mut residents = Vec::new();
                for p in &at.participants {
                    match p {
                        $crate::Participant::Volunteer(v) => volunteers.push(v.to_string()),
                        $crate::Participant::Resident(r) => residents.push(r.to_string()),
                    }
                }
                let volunteers = Self::act_existing(tx, "volunteers", hub, &volunteers).await?;
                let residents = Self::act_existing(tx, "residents", hub, &residents).await?;
                for p in &at.participants {
                    match p {
                        $crate::Participant::Volunteer(v) if !volunteers.contains(&v.to_string()) => {
                            return Err($crate::Error::not_found($crate::VolunteerId::ENTITY, v));
                        }
                        $crate::Participant::Resident(r) if !residents.contains(&r.to_string()) => {
                            return Err($crate::Error::not_found($crate::ResidentId::ENTITY, r));
                        }
                        _ => {}
                    }
                }
                Ok(())
            }

            /// An idea's columns (binds `$1` hub, `$2` id, `$3`…`$9`).
            fn act_idea_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                i: &$crate::Idea,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(i.id.to_string())
                    .bind(i.title.as_str().to_string())
                    .bind(i.text.as_str().to_string())
                    .bind($crate::store::sql::date_text(i.submitted_on))
                    .bind(i.contact.as_ref().map(|c| c.to_string()))
                    .bind(i.status.code())
                    .bind(i.activity_id.map(|a| a.to_string()))
                    .bind(i.version)
            }

            /// Writes an idea's history (oldest first).
            async fn act_insert_history(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                idea: &$crate::Idea,
            ) -> $crate::Result<()> {
                let batch = $crate::store::sql::stock::BATCH_ROWS;
                for (n, chunk) in idea.history.chunks(batch).enumerate() {
                    let sql = format!(
                        "INSERT INTO idea_history (hub_id, idea_id, pos, changed_on, from_status, \
                         to_status, reason, changed_by) VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 2, 6)
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string()).bind(idea.id.to_string());
                    let first = i64::try_from(n * batch).map_err($crate::store::sql::storage)?;
                    for (pos, h) in (first..).zip(chunk) {
                        q = q
                            .bind(pos)
                            .bind($crate::store::sql::date_text(h.on))
                            .bind(h.from.code())
                            .bind(h.to.code())
                            .bind(h.reason.as_ref().map(|r| r.as_str().to_string()))
                            .bind(h.by.as_str().to_string());
                    }
                    q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                }
                Ok(())
            }

            /// The ideas of `hub` (those whose column `filter.0` is
            /// `filter.1`, if given) with their history, in one snapshot,
            /// by submission date, then id.
            async fn act_ideas(
                &self,
                hub: $crate::HubId,
                filter: Option<(&'static str, String)>,
            ) -> $crate::Result<Vec<$crate::Idea>> {
                let (own, joined) = match &filter {
                    Some((col, _)) => (format!(" AND {col} = $2"), format!(" AND i.{col} = $2")),
                    None => (String::new(), String::new()),
                };
                let mut tx = self.act_snapshot(hub).await?;
                let sql = format!(
                    "SELECT {} FROM ideas WHERE hub_id = $1{own} ORDER BY submitted_on, id",
                    $crate::store::sql::activities::IDEA_COLUMNS
                );
                let mut q = sqlx::query(&sql).bind(hub.to_string());
                if let Some((_, value)) = &filter {
                    q = q.bind(value.clone());
                }
                let rows = q.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)?;
                let sql = format!(
                    "SELECT {} FROM idea_history h \
                     JOIN ideas i ON i.hub_id = h.hub_id AND i.id = h.idea_id \
                     WHERE i.hub_id = $1{joined} ORDER BY h.idea_id, h.pos",
                    $crate::store::sql::activities::HISTORY_COLUMNS
                );
                let mut q = sqlx::query(&sql).bind(hub.to_string());
                if let Some((_, value)) = filter {
                    q = q.bind(value);
                }
                let history = q.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)?;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                let mut history = $crate::store::sql::activity_rows::history_from_rows(&history)?;
                rows.iter()
                    .map(|r| $crate::store::sql::activity_rows::idea_from_row(r, &mut history))
                    .collect()
            }

            /// The sessions of `q` with their participants, in one snapshot.
            async fn act_sessions(
                &self,
                hub: $crate::HubId,
                q: &$crate::SessionQuery,
            ) -> $crate::Result<Vec<$crate::Session>> {
                use $crate::store::sql::activities as sql;
                let mut tx = self.act_snapshot(hub).await?;
                let (from, to) = (
                    $crate::store::sql::date_text(q.period.from()),
                    $crate::store::sql::date_text(q.period.to()),
                );
                let text = sql::sessions_sql(q);
                let mut query = sqlx::query(&text)
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone());
                if let Some(a) = q.activity {
                    query = query.bind(a.to_string());
                }
                let rows = query.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)?;
                let text = sql::session_participants_sql(q);
                let mut query = sqlx::query(&text).bind(hub.to_string()).bind(from).bind(to);
                if let Some(a) = q.activity {
                    query = query.bind(a.to_string());
                }
                let people = query.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)?;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                let mut people = $crate::store::sql::activity_rows::participants_from_rows(&people)?;
                rows.iter()
                    .map(|r| $crate::store::sql::activity_rows::session_from_row(r, &mut people))
                    .collect()
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::ActivityStore for $store {
            async fn insert_activity(
                &self,
                hub: $crate::HubId,
                a: &$crate::Activity,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let leaders = Self::act_leaders(a)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = Self::act_activity_query(
                    "INSERT INTO activities (hub_id, id, name, kind, description, leaders, location, \
                     capacity, price, status, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    hub,
                    a,
                    leaders,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::ActivityId::ENTITY, a.id)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_activity(
                &self,
                hub: $crate::HubId,
                a: &$crate::Activity,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let leaders = Self::act_leaders(a)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = Self::act_activity_query(
                    "UPDATE activities SET name = $3, kind = $4, description = $5, leaders = $6, \
                     location = $7, capacity = $8, price = $9, status = $10, version = $11 \
                     WHERE hub_id = $1 AND id = $2 AND version = $12",
                    hub,
                    a,
                    leaders,
                )
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    return Err(Self::act_stale_or_missing(
                        &mut tx,
                        "activities",
                        hub,
                        $crate::ActivityId::ENTITY,
                        a.id,
                    )
                    .await);
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn activity(
                &self,
                hub: $crate::HubId,
                id: $crate::ActivityId,
            ) -> $crate::Result<$crate::Activity> {
                let row = self
                    .row_by_id(
                        hub,
                        "activities",
                        $crate::store::sql::activities::ACTIVITY_COLUMNS,
                        $crate::ActivityId::ENTITY,
                        id,
                    )
                    .await?;
                $crate::store::sql::activity_rows::activity_from_row(&row)
            }

            async fn activities(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::Activity>> {
                let sql = format!(
                    "SELECT {} FROM activities WHERE hub_id = $1 ORDER BY name, id",
                    $crate::store::sql::activities::ACTIVITY_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::activity_rows::activity_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn insert_schedule(
                &self,
                hub: $crate::HubId,
                schedule: &$crate::Schedule,
                ended: &[$crate::Schedule],
                drop_from: chrono::NaiveDate,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<u64> {
                let recurrence =
                    serde_json::to_string(&schedule.recurrence).map_err($crate::store::sql::storage)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                if !Self::act_exists(&mut tx, "activities", hub, schedule.activity_id).await? {
                    return Err($crate::Error::not_found(
                        $crate::ActivityId::ENTITY,
                        schedule.activity_id,
                    ));
                }
                for e in ended {
                    if !Self::act_exists(&mut tx, "schedules", hub, e.id).await? {
                        return Err($crate::Error::not_found($crate::ScheduleId::ENTITY, e.id));
                    }
                }
                let mut removed = 0;
                for chunk in ended.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = $crate::store::sql::activities::drop_sessions_sql(chunk.len());
                    let mut q = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind($crate::store::sql::date_text(drop_from));
                    for e in chunk {
                        q = q.bind(e.id.to_string());
                    }
                    removed += q
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?
                        .rows_affected();
                }
                for e in ended {
                    let recurrence =
                        serde_json::to_string(&e.recurrence).map_err($crate::store::sql::storage)?;
                    Self::act_schedule_query(
                        "UPDATE schedules SET activity_id = $3, recurrence = $4, starts_on = $5, \
                         start_min = $6, end_min = $7, until_date = $8, max_count = $9 \
                         WHERE hub_id = $1 AND id = $2",
                        hub,
                        e,
                        recurrence,
                    )
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                }
                let inserted = Self::act_schedule_query(
                    "INSERT INTO schedules (hub_id, id, activity_id, recurrence, starts_on, start_min, \
                     end_min, until_date, max_count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    hub,
                    schedule,
                    recurrence,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::ScheduleId::ENTITY, schedule.id)?;
                Self::finish_unit(tx, hub, seq, entry).await?;
                Ok(removed)
            }

            async fn schedules(
                &self,
                hub: $crate::HubId,
                activity: $crate::ActivityId,
            ) -> $crate::Result<Vec<$crate::Schedule>> {
                let sql = format!(
                    "SELECT {} FROM schedules WHERE hub_id = $1 AND activity_id = $2 \
                     ORDER BY starts_on, id",
                    $crate::store::sql::activities::SCHEDULE_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(activity.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::activity_rows::schedule_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn insert_sessions(
                &self,
                hub: $crate::HubId,
                sessions: &[$crate::Session],
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<u64> {
                use $crate::store::sql::SqlRow as _;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let mut checked: Vec<$crate::ActivityId> = Vec::new();
                for s in sessions {
                    if checked.contains(&s.activity_id) {
                        continue;
                    }
                    if !Self::act_exists(&mut tx, "activities", hub, s.activity_id).await? {
                        return Err($crate::Error::not_found(
                            $crate::ActivityId::ENTITY,
                            s.activity_id,
                        ));
                    }
                    checked.push(s.activity_id);
                }
                let mut stored: u64 = 0;
                for chunk in sessions.chunks($crate::store::sql::stock::BATCH_ROWS) {
                    // A session whose id or slot (activity, date, start) is
                    // taken — also by an earlier one of this batch — is
                    // skipped; RETURNING lists the rows stored.
                    let sql = format!(
                        "INSERT INTO sessions (hub_id, {}) VALUES {} ON CONFLICT DO NOTHING RETURNING id",
                        $crate::store::sql::activities::SESSION_COLUMNS,
                        $crate::store::sql::stock::values(
                            chunk.len(),
                            1,
                            $crate::store::sql::activities::SESSION_WRITE_COLUMNS
                        )
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for s in chunk {
                        q = Self::act_bind_session(q.bind(s.id.to_string()), s);
                    }
                    let rows = q.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)?;
                    stored += rows.len() as u64;
                    for row in rows {
                        let id = row.text("id").map_err($crate::store::sql::corrupt("session"))?;
                        if let Some(s) = chunk.iter().find(|s| s.id.to_string() == id) {
                            Self::act_insert_participants(&mut tx, hub, s).await?;
                        }
                    }
                }
                if stored == 0 {
                    // Nothing stored, nothing journalled: undo the seq bump.
                    tx.rollback().await.map_err($crate::store::sql::storage)?;
                    return Ok(0);
                }
                Self::finish_unit(tx, hub, seq, entry).await?;
                Ok(stored)
            }

            async fn update_session(
                &self,
                hub: $crate::HubId,
                s: &$crate::Session,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                Self::act_check_participants(&mut tx, hub, s).await?;
                let q = sqlx::query(
                    "UPDATE sessions SET activity_id = $3, date = $4, start_min = $5, end_min = $6, \
                     schedule_id = $7, status = $8, cancel_reason = $9, headcount = $10, \
                     first_timers = $11, recorded_by = $12, recorded_at = $13, version = $14 \
                     WHERE hub_id = $1 AND id = $2 AND version = $15",
                )
                .bind(hub.to_string())
                .bind(s.id.to_string());
                let done = Self::act_bind_session(q, s)
                    .bind(expected_version)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    return Err(Self::act_stale_or_missing(
                        &mut tx,
                        "sessions",
                        hub,
                        $crate::SessionId::ENTITY,
                        s.id,
                    )
                    .await);
                }
                sqlx::query("DELETE FROM session_participants WHERE hub_id = $1 AND session_id = $2")
                    .bind(hub.to_string())
                    .bind(s.id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::act_insert_participants(&mut tx, hub, s).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn session(
                &self,
                hub: $crate::HubId,
                id: $crate::SessionId,
            ) -> $crate::Result<$crate::Session> {
                let mut tx = self.act_snapshot(hub).await?;
                let sql = format!(
                    "SELECT {} FROM sessions WHERE hub_id = $1 AND id = $2",
                    $crate::store::sql::activities::SESSION_COLUMNS
                );
                let row = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let Some(row) = row else {
                    return Err($crate::Error::not_found($crate::SessionId::ENTITY, id));
                };
                let people = sqlx::query(
                    "SELECT session_id, kind, participant_id FROM session_participants \
                     WHERE hub_id = $1 AND session_id = $2 ORDER BY pos",
                )
                .bind(hub.to_string())
                .bind(id.to_string())
                .fetch_all(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                let mut people = $crate::store::sql::activity_rows::participants_from_rows(&people)?;
                $crate::store::sql::activity_rows::session_from_row(&row, &mut people)
            }

            async fn sessions(
                &self,
                hub: $crate::HubId,
                q: &$crate::SessionQuery,
            ) -> $crate::Result<Vec<$crate::Session>> {
                self.act_sessions(hub, q).await
            }

            async fn insert_resident(
                &self,
                hub: $crate::HubId,
                r: &$crate::Resident,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = sqlx::query(
                    "INSERT INTO residents (hub_id, id, name, contact, consent_on, registered_by) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(hub.to_string())
                .bind(r.id.to_string())
                .bind(r.name.as_str().to_string())
                .bind(r.contact.as_ref().map(|c| c.to_string()))
                .bind($crate::store::sql::date_text(r.consent_on))
                .bind(r.registered_by.as_str().to_string())
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::ResidentId::ENTITY, r.id)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn residents(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::Resident>> {
                let sql = format!(
                    "SELECT {} FROM residents WHERE hub_id = $1 ORDER BY name, id",
                    $crate::store::sql::activities::RESIDENT_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::activity_rows::resident_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn delete_resident(
                &self,
                hub: $crate::HubId,
                id: $crate::ResidentId,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                if !Self::act_exists(&mut tx, "residents", hub, id).await? {
                    return Err($crate::Error::not_found($crate::ResidentId::ENTITY, id));
                }
                sqlx::query(
                    "DELETE FROM session_participants \
                     WHERE hub_id = $1 AND kind = 'resident' AND participant_id = $2",
                )
                .bind(hub.to_string())
                .bind(id.to_string())
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                sqlx::query("DELETE FROM residents WHERE hub_id = $1 AND id = $2")
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn insert_idea(
                &self,
                hub: $crate::HubId,
                idea: &$crate::Idea,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = Self::act_idea_query(
                    "INSERT INTO ideas (hub_id, id, title, idea_text, submitted_on, contact, status, \
                     activity_id, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    hub,
                    idea,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::IdeaId::ENTITY, idea.id)?;
                Self::act_insert_history(&mut tx, hub, idea).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_idea(
                &self,
                hub: $crate::HubId,
                idea: &$crate::Idea,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                if let Some(a) = idea.activity_id
                    && !Self::act_exists(&mut tx, "activities", hub, a).await?
                {
                    return Err($crate::Error::not_found($crate::ActivityId::ENTITY, a));
                }
                let done = Self::act_idea_query(
                    "UPDATE ideas SET title = $3, idea_text = $4, submitted_on = $5, contact = $6, \
                     status = $7, activity_id = $8, version = $9 \
                     WHERE hub_id = $1 AND id = $2 AND version = $10",
                    hub,
                    idea,
                )
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    return Err(Self::act_stale_or_missing(
                        &mut tx,
                        "ideas",
                        hub,
                        $crate::IdeaId::ENTITY,
                        idea.id,
                    )
                    .await);
                }
                sqlx::query("DELETE FROM idea_history WHERE hub_id = $1 AND idea_id = $2")
                    .bind(hub.to_string())
                    .bind(idea.id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::act_insert_history(&mut tx, hub, idea).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn idea(
                &self,
                hub: $crate::HubId,
                id: $crate::IdeaId,
            ) -> $crate::Result<$crate::Idea> {
                match self
                    .act_ideas(hub, Some(("id", id.to_string())))
                    .await?
                    .pop()
                {
                    Some(i) => Ok(i),
                    None => Err($crate::Error::not_found($crate::IdeaId::ENTITY, id)),
                }
            }

            async fn ideas(
                &self,
                hub: $crate::HubId,
                status: Option<$crate::IdeaStatus>,
            ) -> $crate::Result<Vec<$crate::Idea>> {
                match status {
                    Some(s) => {
                        self.act_ideas(hub, Some(("status", s.code().to_string())))
                            .await
                    }
                    None => self.act_ideas(hub, None).await,
                }
            }

            async fn insert_tally(
                &self,
                hub: $crate::HubId,
                t: &$crate::TableTally,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = sqlx::query(
                    "INSERT INTO table_tallies (hub_id, date, visitors, conversations, recorded_by, version) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(hub.to_string())
                .bind($crate::store::sql::date_text(t.date))
                .bind(i64::from(t.visitors))
                .bind(i64::from(t.conversations))
                .bind(t.recorded_by.as_str().to_string())
                .bind(t.version)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                        return Err($crate::Error::conflict($crate::store::tally_twice_message(
                            t.date,
                        )));
                    }
                    Err(e) => return Err($crate::store::sql::storage(e)),
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_tally(
                &self,
                hub: $crate::HubId,
                t: &$crate::TableTally,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = sqlx::query(
                    "UPDATE table_tallies SET visitors = $3, conversations = $4, recorded_by = $5, \
                     version = $6 WHERE hub_id = $1 AND date = $2 AND version = $7",
                )
                .bind(hub.to_string())
                .bind($crate::store::sql::date_text(t.date))
                .bind(i64::from(t.visitors))
                .bind(i64::from(t.conversations))
                .bind(t.recorded_by.as_str().to_string())
                .bind(t.version)
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM table_tallies WHERE hub_id = $1 AND date = $2")
                        .bind(hub.to_string())
                        .bind($crate::store::sql::date_text(t.date))
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message("table tally")),
                        None => $crate::Error::not_found("table_tally", t.date),
                    });
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn tally(
                &self,
                hub: $crate::HubId,
                date: chrono::NaiveDate,
            ) -> $crate::Result<Option<$crate::TableTally>> {
                let sql = format!(
                    "SELECT {} FROM table_tallies WHERE hub_id = $1 AND date = $2",
                    $crate::store::sql::activities::TALLY_COLUMNS
                );
                let row = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind($crate::store::sql::date_text(date))
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                match row {
                    Some(row) => $crate::store::sql::activity_rows::tally_from_row(&row).map(Some),
                    None => {
                        self.require_hub(hub).await?;
                        Ok(None)
                    }
                }
            }

            async fn tallies(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<Vec<$crate::TableTally>> {
                let sql = format!(
                    "SELECT {} FROM table_tallies WHERE hub_id = $1 AND date >= $2 AND date <= $3 \
                     ORDER BY date",
                    $crate::store::sql::activities::TALLY_COLUMNS
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
                    .map($crate::store::sql::activity_rows::tally_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn activity_counts(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<$crate::ActivityCounts> {
                use $crate::store::sql::activities as q;
                use $crate::store::sql::activity_rows as rows;
                let from = $crate::store::sql::date_text(period.from());
                let to = $crate::store::sql::date_text(period.to());
                // One snapshot for all three aggregates.
                let mut tx = self.act_snapshot(hub).await?;
                let months = sqlx::query(&q::month_counts_sql())
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                    .iter()
                    .map(rows::month_counts_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                let ideas = sqlx::query(q::IDEA_COUNTS_SQL)
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                    .iter()
                    .map(rows::idea_count_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                let tally = sqlx::query(concat!(
                    "SELECT ",
                    $week,
                    " AS week, COUNT(*) AS days, CAST(SUM(visitors) AS BIGINT) AS visitors, \
                     CAST(SUM(conversations) AS BIGINT) AS conversations \
                     FROM table_tallies WHERE hub_id = $1 AND date >= $2 AND date <= $3 \
                     GROUP BY ",
                    $week,
                    " ORDER BY week"
                ))
                .bind(hub.to_string())
                .bind(from)
                .bind(to)
                .fetch_all(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?
                .iter()
                .map(rows::tally_week_from_row)
                .collect::<$crate::Result<Vec<_>>>()?;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                Ok($crate::ActivityCounts {
                    months,
                    ideas: q::idea_counts(&ideas),
                    tally,
                })
            }
        }
    };
}
pub(crate) use impl_sql_activity_store;

#[cfg(test)]
mod tests {
    //! Edge cases the Hub never produces (duplicate ids, stale versions,
    //! unknown ids, empty or repeated batches) and the report's buckets:
    //! every SQL backend gives exactly the memory store's answers, errors
    //! and journal.

    use crate::{
        Activity, ActivityId, ActivityKind, Actor, FixedClock, HubId, HubSlug, Idea, IdeaId,
        IdeaStatus, IdeaStatusChange, JournalEntry, MemoryStore, NewActivity, NewAttendance,
        NewIdea, NewResident, NewSchedule, NewTally, NewVolunteer, Nth, Participant, Period,
        Recurrence, Resident, ResidentId, Role, Schedule, ScheduleId, Session, SessionId,
        SessionQuery, Store, TableTally, TimeSpan, Volunteer, VolunteerId, Weekday,
    };
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Today for the test: Tuesday 31 March 2026.
    fn today() -> NaiveDate {
        d(2026, 3, 31)
    }

    fn actor() -> Actor {
        Actor::new("anna", Role::Coordinator).unwrap()
    }

    fn entry(clock: &FixedClock) -> JournalEntry {
        JournalEntry::new(
            clock,
            &actor(),
            "test",
            "activity",
            "x",
            serde_json::json!({}),
        )
    }

    fn activity(clock: &FixedClock, name: &str, capacity: Option<u32>) -> Activity {
        let mut input = NewActivity::new(name, ActivityKind::Craft);
        input.capacity = capacity;
        Activity::build(ActivityId::generate(clock), input, 1).unwrap()
    }

    fn span(h: u32) -> TimeSpan {
        TimeSpan::from_minutes(h * 60, h * 60 + 90).unwrap()
    }

    fn schedule(clock: &FixedClock, a: ActivityId, starts_on: NaiveDate, h: u32) -> Schedule {
        Schedule::new(
            ScheduleId::generate(clock),
            a,
            NewSchedule {
                recurrence: Recurrence::Weekly {
                    every: 1,
                    weekdays: vec![Weekday::Tuesday, Weekday::Thursday],
                },
                starts_on,
                span: span(h),
                until: None,
                count: None,
            },
        )
        .unwrap()
    }

    fn attended(
        clock: &FixedClock,
        s: &Session,
        headcount: u32,
        first: u32,
        who: Vec<Participant>,
    ) -> Session {
        let input = NewAttendance {
            headcount: Some(headcount),
            first_timers: first,
            participants: who,
        };
        s.attended(input, None, clock, &actor()).unwrap()
    }

    /// Runs the scenario on `store` and returns every answer as text.
    async fn scenario(store: &dyn Store) -> Vec<String> {
        let clock = FixedClock::at_date(today());
        // Ids from a clock of their own, so every store gets the same ones.
        let ids = FixedClock::at_date(today());
        let e = || entry(&clock);
        let slug = HubSlug::parse("oude-bieb").unwrap();
        let hub = store
            .ensure_hub(&slug, HubId::generate(&ids), crate::Clock::now(&clock))
            .await
            .unwrap();
        let ghost_hub = HubId::generate(&ids);
        let mut out: Vec<String> = Vec::new();
        macro_rules! note {
            ($e:expr) => {
                out.push(format!("{}: {:?}", stringify!($e), $e))
            };
        }
        let v = Volunteer::register(
            VolunteerId::generate(&ids),
            NewVolunteer {
                display_name: "Greet".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
        store.insert_volunteer(hub, &v, &e()).await.unwrap();

        // Activities: names sort, equal names by id; duplicates and stale
        // versions refused.
        let zang = activity(&ids, "Zang", Some(3));
        let breien = activity(&ids, "Breien", None);
        let breien2 = activity(&ids, "Breien", Some(8));
        for a in [&zang, &breien2, &breien] {
            note!(store.insert_activity(hub, a, &e()).await);
        }
        note!(store.insert_activity(hub, &zang, &e()).await);
        let ghost = activity(&ids, "Spook", None);
        note!(store.update_activity(hub, &ghost, 1, &e()).await);
        let zang2 = zang.with_status(crate::ActivityStatus::Archived);
        note!(store.update_activity(hub, &zang2, 7, &e()).await);
        note!(store.update_activity(hub, &zang2, 1, &e()).await);
        note!(store.activity(hub, ghost.id).await);
        note!(store.activity(ghost_hub, zang.id).await);
        note!(store.activities(hub).await);
        note!(store.activities(ghost_hub).await);

        // Schedules.
        let s1 = schedule(&ids, breien.id, d(2026, 2, 1), 14);
        let lost = schedule(&ids, ghost.id, d(2026, 2, 1), 14);
        note!(store.insert_schedule(hub, &lost, &[], today(), &e()).await);
        note!(
            store
                .insert_schedule(hub, &s1, std::slice::from_ref(&lost), today(), &e())
                .await
        );
        note!(store.insert_schedule(hub, &s1, &[], today(), &e()).await);
        note!(store.schedules(hub, breien.id).await);
        note!(store.schedules(hub, ghost.id).await);
        let monthly = Schedule::new(
            ScheduleId::generate(&ids),
            zang.id,
            NewSchedule {
                recurrence: Recurrence::Monthly {
                    every: 2,
                    nth: Nth::Last,
                    weekday: Weekday::Friday,
                },
                starts_on: d(2026, 1, 1),
                span: span(20),
                until: Some(d(2026, 12, 31)),
                count: Some(4),
            },
        )
        .unwrap();
        note!(
            store
                .insert_schedule(hub, &monthly, &[], today(), &e())
                .await
        );
        // (A second insert of the same schedule id is a duplicate-id
        // Conflict on SQL; the memory store does not check it yet.)
        note!(store.schedules(hub, zang.id).await);

        // Sessions: an unknown activity stores nothing; repeats and taken
        // slots are skipped; nothing stored journals nothing.
        let window = Period::new(d(2026, 2, 20), d(2026, 4, 20)).unwrap();
        let mut sessions: Vec<Session> = s1
            .dates_in(window)
            .into_iter()
            .map(|date| Session::scheduled(SessionId::generate(&ids), &s1, date))
            .collect();
        let bad = Session::scheduled(SessionId::generate(&ids), &lost, d(2026, 3, 3));
        note!(
            store
                .insert_sessions(hub, &[sessions[0].clone(), bad], &e())
                .await
        );
        note!(store.insert_sessions(hub, &[], &e()).await);
        let same_slot = Session {
            id: SessionId::generate(&ids),
            ..sessions[1].clone()
        };
        sessions.push(same_slot);
        sessions.push(sessions[2].clone());
        let extra =
            Session::extra(SessionId::generate(&ids), &zang, d(2026, 3, 1), span(10)).unwrap();
        sessions.push(extra.clone());
        note!(store.insert_sessions(hub, &sessions, &e()).await);
        note!(store.insert_sessions(hub, &sessions, &e()).await);
        let other_time = Session {
            id: SessionId::generate(&ids),
            span: span(19),
            ..sessions[1].clone()
        };
        note!(
            store
                .insert_sessions(hub, std::slice::from_ref(&other_time), &e())
                .await
        );

        // Attendance, participants, residents.
        let r1 = Resident::register(
            ResidentId::generate(&ids),
            NewResident {
                name: "Mies".into(),
                contact: None,
                consent: true,
            },
            &clock,
            &actor(),
        )
        .unwrap();
        let r2 = Resident {
            id: ResidentId::generate(&ids),
            name: crate::PersonName::parse("Aad").unwrap(),
            ..r1.clone()
        };
        note!(store.insert_resident(hub, &r1, &e()).await);
        note!(store.insert_resident(hub, &r2, &e()).await);
        note!(store.insert_resident(hub, &r1, &e()).await);
        note!(store.residents(hub).await);
        let ghost_v = VolunteerId::generate(&ids);
        let ghost_r = ResidentId::generate(&ids);
        let held = attended(
            &clock,
            &sessions[0],
            5,
            2,
            vec![
                Participant::Volunteer(v.id),
                Participant::Resident(r1.id),
                Participant::Resident(r2.id),
            ],
        );
        let wrong_v = attended(
            &clock,
            &sessions[0],
            1,
            0,
            vec![Participant::Volunteer(ghost_v)],
        );
        let wrong_r = attended(
            &clock,
            &sessions[0],
            1,
            0,
            vec![Participant::Resident(ghost_r)],
        );
        note!(store.update_session(hub, &wrong_r, 1, &e()).await);
        note!(store.update_session(hub, &wrong_v, 1, &e()).await);
        note!(store.update_session(hub, &held, 3, &e()).await);
        note!(
            store
                .update_session(hub, &bad_session(&ids, &held), 1, &e())
                .await
        );
        note!(store.update_session(hub, &held, 1, &e()).await);
        let held2 = attended(&clock, &sessions[2], 4, 0, vec![]);
        note!(store.update_session(hub, &held2, 1, &e()).await);
        let called_off = sessions[3].cancelled("ziek").unwrap();
        note!(store.update_session(hub, &called_off, 1, &e()).await);
        let held3 = attended(&clock, &extra, 2, 1, vec![Participant::Resident(r1.id)]);
        note!(store.update_session(hub, &held3, 1, &e()).await);
        note!(store.session(hub, held.id).await);
        note!(store.session(hub, SessionId::generate(&ids)).await);
        note!(store.session(ghost_hub, held.id).await);
        let everything = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
        let all = SessionQuery {
            activity: None,
            period: everything,
        };
        note!(store.sessions(hub, &all).await);
        note!(
            store
                .sessions(
                    hub,
                    &SessionQuery {
                        activity: Some(zang.id),
                        period: everything,
                    }
                )
                .await
        );
        note!(store.sessions(ghost_hub, &all).await);

        // Forgetting a resident takes their name out of every attendance.
        note!(store.delete_resident(hub, ghost_r, &e()).await);
        note!(store.delete_resident(hub, r1.id, &e()).await);
        note!(store.residents(hub).await);
        note!(store.sessions(hub, &all).await);

        // A new schedule ends the old one: future planned sessions go,
        // held, cancelled and past ones stay.
        let s2 = schedule(&ids, breien.id, d(2026, 3, 5), 15);
        let mut ended = s1.clone();
        ended.until = Some(d(2026, 3, 4));
        note!(
            store
                .insert_schedule(hub, &s2, std::slice::from_ref(&ended), d(2026, 3, 5), &e())
                .await
        );
        note!(store.schedules(hub, breien.id).await);
        note!(store.sessions(hub, &all).await);

        // Ideas.
        let idea = Idea::submit(
            IdeaId::generate(&ids),
            NewIdea {
                title: "Repair café".into(),
                text: "Elke maand".into(),
                submitted_on: Some(d(2026, 3, 2)),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
        let idea2 = Idea::submit(
            IdeaId::generate(&ids),
            NewIdea {
                title: "Filmavond".into(),
                text: "Op vrijdag".into(),
                submitted_on: Some(d(2026, 2, 27)),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
        note!(store.insert_idea(hub, &idea, &e()).await);
        note!(store.insert_idea(hub, &idea2, &e()).await);
        note!(store.insert_idea(hub, &idea, &e()).await);
        let step = |i: &Idea, status, activity, on| {
            i.changed(
                IdeaStatusChange {
                    status,
                    reason: None,
                    activity,
                    on: Some(on),
                },
                &clock,
                &actor(),
            )
            .unwrap()
        };
        let discussed = step(&idea, IdeaStatus::Discussed, None, d(2026, 3, 3));
        let adopted = step(
            &discussed,
            IdeaStatus::Adopted,
            Some(breien.id),
            d(2026, 3, 4),
        );
        let orphan = step(
            &discussed,
            IdeaStatus::Adopted,
            Some(ghost.id),
            d(2026, 3, 4),
        );
        note!(store.update_idea(hub, &orphan, 2, &e()).await);
        note!(store.update_idea(hub, &discussed, 5, &e()).await);
        note!(
            store
                .update_idea(
                    hub,
                    &Idea {
                        id: IdeaId::generate(&ids),
                        ..discussed.clone()
                    },
                    1,
                    &e()
                )
                .await
        );
        note!(store.update_idea(hub, &discussed, 1, &e()).await);
        note!(store.update_idea(hub, &adopted, 2, &e()).await);
        note!(store.idea(hub, idea.id).await);
        note!(store.idea(hub, IdeaId::generate(&ids)).await);
        note!(store.ideas(hub, None).await);
        note!(store.ideas(hub, Some(IdeaStatus::Adopted)).await);
        note!(store.ideas(hub, Some(IdeaStatus::Declined)).await);
        note!(store.ideas(ghost_hub, None).await);

        // Tallies: Sunday 1 March and Monday 2 March fall in two weeks.
        let tally = |date, visitors, conversations| {
            TableTally::build(
                NewTally {
                    date: Some(date),
                    visitors,
                    conversations,
                },
                1,
                &clock,
                &actor(),
            )
            .unwrap()
        };
        for t in [
            tally(d(2026, 3, 1), 10, 3),
            tally(d(2026, 2, 28), 7, 1),
            tally(d(2026, 3, 2), 12, 4),
            tally(d(2026, 3, 8), 5, 5),
            tally(d(2026, 3, 9), 6, 2),
        ] {
            note!(store.insert_tally(hub, &t, &e()).await);
        }
        note!(
            store
                .insert_tally(hub, &tally(d(2026, 3, 2), 1, 1), &e())
                .await
        );
        let fixed = TableTally {
            version: 2,
            ..tally(d(2026, 3, 2), 13, 4)
        };
        note!(store.update_tally(hub, &fixed, 4, &e()).await);
        note!(
            store
                .update_tally(hub, &tally(d(2026, 3, 3), 1, 1), 1, &e())
                .await
        );
        note!(store.update_tally(hub, &fixed, 1, &e()).await);
        note!(store.tally(hub, d(2026, 3, 2)).await);
        note!(store.tally(hub, d(2026, 3, 3)).await);
        note!(store.tally(ghost_hub, d(2026, 3, 3)).await);
        note!(
            store
                .tallies(hub, Period::new(d(2026, 3, 1), d(2026, 3, 8)).unwrap())
                .await
        );

        // The report over several windows.
        for (from, to) in [
            (d(2026, 1, 1), d(2026, 12, 31)),
            (d(2026, 3, 1), d(2026, 3, 8)),
            (d(2026, 2, 28), d(2026, 2, 28)),
            (d(2025, 1, 1), d(2025, 12, 31)),
        ] {
            note!(
                store
                    .activity_counts(hub, Period::new(from, to).unwrap())
                    .await
            );
        }
        note!(store.activity_counts(hub, Period::up_to(today())).await);
        note!(store.activity_counts(ghost_hub, everything).await);
        let journal = store.journal(hub, 0, 1000).await.unwrap();
        note!(journal.iter().map(|r| r.seq).collect::<Vec<_>>());
        out
    }

    /// `s` under an id the store does not know.
    fn bad_session(ids: &FixedClock, s: &Session) -> Session {
        Session {
            id: SessionId::generate(ids),
            ..s.clone()
        }
    }

    /// `lines` with every UUID replaced by `#n`, numbered by first
    /// appearance: ids come from a process-wide generator, so two runs get
    /// different ones, in the same relative order.
    fn renamed(lines: Vec<String>) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        let is_uuid = |w: &str| {
            w.len() == 36
                && w.char_indices().all(|(i, c)| {
                    if [8, 13, 18, 23].contains(&i) {
                        c == '-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        };
        lines
            .into_iter()
            .map(|line| {
                let mut out = String::new();
                let mut rest = line.as_str();
                while !rest.is_empty() {
                    let head = rest.get(..36).filter(|w| is_uuid(w));
                    match head {
                        Some(w) => {
                            let n = match seen.iter().position(|s| s == w) {
                                Some(n) => n,
                                None => {
                                    seen.push(w.to_string());
                                    seen.len() - 1
                                }
                            };
                            out.push_str(&format!("#{n}"));
                            rest = &rest[36..];
                        }
                        None => {
                            let c = rest.chars().next().unwrap();
                            out.push(c);
                            rest = &rest[c.len_utf8()..];
                        }
                    }
                }
                out
            })
            .collect()
    }

    async fn compare(sql: &dyn Store) {
        let want = renamed(scenario(&MemoryStore::new()).await);
        if std::env::var_os("KRINGLOOP_SHOW_SCENARIO").is_some() {
            for line in &want {
                eprintln!("{line}");
            }
        }
        let got = renamed(scenario(sql).await);
        assert_eq!(want.len(), got.len());
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(w, g);
        }
    }

    #[cfg(feature = "sqlite")]
    #[tokio::test]
    async fn sqlite_matches_the_memory_store() {
        let sql = crate::SqliteStore::connect(":memory:").await.unwrap();
        compare(&sql).await;
    }

    #[cfg(feature = "postgres")]
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_matches_the_memory_store() {
        use crate::PostgresStore;
        let Ok(admin_url) = std::env::var("KRINGLOOP_TEST_POSTGRES_URL") else {
            eprintln!("KRINGLOOP_TEST_POSTGRES_URL unset: PostgreSQL test skipped");
            return;
        };
        let name = format!("kringloop_test_{}", uuid::Uuid::new_v4().simple());
        PostgresStore::create_database(&admin_url, &name)
            .await
            .unwrap();
        let base = admin_url.split('?').next().unwrap_or(&admin_url);
        let url = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
        let sql = PostgresStore::connect(&url).await.unwrap();
        compare(&sql).await;
        drop(sql);
        PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }
}
