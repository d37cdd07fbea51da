//! The [`SignalStore`](crate::SignalStore) implementation of both SQL
//! backends, written once in [`impl_sql_signal_store!`] (the SQL text is the
//! same for SQLite and PostgreSQL), plus the query text it shares.
//!
//! - **Schema** (migration 0004): `signals` holds the coded facts only,
//!   `signal_domains` one row per domain (so statistics group by domain in
//!   SQL), `signal_personal` the personal fields (person, contact,
//!   summary) — the only table that ever holds them, so the purge deletes
//!   rows. `partners` with `partner_services` (domains as a JSON array of
//!   codes), `referrals`, and `signal_policies` (one JSON row per hub,
//!   through `put_setting` / `get_setting`). Every table carries `hub_id`.
//! - **Locking**: every write is one unit (`begin_unit` / `finish_unit`).
//!   On SQLite it holds the database write lock (`BEGIN IMMEDIATE`); on
//!   PostgreSQL it holds the hub row lock, and the signal row is locked
//!   (`SELECT … FOR UPDATE`) before its version is compared, before the
//!   open-referral check of a closing signal and before a referral is
//!   inserted or updated. Versions are compared under that lock
//!   (compare-and-set); a stale one is a `Conflict`.
//! - **Statistics** aggregate in SQL (`GROUP BY`), inside one read
//!   snapshot; only the small aggregated result is sorted in Rust (month,
//!   then code declaration order). The medians use the same SQL on both
//!   backends: the durations in the middle of the ordered list (`LIMIT` /
//!   `OFFSET`) and `(MIN + MAX) / 2` of them, which is bit for bit the
//!   memory store's `(a + b) / 2.0`. PostgreSQL's `percentile_cont(0.5)`
//!   interpolates as `a + (b − a) · 0.5`, which differs from that in the
//!   last bit for about one pair in seven, so it is not used.
//! - **Purge**: `erase_signal_personal` deletes the personal rows, stamps
//!   `personal_erased_at` and journals, in one transaction; then the
//!   backend's after-erase statement runs:
//!   - SQLite: `PRAGMA wal_checkpoint(TRUNCATE)`. With `secure_delete = ON`
//!     the deleted cells are zeroed in the pages written, and the
//!     checkpoint copies those pages into the database file and empties
//!     the `-wal` file, which still held the old page images.
//!   - PostgreSQL: `VACUUM signal_personal`, which (unless an older
//!     snapshot still sees them) removes the dead tuples so no query,
//!     not even on a corrupted visibility map, returns them. What remains
//!     and cannot be removed from a normal role: the bytes of removed
//!     tuples in free page space until it is reused (VACUUM does not zero
//!     it), the WAL segments holding the original inserts and full-page
//!     images until they are recycled (and any WAL archive), streaming
//!     replicas' own copies, and every backup or dump taken before. The
//!     retention policy of those is the operator's (see `docs/privacy.md`).

use super::date_text;
use crate::code_list::CodeList;
use crate::{
    Bucket, Error, MonthCount, Period, ReferralCount, ReferralQuery, ReferralStatus, Result,
    SignalCounts, SignalQuery, bucket_start,
};
use chrono::{DateTime, Utc};

/// The columns of a signal joined with its domains (`signals s`,
/// `signal_domains d`), one row per domain.
pub(crate) const SIGNAL_SELECT: &str = "SELECT s.id AS id, s.recorded_at AS recorded_at, \
     s.recorded_on AS recorded_on, s.recorded_by AS recorded_by, \
     s.recorded_by_volunteer AS recorded_by_volunteer, s.urgency AS urgency, s.consent AS consent, \
     s.consent_at AS consent_at, s.consent_asked_by AS consent_asked_by, \
     s.do_not_contact AS do_not_contact, s.status AS status, s.closed_at AS closed_at, \
     s.personal_erased_at AS personal_erased_at, s.version AS version, d.domain AS domain \
     FROM signals s LEFT JOIN signal_domains d ON d.hub_id = s.hub_id AND d.signal_id = s.id";

/// The columns of a partner row.
pub(crate) const PARTNER_COLUMNS: &str =
    "id, name, description, email, phone, website, status, version";

/// The columns of a partner service row.
pub(crate) const SERVICE_COLUMNS: &str = "partner_id, id, name, description, domains";

/// The columns of a referral row.
pub(crate) const REFERRAL_COLUMNS: &str = "id, signal_id, partner_id, status, held_from, \
     created_at, created_on, created_by, consent_exception, requested_at, follow_up, outcome, \
     closed_at, updated_at, version";

/// `<col> NOT IN ('rejected', …)`: the referral in `col`'s status is open
/// (codes are static literals from the code list, never input).
pub(crate) fn open_status(col: &str) -> String {
    let closed: Vec<String> = ReferralStatus::ALL
        .iter()
        .filter(|s| s.is_closed())
        .map(|s| format!("'{}'", s.code()))
        .collect();
    format!("{col} NOT IN ({})", closed.join(", "))
}

/// The signal listing for `q`: binds `$1` hub, then in this order those
/// that are set: the volunteer, the period's first and last day.
pub(crate) fn signals_sql(q: &SignalQuery) -> String {
    let mut sql = format!("{SIGNAL_SELECT} WHERE s.hub_id = $1");
    let mut n = 1;
    if q.recorded_by.is_some() {
        n += 1;
        sql.push_str(&format!(" AND s.recorded_by_volunteer = ${n}"));
    }
    if q.open_only {
        sql.push_str(" AND s.status = 'open'");
    }
    if q.period.is_some() {
        sql.push_str(&format!(
            " AND s.recorded_on >= ${} AND s.recorded_on <= ${}",
            n + 1,
            n + 2
        ));
    }
    sql.push_str(" ORDER BY s.recorded_at, s.id, d.pos");
    sql
}

/// The referral listing for `q`: binds `$1` hub, then in this order those
/// that are set: the signal, the follow-up date.
pub(crate) fn referrals_sql(q: &ReferralQuery) -> String {
    let mut sql = format!("SELECT {REFERRAL_COLUMNS} FROM referrals WHERE hub_id = $1");
    let mut n = 1;
    if q.signal.is_some() {
        n += 1;
        sql.push_str(&format!(" AND signal_id = ${n}"));
    }
    if q.open_only || q.follow_up_by.is_some() {
        sql.push_str(&format!(" AND {}", open_status("status")));
    }
    if q.follow_up_by.is_some() {
        n += 1;
        sql.push_str(&format!(
            " AND follow_up IS NOT NULL AND follow_up <= ${n} ORDER BY follow_up, created_at, id"
        ));
    } else {
        sql.push_str(" ORDER BY created_at, id");
    }
    sql
}

/// A timestamp bound for `stored < t` on microsecond columns: the smallest
/// whole microsecond not before `t`, so the comparison is exact even when
/// `t` carries nanoseconds.
pub(crate) fn micros_ceil(t: DateTime<Utc>) -> i64 {
    let extra = i64::from(t.timestamp_subsec_nanos() % 1_000 != 0);
    t.timestamp_micros().saturating_add(extra)
}

/// `YYYY-MM-01` of a `YYYY-MM-DD` column: the month bucket in SQL.
fn month_of(col: &str) -> String {
    format!("substr({col}, 1, 7) || '-01'")
}

/// Signals per month and domain in a period (`$1` hub, `$2`/`$3` period).
pub(crate) fn by_domain_sql() -> String {
    let m = month_of("s.recorded_on");
    format!(
        "SELECT {m} AS month, d.domain AS key, COUNT(*) AS n \
         FROM signals s JOIN signal_domains d ON d.hub_id = s.hub_id AND d.signal_id = s.id \
         WHERE s.hub_id = $1 AND s.recorded_on >= $2 AND s.recorded_on <= $3 \
         GROUP BY {m}, d.domain"
    )
}

/// Signals per month and urgency in a period (`$1` hub, `$2`/`$3` period).
pub(crate) fn by_urgency_sql() -> String {
    let m = month_of("recorded_on");
    format!(
        "SELECT {m} AS month, urgency AS key, COUNT(*) AS n FROM signals \
         WHERE hub_id = $1 AND recorded_on >= $2 AND recorded_on <= $3 \
         GROUP BY {m}, urgency"
    )
}

/// Referrals made in a period per partner, status and outcome.
pub(crate) const REFERRAL_COUNTS_SQL: &str = "SELECT partner_id, status, outcome, COUNT(*) AS n \
     FROM referrals WHERE hub_id = $1 AND created_on >= $2 AND created_on <= $3 \
     GROUP BY partner_id, status, outcome";

/// `n` and `median` of the durations (a query with one `days` column).
/// The middle one or two of the ordered durations are picked with
/// `LIMIT 2 - n % 2 OFFSET (n - 1) / 2`; `(MIN + MAX) / 2.0` of them is the
/// memory store's `(a + b) / 2.0` exactly (and `x` for one value). With
/// no durations `n` is 0 and `median` NULL.
fn median_sql(durations: &str) -> String {
    format!(
        "WITH d AS ({durations}), c AS (SELECT COUNT(*) AS n FROM d) \
         SELECT (SELECT n FROM c) AS n, \
                (SELECT (MIN(days) + MAX(days)) / 2.0 FROM \
                   (SELECT days FROM d ORDER BY days \
                    LIMIT 2 - (SELECT n FROM c) % 2 OFFSET ((SELECT n FROM c) - 1) / 2) m) AS median"
    )
}

/// Whole seconds from `from` to `to` (microsecond columns; integer division
/// truncates toward zero on both backends, like `TimeDelta::num_seconds`)
/// in fractional days, as the memory store computes them.
fn days_between(from: &str, to: &str) -> String {
    format!("CAST(({to} - {from}) / 1000000 AS DOUBLE PRECISION) / 86400.0")
}

/// Median days from a signal's recording to its first referral's request,
/// over signals recorded in the period (`$1` hub, `$2`/`$3` period) with at
/// least one requested referral.
pub(crate) fn days_to_referral_sql() -> String {
    median_sql(&format!(
        "SELECT {} AS days \
         FROM signals s JOIN referrals r ON r.hub_id = s.hub_id AND r.signal_id = s.id \
         WHERE s.hub_id = $1 AND s.recorded_on >= $2 AND s.recorded_on <= $3 \
           AND r.requested_at IS NOT NULL \
         GROUP BY s.id, s.recorded_at",
        days_between("s.recorded_at", "MIN(r.requested_at)")
    ))
}

/// Median days from a signal's recording to its closing, over closed
/// signals recorded in the period (`$1` hub, `$2`/`$3` period).
pub(crate) fn days_to_closure_sql() -> String {
    median_sql(&format!(
        "SELECT {} AS days FROM signals \
         WHERE hub_id = $1 AND recorded_on >= $2 AND recorded_on <= $3 AND closed_at IS NOT NULL",
        days_between("recorded_at", "closed_at")
    ))
}

/// The period's first and last day as bound.
pub(crate) fn period_binds(period: Period) -> (String, String) {
    (date_text(period.from()), date_text(period.to()))
}

/// Sorts the aggregated counts like this: month, then code declaration
/// order; referrals by partner id, status, outcome.
pub(crate) fn sort_counts(c: &mut SignalCounts) {
    c.by_domain.sort_by_key(|m| (m.month, m.key));
    c.by_urgency.sort_by_key(|m| (m.month, m.key));
    c.referrals
        .sort_by_key(|r: &ReferralCount| (r.partner, r.status, r.outcome));
}

/// Checks that a month bucket read back is the first of its month.
pub(crate) fn check_month<K>(m: &MonthCount<K>) -> Result<()> {
    if bucket_start(Bucket::Month, m.month) == m.month {
        Ok(())
    } else {
        Err(Error::storage(format!(
            "corrupt signal row: month: {} is not the first day of a month",
            m.month
        )))
    }
}

/// Instantiates [`SignalStore`](crate::SignalStore) for one SQL backend. Next
/// to what [`impl_sql_store!`](super::impl_sql_store) defines (`begin_unit`,
/// `finish_unit`, `require_hub`, `row_by_id`, `put_setting`, `get_setting`,
/// `unless_empty`) and the backend's `begin_write`, it takes:
///
/// - `for_update`: the row-lock suffix (`" FOR UPDATE"`, or `""` where the
///   write transaction already excludes other writers);
/// - `snapshot`: the statement that begins a read-only transaction with one
///   snapshot for all its statements (the statistics);
/// - `after_erase`: a statement run after the purge's commit to get the
///   erased text off disk as far as the backend allows. A result row with
///   a `busy` column of 1 (SQLite's checkpoint) means it did not finish.
macro_rules! impl_sql_signal_store {
    (
        $store:ident,
        $db:ty,
        for_update = $for_update:literal,
        snapshot = $snapshot:literal,
        after_erase = $after_erase:literal
    ) => {
        impl $store {
            /// Locks the signal row (where the backend needs it) and
            /// returns its version and status, or `None` when there is none.
            async fn sig_lock_signal(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                id: $crate::SignalId,
            ) -> $crate::Result<Option<(i64, $crate::SignalStatus)>> {
                use $crate::store::sql::SqlRow as _;
                let row = sqlx::query(concat!(
                    "SELECT version, status FROM signals WHERE hub_id = $1 AND id = $2",
                    $for_update
                ))
                .bind(hub.to_string())
                .bind(id.to_string())
                .fetch_optional(&mut **tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let Some(row) = row else { return Ok(None) };
                let corrupt = $crate::store::sql::corrupt("signal");
                let version = row.int("version").map_err(&corrupt)?;
                let status = row.text("status").map_err(&corrupt)?;
                let status = $crate::SignalStatus::parse(&status)
                    .map_err(|e| corrupt(format!("status: {e}")))?;
                Ok(Some((version, status)))
            }

            /// Locks the signal row and checks that it still has `version`:
            /// `NotFound` or a stale `Conflict` otherwise. Returns its status.
            async fn sig_check_signal(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                id: $crate::SignalId,
                version: i64,
            ) -> $crate::Result<$crate::SignalStatus> {
                match Self::sig_lock_signal(tx, hub, id).await? {
                    None => Err($crate::Error::not_found($crate::SignalId::ENTITY, id)),
                    Some((v, _)) if v != version => Err($crate::Error::conflict(
                        $crate::store::stale_message($crate::SignalId::ENTITY),
                    )),
                    Some((_, status)) => Ok(status),
                }
            }

            /// Writes a signal's domains (in its order).
            async fn sig_insert_domains(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                signal: &$crate::Signal,
            ) -> $crate::Result<()> {
                if signal.domains.is_empty() {
                    return Ok(());
                }
                let sql = format!(
                    "INSERT INTO signal_domains (hub_id, signal_id, pos, domain) VALUES {}",
                    $crate::store::sql::stock::values(signal.domains.len(), 2, 2)
                );
                let mut q = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(signal.id.to_string());
                for (pos, d) in (0_i64..).zip(&signal.domains) {
                    q = q.bind(pos).bind(d.code());
                }
                q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                Ok(())
            }

            /// Writes a partner's services (in its order).
            async fn sig_insert_services(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                partner: &$crate::Partner,
            ) -> $crate::Result<()> {
                for (n, chunk) in partner
                    .services
                    .chunks($crate::store::sql::stock::BATCH_ROWS)
                    .enumerate()
                {
                    let sql = format!(
                        "INSERT INTO partner_services (hub_id, partner_id, pos, id, name, description, domains) \
                         VALUES {}",
                        $crate::store::sql::stock::values(chunk.len(), 2, 5)
                    );
                    let mut q = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind(partner.id.to_string());
                    let first = i64::try_from(n * $crate::store::sql::stock::BATCH_ROWS)
                        .map_err($crate::store::sql::storage)?;
                    for (pos, s) in (first..).zip(chunk) {
                        let codes: Vec<&str> = s.domains.iter().map(|d| d.code()).collect();
                        q = q
                            .bind(pos)
                            .bind(s.id.to_string())
                            .bind(s.name.as_str().to_string())
                            .bind(s.description.as_ref().map(|d| d.as_str().to_string()))
                            .bind(serde_json::to_string(&codes).map_err($crate::store::sql::storage)?);
                    }
                    q.execute(&mut **tx).await.map_err($crate::store::sql::storage)?;
                }
                Ok(())
            }

            /// Writes the partner's own columns (`insert` or update text,
            /// binds `$1` hub, `$2` id, `$3`… the columns, `$10` the
            /// expected version when updating).
            fn sig_partner_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                p: &$crate::Partner,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(p.id.to_string())
                    .bind(p.name.as_str().to_string())
                    .bind(p.description.as_ref().map(|d| d.as_str().to_string()))
                    .bind(p.email.as_ref().map(|c| c.to_string()))
                    .bind(p.phone.as_ref().map(|c| c.to_string()))
                    .bind(p.website.as_ref().map(|w| w.to_string()))
                    .bind(p.status.code())
                    .bind(p.version)
            }

            /// The referral's columns (binds `$1` hub, `$2` id, `$3`…`$16`).
            fn sig_referral_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                r: &$crate::Referral,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                use $crate::store::sql::{date_text, micros};
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(r.id.to_string())
                    .bind(r.signal_id.to_string())
                    .bind(r.partner_id.to_string())
                    .bind(r.status.code())
                    .bind(r.held_from.map(|s| s.code()))
                    .bind(micros(r.created_at))
                    .bind(date_text(r.created_on))
                    .bind(r.created_by.as_str().to_string())
                    .bind(r.consent_exception.as_ref().map(|c| c.as_str().to_string()))
                    .bind(r.requested_at.map(micros))
                    .bind(r.follow_up.map(date_text))
                    .bind(r.outcome.map(|o| o.code()))
                    .bind(r.closed_at.map(micros))
                    .bind(micros(r.updated_at))
                    .bind(r.version)
            }

            /// The signal's coded facts (binds `$1` hub, `$2` id, `$3`…`$15`).
            fn sig_signal_query<'q>(
                sql: &'q str,
                hub: $crate::HubId,
                s: &$crate::Signal,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments<'q>> {
                use $crate::store::sql::{date_text, micros};
                sqlx::query(sql)
                    .bind(hub.to_string())
                    .bind(s.id.to_string())
                    .bind(micros(s.recorded_at))
                    .bind(date_text(s.recorded_on))
                    .bind(s.recorded_by.as_str().to_string())
                    .bind(s.recorded_by_volunteer.map(|v| v.to_string()))
                    .bind(s.urgency.code())
                    .bind(s.consent.code())
                    .bind(s.consent_at.map(micros))
                    .bind(s.consent_asked_by.as_ref().map(|a| a.as_str().to_string()))
                    .bind(i64::from(s.do_not_contact))
                    .bind(s.status.code())
                    .bind(s.closed_at.map(micros))
                    .bind(s.personal_erased_at.map(micros))
                    .bind(s.version)
            }

            /// The services of the partners in `hub` (all, or of `partner`),
            /// by partner id, in each partner's order.
            async fn sig_services(
                &self,
                hub: $crate::HubId,
                partner: Option<$crate::PartnerId>,
            ) -> $crate::Result<std::collections::HashMap<String, Vec<$crate::PartnerService>>> {
                let cols = $crate::store::sql::signals::SERVICE_COLUMNS;
                let rows = match partner {
                    Some(p) => {
                        let sql = format!(
                            "SELECT {cols} FROM partner_services WHERE hub_id = $1 AND partner_id = $2 \
                             ORDER BY pos"
                        );
                        sqlx::query(&sql)
                            .bind(hub.to_string())
                            .bind(p.to_string())
                            .fetch_all(&self.pool)
                            .await
                    }
                    None => {
                        let sql = format!(
                            "SELECT {cols} FROM partner_services WHERE hub_id = $1 ORDER BY partner_id, pos"
                        );
                        sqlx::query(&sql).bind(hub.to_string()).fetch_all(&self.pool).await
                    }
                }
                .map_err($crate::store::sql::storage)?;
                let mut out: std::collections::HashMap<String, Vec<$crate::PartnerService>> =
                    std::collections::HashMap::new();
                for row in &rows {
                    let (partner_id, service) =
                        $crate::store::sql::signal_rows::service_from_row(row)?;
                    out.entry(partner_id).or_default().push(service);
                }
                Ok(out)
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::SignalStore for $store {
            async fn insert_signal(
                &self,
                hub: $crate::HubId,
                signal: &$crate::Signal,
                personal: &$crate::SignalPersonal,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = Self::sig_signal_query(
                    "INSERT INTO signals (hub_id, id, recorded_at, recorded_on, recorded_by, \
                     recorded_by_volunteer, urgency, consent, consent_at, consent_asked_by, \
                     do_not_contact, status, closed_at, personal_erased_at, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                    hub,
                    signal,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::SignalId::ENTITY, signal.id)?;
                Self::sig_insert_domains(&mut tx, hub, signal).await?;
                sqlx::query(
                    "INSERT INTO signal_personal (hub_id, signal_id, person, contact, summary) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(hub.to_string())
                .bind(signal.id.to_string())
                .bind(personal.person.as_ref().map(|p| p.as_str().to_string()))
                .bind(personal.contact.as_ref().map(|c| c.to_string()))
                .bind(personal.summary.as_str().to_string())
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_signal(
                &self,
                hub: $crate::HubId,
                signal: &$crate::Signal,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Compare-and-set under the signal row lock, which also
                // keeps referrals from being added while we look for open ones.
                let stored = Self::sig_check_signal(&mut tx, hub, signal.id, expected_version).await?;
                if stored == $crate::SignalStatus::Open && !signal.is_open() {
                    let sql = format!(
                        "SELECT 1 FROM referrals WHERE hub_id = $1 AND signal_id = $2 AND {} LIMIT 1",
                        $crate::store::sql::signals::open_status("status")
                    );
                    let open = sqlx::query(&sql)
                        .bind(hub.to_string())
                        .bind(signal.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    if open.is_some() {
                        return Err($crate::Error::conflict($crate::store::open_referrals_message(
                            signal.id,
                        )));
                    }
                }
                Self::sig_signal_query(
                    "UPDATE signals SET recorded_at = $3, recorded_on = $4, recorded_by = $5, \
                     recorded_by_volunteer = $6, urgency = $7, consent = $8, consent_at = $9, \
                     consent_asked_by = $10, do_not_contact = $11, status = $12, closed_at = $13, \
                     personal_erased_at = $14, version = $15 \
                     WHERE hub_id = $1 AND id = $2",
                    hub,
                    signal,
                )
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                sqlx::query("DELETE FROM signal_domains WHERE hub_id = $1 AND signal_id = $2")
                    .bind(hub.to_string())
                    .bind(signal.id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::sig_insert_domains(&mut tx, hub, signal).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn signal(
                &self,
                hub: $crate::HubId,
                id: $crate::SignalId,
            ) -> $crate::Result<$crate::Signal> {
                let sql = format!(
                    "{} WHERE s.hub_id = $1 AND s.id = $2 ORDER BY d.pos",
                    $crate::store::sql::signals::SIGNAL_SELECT
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                match $crate::store::sql::signal_rows::signals_from_rows(&rows)?.pop() {
                    Some(s) => Ok(s),
                    None => {
                        self.require_hub(hub).await?;
                        Err($crate::Error::not_found($crate::SignalId::ENTITY, id))
                    }
                }
            }

            async fn signals(
                &self,
                hub: $crate::HubId,
                q: &$crate::SignalQuery,
            ) -> $crate::Result<Vec<$crate::Signal>> {
                let sql = $crate::store::sql::signals::signals_sql(q);
                let mut query = sqlx::query(&sql).bind(hub.to_string());
                if let Some(v) = q.recorded_by {
                    query = query.bind(v.to_string());
                }
                if let Some(p) = q.period {
                    let (from, to) = $crate::store::sql::signals::period_binds(p);
                    query = query.bind(from).bind(to);
                }
                let rows = query.fetch_all(&self.pool).await.map_err($crate::store::sql::storage)?;
                let out = $crate::store::sql::signal_rows::signals_from_rows(&rows)?;
                self.unless_empty(hub, out).await
            }

            async fn read_signal_personal(
                &self,
                hub: $crate::HubId,
                ids: &[$crate::SignalId],
                entries: &[$crate::JournalEntry],
            ) -> $crate::Result<Vec<($crate::SignalId, $crate::SignalPersonal)>> {
                use $crate::store::sql::SqlRow as _;
                let n = i64::try_from(entries.len()).map_err($crate::store::sql::storage)?;
                // One unit handing out a journal seq per entry: bump the
                // hub's counter by their number (0 only checks the hub).
                let mut tx = self.begin_write().await?;
                let row = sqlx::query(
                    "UPDATE hubs SET journal_seq = journal_seq + $2 WHERE id = $1 RETURNING journal_seq",
                )
                .bind(hub.to_string())
                .bind(n)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let Some(row) = row else {
                    return Err($crate::Error::not_found("hub", hub));
                };
                let last = row.int("journal_seq").map_err($crate::store::sql::corrupt("hub"))?;
                let mut found = std::collections::HashMap::with_capacity(ids.len());
                for chunk in ids.chunks($crate::store::sql::stock::ID_CHUNK) {
                    let sql = format!(
                        "SELECT signal_id, person, contact, summary FROM signal_personal \
                         WHERE hub_id = $1 AND signal_id IN ({})",
                        $crate::store::sql::stock::placeholders(2, chunk.len())
                    );
                    let mut q = sqlx::query(&sql).bind(hub.to_string());
                    for id in chunk {
                        q = q.bind(id.to_string());
                    }
                    for row in q.fetch_all(&mut *tx).await.map_err($crate::store::sql::storage)? {
                        let (id, personal) =
                            $crate::store::sql::signal_rows::personal_from_row(&row)?;
                        found.insert(id, personal);
                    }
                }
                let out = ids
                    .iter()
                    .filter_map(|id| found.get(id).map(|p| (*id, p.clone())))
                    .collect();
                for (seq, entry) in (last - n + 1..).zip(entries) {
                    let detail =
                        serde_json::to_string(&entry.detail).map_err($crate::store::sql::storage)?;
                    sqlx::query(
                        "INSERT INTO journal (hub_id, seq, id, at, actor, role, action, entity, entity_id, detail) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(hub.to_string())
                    .bind(seq)
                    .bind(entry.id.to_string())
                    .bind($crate::store::sql::micros(entry.at))
                    .bind(entry.actor.as_str())
                    .bind(entry.role.code())
                    .bind(entry.action.as_str())
                    .bind(entry.entity.as_str())
                    .bind(entry.entity_id.as_str())
                    .bind(detail)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                }
                tx.commit().await.map_err($crate::store::sql::storage)?;
                Ok(out)
            }

            async fn purge_candidates(
                &self,
                hub: $crate::HubId,
                closed_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<Vec<$crate::SignalId>> {
                use $crate::store::sql::SqlRow as _;
                let rows = sqlx::query(
                    "SELECT id FROM signals WHERE hub_id = $1 AND closed_at IS NOT NULL \
                     AND closed_at < $2 AND personal_erased_at IS NULL ORDER BY closed_at, id",
                )
                .bind(hub.to_string())
                .bind($crate::store::sql::signals::micros_ceil(closed_before))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map(|row| {
                        let id = row.text("id").map_err($crate::store::sql::corrupt("signal"))?;
                        $crate::SignalId::parse(&id)
                            .map_err(|e| $crate::store::sql::corrupt("signal")(format!("id: {e}")))
                    })
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn erase_signal_personal(
                &self,
                hub: $crate::HubId,
                ids: &[$crate::SignalId],
                at: chrono::DateTime<chrono::Utc>,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<u64> {
                use $crate::store::sql::SqlRow as _;
                let mut erased = 0;
                if !ids.is_empty() {
                    let (mut tx, seq) = self.begin_unit(hub).await?;
                    for chunk in ids.chunks($crate::store::sql::stock::ID_CHUNK) {
                        let list = $crate::store::sql::stock::placeholders(3, chunk.len());
                        let delete = format!(
                            "DELETE FROM signal_personal WHERE hub_id = $1 AND signal_id IN ({})",
                            $crate::store::sql::stock::placeholders(2, chunk.len())
                        );
                        let mut q = sqlx::query(&delete).bind(hub.to_string());
                        for id in chunk {
                            q = q.bind(id.to_string());
                        }
                        erased += q
                            .execute(&mut *tx)
                            .await
                            .map_err($crate::store::sql::storage)?
                            .rows_affected();
                        let stamp = format!(
                            "UPDATE signals SET personal_erased_at = $2 \
                             WHERE hub_id = $1 AND id IN ({list}) AND personal_erased_at IS NULL"
                        );
                        let mut q = sqlx::query(&stamp)
                            .bind(hub.to_string())
                            .bind($crate::store::sql::micros(at));
                        for id in chunk {
                            q = q.bind(id.to_string());
                        }
                        q.execute(&mut *tx).await.map_err($crate::store::sql::storage)?;
                    }
                    Self::finish_unit(tx, hub, seq, entry).await?;
                }
                // After the commit (and on every purge call, even with
                // nothing new to erase): get erased text off disk as far as
                // the backend allows (module docs). The erase is committed,
                // so a blocked clean-up is not an error: it is retried a few
                // times now and again by the next purge.
                for attempt in 0..5u64 {
                    let done = match sqlx::raw_sql($after_erase).fetch_all(&self.pool).await {
                        Ok(rows) => !rows
                            .iter()
                            .any(|r| matches!(r.opt_int("busy"), Ok(Some(b)) if b != 0)),
                        Err(_) => false,
                    };
                    if done {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(20 * (attempt + 1))).await;
                }
                Ok(erased)
            }

            async fn insert_partner(
                &self,
                hub: $crate::HubId,
                p: &$crate::Partner,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = Self::sig_partner_query(
                    "INSERT INTO partners (hub_id, id, name, description, email, phone, website, status, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    hub,
                    p,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::PartnerId::ENTITY, p.id)?;
                Self::sig_insert_services(&mut tx, hub, p).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_partner(
                &self,
                hub: $crate::HubId,
                p: &$crate::Partner,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Compare-and-set in one statement (PostgreSQL re-checks the
                // version after waiting for a concurrent writer's row lock).
                let done = Self::sig_partner_query(
                    "UPDATE partners SET name = $3, description = $4, email = $5, phone = $6, \
                     website = $7, status = $8, version = $9 \
                     WHERE hub_id = $1 AND id = $2 AND version = $10",
                    hub,
                    p,
                )
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM partners WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(p.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message(
                            $crate::PartnerId::ENTITY,
                        )),
                        None => $crate::Error::not_found($crate::PartnerId::ENTITY, p.id),
                    });
                }
                sqlx::query("DELETE FROM partner_services WHERE hub_id = $1 AND partner_id = $2")
                    .bind(hub.to_string())
                    .bind(p.id.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::sig_insert_services(&mut tx, hub, p).await?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn partner(
                &self,
                hub: $crate::HubId,
                id: $crate::PartnerId,
            ) -> $crate::Result<$crate::Partner> {
                let row = self
                    .row_by_id(
                        hub,
                        "partners",
                        $crate::store::sql::signals::PARTNER_COLUMNS,
                        $crate::PartnerId::ENTITY,
                        id,
                    )
                    .await?;
                let mut services = self.sig_services(hub, Some(id)).await?;
                let services = services.remove(&id.to_string()).unwrap_or_default();
                $crate::store::sql::signal_rows::partner_from_row(&row, services)
            }

            async fn partners(&self, hub: $crate::HubId) -> $crate::Result<Vec<$crate::Partner>> {
                use $crate::store::sql::SqlRow as _;
                let sql = format!(
                    "SELECT {} FROM partners WHERE hub_id = $1 ORDER BY name, id",
                    $crate::store::sql::signals::PARTNER_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .fetch_all(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if rows.is_empty() {
                    self.require_hub(hub).await?;
                    return Ok(Vec::new());
                }
                let mut services = self.sig_services(hub, None).await?;
                rows.iter()
                    .map(|row| {
                        let id = row.text("id").map_err($crate::store::sql::corrupt("partner"))?;
                        let own = services.remove(&id).unwrap_or_default();
                        $crate::store::sql::signal_rows::partner_from_row(row, own)
                    })
                    .collect()
            }

            async fn insert_referral(
                &self,
                hub: $crate::HubId,
                r: &$crate::Referral,
                signal_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // The signal row stays locked until commit, so it cannot be
                // closed (or its consent changed) under the new referral.
                Self::sig_check_signal(&mut tx, hub, r.signal_id, signal_version).await?;
                let partner = sqlx::query("SELECT 1 FROM partners WHERE hub_id = $1 AND id = $2")
                    .bind(hub.to_string())
                    .bind(r.partner_id.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if partner.is_none() {
                    return Err($crate::Error::not_found($crate::PartnerId::ENTITY, r.partner_id));
                }
                let inserted = Self::sig_referral_query(
                    "INSERT INTO referrals (hub_id, id, signal_id, partner_id, status, held_from, \
                     created_at, created_on, created_by, consent_exception, requested_at, follow_up, \
                     outcome, closed_at, updated_at, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
                    hub,
                    r,
                )
                .execute(&mut *tx)
                .await;
                $crate::store::sql::inserted(inserted, $crate::ReferralId::ENTITY, r.id)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_referral(
                &self,
                hub: $crate::HubId,
                r: &$crate::Referral,
                expected_version: i64,
                signal_version: Option<i64>,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Lock the signal row either way, so closing the signal
                // (which looks for open referrals) waits for this change.
                match signal_version {
                    Some(v) => {
                        Self::sig_check_signal(&mut tx, hub, r.signal_id, v).await?;
                    }
                    None => {
                        Self::sig_lock_signal(&mut tx, hub, r.signal_id).await?;
                    }
                }
                let done = Self::sig_referral_query(
                    "UPDATE referrals SET signal_id = $3, partner_id = $4, status = $5, held_from = $6, \
                     created_at = $7, created_on = $8, created_by = $9, consent_exception = $10, \
                     requested_at = $11, follow_up = $12, outcome = $13, closed_at = $14, \
                     updated_at = $15, version = $16 \
                     WHERE hub_id = $1 AND id = $2 AND version = $17",
                    hub,
                    r,
                )
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM referrals WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(r.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message(
                            $crate::ReferralId::ENTITY,
                        )),
                        None => $crate::Error::not_found($crate::ReferralId::ENTITY, r.id),
                    });
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn referral(
                &self,
                hub: $crate::HubId,
                id: $crate::ReferralId,
            ) -> $crate::Result<$crate::Referral> {
                let row = self
                    .row_by_id(
                        hub,
                        "referrals",
                        $crate::store::sql::signals::REFERRAL_COLUMNS,
                        $crate::ReferralId::ENTITY,
                        id,
                    )
                    .await?;
                $crate::store::sql::signal_rows::referral_from_row(&row)
            }

            async fn referrals(
                &self,
                hub: $crate::HubId,
                q: &$crate::ReferralQuery,
            ) -> $crate::Result<Vec<$crate::Referral>> {
                let sql = $crate::store::sql::signals::referrals_sql(q);
                let mut query = sqlx::query(&sql).bind(hub.to_string());
                if let Some(s) = q.signal {
                    query = query.bind(s.to_string());
                }
                if let Some(by) = q.follow_up_by {
                    query = query.bind($crate::store::sql::date_text(by));
                }
                let rows = query.fetch_all(&self.pool).await.map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::signal_rows::referral_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn set_signal_policy(
                &self,
                hub: $crate::HubId,
                policy: &$crate::SignalPolicy,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let text = serde_json::to_string(policy).map_err($crate::store::sql::storage)?;
                self.put_setting(
                    hub,
                    "INSERT INTO signal_policies (hub_id, policy) VALUES ($1, $2) \
                     ON CONFLICT (hub_id) DO UPDATE SET policy = excluded.policy",
                    text,
                    entry,
                )
                .await
            }

            async fn signal_policy(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<Option<$crate::SignalPolicy>> {
                self.get_setting(hub, "SELECT policy FROM signal_policies WHERE hub_id = $1")
                    .await?
                    .map(|row| $crate::store::sql::signal_rows::signal_policy_from_row(&row))
                    .transpose()
            }

            async fn signal_counts(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<$crate::SignalCounts> {
                use $crate::store::sql::signal_rows as rows;
                use $crate::store::sql::signals as q;
                let (from, to) = q::period_binds(period);
                // One snapshot for all five aggregates.
                let mut tx = self
                    .pool
                    .begin_with($snapshot)
                    .await
                    .map_err($crate::store::sql::storage)?;
                let hub_row = sqlx::query("SELECT 1 FROM hubs WHERE id = $1")
                    .bind(hub.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if hub_row.is_none() {
                    return Err($crate::Error::not_found("hub", hub));
                }
                let mut out = $crate::SignalCounts::default();
                for row in sqlx::query(&q::by_domain_sql())
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                {
                    let c = rows::month_count_from_row(&row, "signal_domain")?;
                    q::check_month(&c)?;
                    out.by_domain.push(c);
                }
                for row in sqlx::query(&q::by_urgency_sql())
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                {
                    let c = rows::month_count_from_row(&row, "signal")?;
                    q::check_month(&c)?;
                    out.by_urgency.push(c);
                }
                for row in sqlx::query(q::REFERRAL_COUNTS_SQL)
                    .bind(hub.to_string())
                    .bind(from.clone())
                    .bind(to.clone())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?
                {
                    out.referrals.push(rows::referral_count_from_row(&row)?);
                }
                let mut medians = [$crate::DaysSummary::default(); 2];
                for (sql, m) in [q::days_to_referral_sql(), q::days_to_closure_sql()]
                    .iter()
                    .zip(medians.iter_mut())
                {
                    let row = sqlx::query(sql)
                        .bind(hub.to_string())
                        .bind(from.clone())
                        .bind(to.clone())
                        .fetch_one(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    let median: Option<f64> = sqlx::Row::try_get(&row, "median")
                        .map_err(|e| $crate::store::sql::corrupt("signal")(format!("median: {e}")))?;
                    *m = $crate::DaysSummary {
                        n: rows::duration_count_from_row(&row)?,
                        median,
                    };
                }
                [out.days_to_referral, out.days_to_closure] = medians;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                q::sort_counts(&mut out);
                Ok(out)
            }
        }
    };
}
pub(crate) use impl_sql_signal_store;
