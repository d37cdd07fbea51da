//! The SQL backends: SQLite and PostgreSQL through sqlx, sharing one body of
//! code.
//!
//! Both dialects agree on the SQL text of every query (runtime queries with
//! `$1` placeholders; ids, dates and JSON as TEXT; times and timestamps as
//! integers), so the [`Store`](super::Store) implementation is written once,
//! in [`impl_sql_store!`], and instantiated per backend. Each backend adds
//! only its small hooks: how to connect, how to begin a write transaction
//! (`BEGIN IMMEDIATE` on SQLite, a plain `BEGIN` on PostgreSQL) and the row
//! lock suffix (`FOR UPDATE` on PostgreSQL). Rows become domain values only
//! through the domain's own parse functions; a row that does not parse is
//! reported as `Error::Storage("corrupt … row: …")`.
//!
//! See `docs/storage.md` for the schema and the locking strategy.

pub(crate) mod activities;
mod activity_rows;
mod course_rows;
pub(crate) mod courses;
pub(crate) mod development;
mod development_rows;
#[cfg(feature = "postgres")]
pub(crate) mod postgres;
pub(crate) mod report;
pub(crate) mod research;
mod signal_rows;
pub(crate) mod signals;
#[cfg(feature = "sqlite")]
pub(crate) mod sqlite;
pub(crate) mod stock;
mod stock_rows;
#[cfg(test)]
mod stock_tests;
pub(crate) mod sync;

use crate::calendar::parse_date;
use crate::code_list::CodeList;
use crate::{
    AvailabilitySlot, Contact, DisplayName, Error, HoursByRole, HoursByVolunteer, JournalEntry,
    JournalEntryId, JournalRecord, Note, OpeningHours, OpeningSlot, Reason, Result, Role, Shift,
    ShiftId, ShiftQuery, ShiftStatus, Skill, TimeSpan, Volunteer, VolunteerId, VolunteerRole,
    VolunteerStatus, Weekday,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A reason a stored value did not parse (wrapped into `Error::Storage` by the caller).
type Parsed<T> = std::result::Result<T, String>;

/// Column access shared by SQLite and PostgreSQL rows. Every integer is
/// decoded as `i64` (PostgreSQL columns are BIGINT).
pub(crate) trait SqlRow {
    /// A non-null TEXT column.
    fn text(&self, col: &str) -> Parsed<String>;
    /// A nullable TEXT column.
    fn opt_text(&self, col: &str) -> Parsed<Option<String>>;
    /// A non-null integer column.
    fn int(&self, col: &str) -> Parsed<i64>;
    /// A nullable integer column.
    fn opt_int(&self, col: &str) -> Parsed<Option<i64>>;
}

/// Implements [`SqlRow`] for one sqlx row type.
macro_rules! impl_sql_row {
    ($row:ty) => {
        impl $crate::store::sql::SqlRow for $row {
            fn text(&self, col: &str) -> std::result::Result<String, String> {
                sqlx::Row::try_get(self, col).map_err(|e| format!("{col}: {e}"))
            }
            fn opt_text(&self, col: &str) -> std::result::Result<Option<String>, String> {
                sqlx::Row::try_get(self, col).map_err(|e| format!("{col}: {e}"))
            }
            fn int(&self, col: &str) -> std::result::Result<i64, String> {
                sqlx::Row::try_get(self, col).map_err(|e| format!("{col}: {e}"))
            }
            fn opt_int(&self, col: &str) -> std::result::Result<Option<i64>, String> {
                sqlx::Row::try_get(self, col).map_err(|e| format!("{col}: {e}"))
            }
        }
    };
}
pub(crate) use impl_sql_row;

/// Maps a driver error to `Error::Storage`.
pub(crate) fn storage(e: impl std::fmt::Display) -> Error {
    Error::storage(e)
}

/// Whether a driver error is a primary-key / unique violation.
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// The result of an `INSERT` of a new record: a unique violation is a
/// `Conflict` naming the duplicate id (as the memory store says it), any
/// other error a storage error.
pub(crate) fn inserted<T>(
    result: std::result::Result<T, sqlx::Error>,
    entity: &str,
    id: impl std::fmt::Display,
) -> Result<T> {
    match result {
        Ok(v) => Ok(v),
        Err(e) if is_unique_violation(&e) => {
            Err(Error::conflict(crate::store::duplicate_message(entity, id)))
        }
        Err(e) => Err(storage(e)),
    }
}

/// `Error::Storage("corrupt <entity> row: <why>")`.
pub(crate) fn corrupt(entity: &'static str) -> impl Fn(String) -> Error {
    move |why| Error::storage(format!("corrupt {entity} row: {why}"))
}

fn why(field: &'static str) -> impl Fn(Error) -> String {
    move |e| format!("{field}: {e}")
}

// ---------------------------------------------------------------------------
// Values → columns

/// A date as stored: `YYYY-MM-DD` (sorts like the date).
pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A timestamp as stored: microseconds since the Unix epoch (UTC);
/// sub-microsecond precision is dropped (PostgreSQL's own precision).
pub(crate) fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

/// Minutes since midnight as stored.
pub(crate) fn minute(m: u32) -> i64 {
    i64::from(m)
}

/// One availability window as stored in the `availability` JSON array.
#[derive(Serialize, Deserialize)]
struct StoredSlot {
    weekday: String,
    start: u32,
    end: u32,
}

/// The JSON columns of a volunteer: roles, skills, availability.
pub(crate) struct VolunteerJson {
    /// JSON array of role codes.
    pub roles: String,
    /// JSON array of skill names.
    pub skills: String,
    /// JSON array of `{"weekday", "start", "end"}` (minutes since midnight).
    pub availability: String,
}

impl VolunteerJson {
    /// Encodes the set-valued fields of `v`.
    pub(crate) fn of(v: &Volunteer) -> Result<VolunteerJson> {
        let roles: Vec<&str> = v.roles.iter().map(|r| r.code()).collect();
        let skills: Vec<&str> = v.skills.iter().map(Skill::as_str).collect();
        let availability: Vec<StoredSlot> = v
            .availability
            .iter()
            .map(|s| StoredSlot {
                weekday: s.weekday.code().to_string(),
                start: s.span.start_minute(),
                end: s.span.end_minute(),
            })
            .collect();
        Ok(VolunteerJson {
            roles: serde_json::to_string(&roles).map_err(storage)?,
            skills: serde_json::to_string(&skills).map_err(storage)?,
            availability: serde_json::to_string(&availability).map_err(storage)?,
        })
    }
}

// ---------------------------------------------------------------------------
// Rows → values (always through the domain's parse functions)

fn date(field: &'static str, s: &str) -> Parsed<NaiveDate> {
    parse_date(field, s).map_err(why(field))
}

fn opt_date(field: &'static str, s: Option<String>) -> Parsed<Option<NaiveDate>> {
    s.map(|s| date(field, &s)).transpose()
}

fn minutes_of(field: &'static str, m: i64) -> Parsed<u32> {
    u32::try_from(m).map_err(|_| format!("{field}: {m} is not a minute of the day"))
}

fn span(row: &impl SqlRow) -> Parsed<TimeSpan> {
    let start = minutes_of("start_min", row.int("start_min")?)?;
    let end = minutes_of("end_min", row.int("end_min")?)?;
    TimeSpan::from_minutes(start, end).map_err(why("span"))
}

pub(crate) fn json<T: for<'de> Deserialize<'de>>(field: &'static str, s: &str) -> Parsed<T> {
    serde_json::from_str(s).map_err(|e| format!("{field}: {e}"))
}

/// Rebuilds a volunteer from its row.
pub(crate) fn volunteer_from_row(row: &impl SqlRow) -> Result<Volunteer> {
    read_volunteer(row).map_err(corrupt("volunteer"))
}

fn read_volunteer(row: &impl SqlRow) -> Parsed<Volunteer> {
    let roles: Vec<String> = json("roles", &row.text("roles")?)?;
    let skills: Vec<String> = json("skills", &row.text("skills")?)?;
    let slots: Vec<StoredSlot> = json("availability", &row.text("availability")?)?;
    let availability = slots
        .into_iter()
        .map(|s| {
            Ok(AvailabilitySlot {
                weekday: Weekday::parse(&s.weekday)?,
                span: TimeSpan::from_minutes(s.start, s.end)?,
            })
        })
        .collect::<Result<Vec<_>>>()
        .and_then(AvailabilitySlot::normalise)
        .map_err(why("availability"))?;
    Ok(Volunteer {
        id: VolunteerId::parse(&row.text("id")?).map_err(why("id"))?,
        display_name: DisplayName::parse(row.text("display_name")?).map_err(why("display_name"))?,
        contact: row
            .opt_text("contact")?
            .map(Contact::parse)
            .transpose()
            .map_err(why("contact"))?,
        start_date: date("start_date", &row.text("start_date")?)?,
        status: VolunteerStatus::parse(&row.text("status")?).map_err(why("status"))?,
        status_since: date("status_since", &row.text("status_since")?)?,
        status_reason: row
            .opt_text("status_reason")?
            .map(Reason::parse)
            .transpose()
            .map_err(why("status_reason"))?,
        roles: roles
            .iter()
            .map(|r| VolunteerRole::parse(r))
            .collect::<Result<BTreeSet<_>>>()
            .map_err(why("roles"))?,
        skills: skills
            .iter()
            .map(Skill::parse)
            .collect::<Result<BTreeSet<_>>>()
            .map_err(why("skills"))?,
        availability,
        vog_date: opt_date("vog_date", row.opt_text("vog_date")?)?,
        version: row.int("version")?,
    })
}

/// Rebuilds a shift from its row.
pub(crate) fn shift_from_row(row: &impl SqlRow) -> Result<Shift> {
    read_shift(row).map_err(corrupt("shift"))
}

fn read_shift(row: &impl SqlRow) -> Parsed<Shift> {
    Ok(Shift {
        id: ShiftId::parse(&row.text("id")?).map_err(why("id"))?,
        volunteer_id: VolunteerId::parse(&row.text("volunteer_id")?)
            .map_err(why("volunteer_id"))?,
        role: VolunteerRole::parse(&row.text("role")?).map_err(why("role"))?,
        date: date("date", &row.text("date")?)?,
        span: span(row)?,
        status: ShiftStatus::parse(&row.text("status")?).map_err(why("status"))?,
        note: row
            .opt_text("note")?
            .map(Note::parse)
            .transpose()
            .map_err(why("note"))?,
    })
}

/// Rebuilds a journal record from its row.
pub(crate) fn journal_from_row(row: &impl SqlRow) -> Result<JournalRecord> {
    read_journal(row).map_err(corrupt("journal"))
}

fn read_journal(row: &impl SqlRow) -> Parsed<JournalRecord> {
    let at = row.int("at")?;
    Ok(JournalRecord {
        seq: row.int("seq")?,
        entry: JournalEntry {
            id: JournalEntryId::parse(&row.text("id")?).map_err(why("id"))?,
            at: DateTime::from_timestamp_micros(at)
                .ok_or_else(|| format!("at: {at} is out of range"))?,
            actor: row.text("actor")?,
            role: Role::parse(&row.text("role")?).map_err(why("role"))?,
            action: row.text("action")?,
            entity: row.text("entity")?,
            entity_id: row.text("entity_id")?,
            detail: json("detail", &row.text("detail")?)?,
        },
    })
}

/// Rebuilds one line of the hours-per-volunteer report.
pub(crate) fn hours_by_volunteer_from_row(row: &impl SqlRow) -> Result<HoursByVolunteer> {
    let read = || -> Parsed<HoursByVolunteer> {
        Ok(HoursByVolunteer {
            volunteer_id: VolunteerId::parse(&row.text("volunteer_id")?)
                .map_err(why("volunteer_id"))?,
            display_name: DisplayName::parse(row.text("display_name")?)
                .map_err(why("display_name"))?,
            minutes: row.int("minutes")?,
            shifts: row.int("shifts")?,
        })
    };
    read().map_err(corrupt("hours_by_volunteer"))
}

/// Rebuilds one line of the hours-per-role report.
pub(crate) fn hours_by_role_from_row(row: &impl SqlRow) -> Result<HoursByRole> {
    let read = || -> Parsed<HoursByRole> {
        Ok(HoursByRole {
            role: VolunteerRole::parse(&row.text("role")?).map_err(why("role"))?,
            minutes: row.int("minutes")?,
            shifts: row.int("shifts")?,
        })
    };
    read().map_err(corrupt("hours_by_role"))
}

/// Rebuilds the opening hours from their rows (one per slot and role).
pub(crate) fn opening_hours_from_rows<R: SqlRow>(rows: &[R]) -> Result<OpeningHours> {
    let read = || -> Parsed<OpeningHours> {
        let mut slots: BTreeMap<(Weekday, TimeSpan), BTreeMap<VolunteerRole, u32>> =
            BTreeMap::new();
        for row in rows {
            let weekday = Weekday::parse(&row.text("weekday")?).map_err(why("weekday"))?;
            let role = VolunteerRole::parse(&row.text("role")?).map_err(why("role"))?;
            let required = row.int("required")?;
            let required = u32::try_from(required)
                .map_err(|_| format!("required: {required} is out of range"))?;
            slots
                .entry((weekday, span(row)?))
                .or_default()
                .insert(role, required);
        }
        let slots = slots
            .into_iter()
            .map(|((weekday, span), staffing)| OpeningSlot {
                weekday,
                span,
                staffing,
            })
            .collect();
        OpeningHours::new(slots).map_err(why("opening_hours"))
    };
    read().map_err(corrupt("opening_slots"))
}

// ---------------------------------------------------------------------------
// Query text that depends on the domain's code lists

/// The columns of a shift row, in `SELECT` order.
pub(crate) const SHIFT_COLUMNS: &str =
    "id, volunteer_id, role, date, start_min, end_min, status, note";

/// The columns of a volunteer row, in `SELECT` order.
pub(crate) const VOLUNTEER_COLUMNS: &str = "id, display_name, contact, start_date, status, status_since, \
     status_reason, roles, skills, availability, vog_date, version";

/// An SQL expression ranking the role column by the declaration order of
/// [`VolunteerRole`], so shifts sort by role exactly as the memory store
/// sorts them (codes are static literals from the code list, never input).
fn role_rank(col: &str) -> String {
    let mut s = format!("CASE {col}");
    for (i, r) in VolunteerRole::ALL.iter().enumerate() {
        s.push_str(&format!(" WHEN '{}' THEN {i}", r.code()));
    }
    s.push_str(" END");
    s
}

/// The shift listing for `q`: binds `$1` hub, `$2` from, `$3` to, and `$4`
/// the volunteer when `q.volunteer` is set.
pub(crate) fn shifts_sql(q: &ShiftQuery) -> String {
    let mut sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM shifts WHERE hub_id = $1 AND date >= $2 AND date <= $3"
    );
    if q.volunteer.is_some() {
        sql.push_str(" AND volunteer_id = $4");
    }
    if !q.include_cancelled {
        sql.push_str(" AND status <> 'cancelled'");
    }
    sql.push_str(&format!(
        " ORDER BY date, start_min, {}, id",
        role_rank("role")
    ));
    sql
}

/// Instantiates the [`Store`](crate::Store) implementation for one SQL
/// backend. The backend type must provide:
///
/// - a field `pool: sqlx::Pool<$db>`;
/// - `async fn begin_write(&self) -> Result<sqlx::Transaction<'static, $db>>`,
///   a transaction that may write without an upgrade deadlock;
///
/// and `$for_update` is the row-lock suffix for the volunteer row that
/// guards the overlap check (`" FOR UPDATE"`, or `""` where the write
/// transaction already excludes other writers).
macro_rules! impl_sql_store {
    ($store:ident, $db:ty, for_update = $for_update:literal) => {
        impl $store {
            /// Begins one unit of work in `hub`: a write transaction whose
            /// first statement bumps the hub's journal counter. That makes
            /// an unknown hub `NotFound` before anything else, hands out the
            /// journal seq, and (on PostgreSQL) row-locks the hub until commit.
            async fn begin_unit(
                &self,
                hub: $crate::HubId,
            ) -> $crate::Result<(sqlx::Transaction<'static, $db>, i64)> {
                use $crate::store::sql::SqlRow as _;
                let mut tx = self.begin_write().await?;
                let row = sqlx::query(
                    "UPDATE hubs SET journal_seq = journal_seq + 1 WHERE id = $1 RETURNING journal_seq",
                )
                .bind(hub.to_string())
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let Some(row) = row else {
                    return Err($crate::Error::not_found("hub", hub));
                };
                let seq = row.int("journal_seq").map_err($crate::store::sql::corrupt("hub"))?;
                Ok((tx, seq))
            }

            /// Appends the journal entry of the unit of work and commits.
            async fn finish_unit(
                mut tx: sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                seq: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let detail = serde_json::to_string(&entry.detail).map_err($crate::store::sql::storage)?;
                let inserted = sqlx::query(
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
                .await;
                // A second entry with the same id (an import racing another).
                $crate::store::sql::inserted(inserted, "journal entry", entry.id)?;
                tx.commit().await.map_err($crate::store::sql::storage)
            }

            /// `Ok` if the hub exists, else `NotFound("hub")`. Only asked on
            /// paths that found nothing, to tell an unknown hub from an
            /// unknown or absent record exactly like the memory store.
            async fn require_hub(&self, hub: $crate::HubId) -> $crate::Result<()> {
                let row = sqlx::query("SELECT 1 FROM hubs WHERE id = $1")
                    .bind(hub.to_string())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                match row {
                    Some(_) => Ok(()),
                    None => Err($crate::Error::not_found("hub", hub)),
                }
            }

            /// The row of `table` with this `id` in `hub` (`columns` selected);
            /// `NotFound(entity, id)` when there is none, or `NotFound("hub")`
            /// when the hub itself is unknown — exactly like the memory store.
            async fn row_by_id(
                &self,
                hub: $crate::HubId,
                table: &'static str,
                columns: &'static str,
                entity: &'static str,
                id: impl std::fmt::Display,
            ) -> $crate::Result<<$db as sqlx::Database>::Row> {
                let sql = format!("SELECT {columns} FROM {table} WHERE hub_id = $1 AND id = $2");
                let row = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                match row {
                    Some(row) => Ok(row),
                    None => {
                        self.require_hub(hub).await?;
                        Err($crate::Error::not_found(entity, id))
                    }
                }
            }

            /// Replaces a per-hub setting (one JSON row per hub, e.g. the
            /// pricing policy) with `upsert` (binds `$1` hub, `$2` JSON) in
            /// one unit of work, journal entry included.
            async fn put_setting(
                &self,
                hub: $crate::HubId,
                upsert: &'static str,
                json: String,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                sqlx::query(upsert)
                    .bind(hub.to_string())
                    .bind(json)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                Self::finish_unit(tx, hub, seq, entry).await
            }

            /// The row of a per-hub setting (`select` binds `$1` hub), or
            /// `None` when the hub never set it (`NotFound` for an unknown hub).
            async fn get_setting(
                &self,
                hub: $crate::HubId,
                select: &'static str,
            ) -> $crate::Result<Option<<$db as sqlx::Database>::Row>> {
                let row = sqlx::query(select)
                    .bind(hub.to_string())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::store::sql::storage)?;
                if row.is_none() {
                    self.require_hub(hub).await?;
                }
                Ok(row)
            }

            /// An empty list is only an answer if the hub exists.
            async fn unless_empty<T>(&self, hub: $crate::HubId, rows: Vec<T>) -> $crate::Result<Vec<T>> {
                if rows.is_empty() {
                    self.require_hub(hub).await?;
                }
                Ok(rows)
            }

            /// The first live shift of the shift's volunteer on its date that
            /// overlaps it (other than itself), by id like the memory store.
            async fn overlapping(
                tx: &mut sqlx::Transaction<'static, $db>,
                hub: $crate::HubId,
                shift: &$crate::Shift,
            ) -> $crate::Result<Option<String>> {
                use $crate::store::sql::SqlRow as _;
                let row = sqlx::query(
                    "SELECT id FROM shifts \
                     WHERE hub_id = $1 AND volunteer_id = $2 AND date = $3 AND id <> $4 \
                       AND status <> 'cancelled' AND start_min < $6 AND $5 < end_min \
                     ORDER BY id LIMIT 1",
                )
                .bind(hub.to_string())
                .bind(shift.volunteer_id.to_string())
                .bind($crate::store::sql::date_text(shift.date))
                .bind(shift.id.to_string())
                .bind($crate::store::sql::minute(shift.span.start_minute()))
                .bind($crate::store::sql::minute(shift.span.end_minute()))
                .fetch_optional(&mut **tx)
                .await
                .map_err($crate::store::sql::storage)?;
                row.map(|r| r.text("id").map_err($crate::store::sql::corrupt("shift")))
                    .transpose()
            }

            fn overlap_error(shift: &$crate::Shift, other: &str) -> $crate::Error {
                match $crate::ShiftId::parse(other) {
                    Ok(other) => $crate::Error::conflict($crate::store::overlap_message(shift.date, other)),
                    Err(e) => $crate::store::sql::corrupt("shift")(format!("id: {e}")),
                }
            }
        }

        #[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
        #[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
        impl $crate::Store for $store {
            async fn ensure_hub(
                &self,
                slug: &$crate::HubSlug,
                new_id: $crate::HubId,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::Result<$crate::HubId> {
                use $crate::store::sql::SqlRow as _;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO hubs (id, slug, created_at, journal_seq) VALUES ($1, $2, $3, 0) \
                     ON CONFLICT (slug) DO NOTHING",
                )
                .bind(new_id.to_string())
                .bind(slug.as_str())
                .bind($crate::store::sql::micros(now))
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let row = sqlx::query("SELECT id FROM hubs WHERE slug = $1")
                    .bind(slug.as_str())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                tx.commit().await.map_err($crate::store::sql::storage)?;
                let id = row.text("id").map_err($crate::store::sql::corrupt("hub"))?;
                $crate::HubId::parse(&id).map_err(|e| $crate::store::sql::corrupt("hub")(format!("id: {e}")))
            }

            async fn insert_volunteer(
                &self,
                hub: $crate::HubId,
                v: &$crate::Volunteer,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let json = $crate::store::sql::VolunteerJson::of(v)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let inserted = sqlx::query(
                    "INSERT INTO volunteers (hub_id, id, display_name, contact, start_date, status, \
                     status_since, status_reason, roles, skills, availability, vog_date, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(hub.to_string())
                .bind(v.id.to_string())
                .bind(v.display_name.as_str())
                .bind(v.contact.as_ref().map(|c| c.as_str().to_string()))
                .bind($crate::store::sql::date_text(v.start_date))
                .bind(v.status.code())
                .bind($crate::store::sql::date_text(v.status_since))
                .bind(v.status_reason.as_ref().map(|r| r.as_str().to_string()))
                .bind(json.roles)
                .bind(json.skills)
                .bind(json.availability)
                .bind(v.vog_date.map($crate::store::sql::date_text))
                .bind(v.version)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                        return Err($crate::Error::conflict($crate::store::duplicate_message("volunteer", v.id)));
                    }
                    Err(e) => return Err($crate::store::sql::storage(e)),
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_volunteer(
                &self,
                hub: $crate::HubId,
                v: &$crate::Volunteer,
                expected_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let json = $crate::store::sql::VolunteerJson::of(v)?;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = sqlx::query(
                    "UPDATE volunteers SET display_name = $3, contact = $4, start_date = $5, status = $6, \
                     status_since = $7, status_reason = $8, roles = $9, skills = $10, availability = $11, \
                     vog_date = $12, version = $13 \
                     WHERE hub_id = $1 AND id = $2 AND version = $14",
                )
                .bind(hub.to_string())
                .bind(v.id.to_string())
                .bind(v.display_name.as_str())
                .bind(v.contact.as_ref().map(|c| c.as_str().to_string()))
                .bind($crate::store::sql::date_text(v.start_date))
                .bind(v.status.code())
                .bind($crate::store::sql::date_text(v.status_since))
                .bind(v.status_reason.as_ref().map(|r| r.as_str().to_string()))
                .bind(json.roles)
                .bind(json.skills)
                .bind(json.availability)
                .bind(v.vog_date.map($crate::store::sql::date_text))
                .bind(v.version)
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM volunteers WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(v.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message("volunteer")),
                        None => $crate::Error::not_found("volunteer", v.id),
                    });
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn volunteer(
                &self,
                hub: $crate::HubId,
                id: $crate::VolunteerId,
            ) -> $crate::Result<$crate::Volunteer> {
                let row = self
                    .row_by_id(hub, "volunteers", $crate::store::sql::VOLUNTEER_COLUMNS, "volunteer", id)
                    .await?;
                $crate::store::sql::volunteer_from_row(&row)
            }

            async fn volunteers(
                &self,
                hub: $crate::HubId,
                status: Option<$crate::VolunteerStatus>,
            ) -> $crate::Result<Vec<$crate::Volunteer>> {
                let cols = $crate::store::sql::VOLUNTEER_COLUMNS;
                let rows = match status {
                    None => {
                        let sql = format!(
                            "SELECT {cols} FROM volunteers WHERE hub_id = $1 ORDER BY display_name, id"
                        );
                        sqlx::query(&sql).bind(hub.to_string()).fetch_all(&self.pool).await
                    }
                    Some(status) => {
                        let sql = format!(
                            "SELECT {cols} FROM volunteers WHERE hub_id = $1 AND status = $2 \
                             ORDER BY display_name, id"
                        );
                        sqlx::query(&sql)
                            .bind(hub.to_string())
                            .bind(status.code())
                            .fetch_all(&self.pool)
                            .await
                    }
                }
                .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::volunteer_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn insert_shift(
                &self,
                hub: $crate::HubId,
                shift: &$crate::Shift,
                volunteer_version: i64,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                use $crate::store::sql::SqlRow as _;
                let (mut tx, seq) = self.begin_unit(hub).await?;
                // Lock the volunteer row before the overlap check, so two
                // concurrent inserts for one volunteer cannot both pass it.
                let row = sqlx::query(concat!(
                    "SELECT version FROM volunteers WHERE hub_id = $1 AND id = $2",
                    $for_update
                ))
                .bind(hub.to_string())
                .bind(shift.volunteer_id.to_string())
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                let Some(row) = row else {
                    return Err($crate::Error::not_found("volunteer", shift.volunteer_id));
                };
                let version = row.int("version").map_err($crate::store::sql::corrupt("volunteer"))?;
                if version != volunteer_version {
                    return Err($crate::Error::conflict($crate::store::stale_message("volunteer")));
                }
                if let Some(other) = Self::overlapping(&mut tx, hub, shift).await? {
                    return Err(Self::overlap_error(shift, &other));
                }
                let inserted = sqlx::query(
                    "INSERT INTO shifts (hub_id, id, volunteer_id, role, date, start_min, end_min, status, note) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(hub.to_string())
                .bind(shift.id.to_string())
                .bind(shift.volunteer_id.to_string())
                .bind(shift.role.code())
                .bind($crate::store::sql::date_text(shift.date))
                .bind($crate::store::sql::minute(shift.span.start_minute()))
                .bind($crate::store::sql::minute(shift.span.end_minute()))
                .bind(shift.status.code())
                .bind(shift.note.as_ref().map(|n| n.as_str().to_string()))
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    // The overlap check skips the shift's own id, so a
                    // duplicate id ends here, as "already exists".
                    Err(e) if $crate::store::sql::is_unique_violation(&e) => {
                        return Err($crate::Error::conflict($crate::store::duplicate_message(
                            "shift", shift.id,
                        )));
                    }
                    Err(e) => return Err($crate::store::sql::storage(e)),
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn update_shift(
                &self,
                hub: $crate::HubId,
                shift: &$crate::Shift,
                expected: $crate::ShiftStatus,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                let done = sqlx::query(
                    "UPDATE shifts SET volunteer_id = $3, role = $4, date = $5, start_min = $6, \
                     end_min = $7, status = $8, note = $9 \
                     WHERE hub_id = $1 AND id = $2 AND status = $10",
                )
                .bind(hub.to_string())
                .bind(shift.id.to_string())
                .bind(shift.volunteer_id.to_string())
                .bind(shift.role.code())
                .bind($crate::store::sql::date_text(shift.date))
                .bind($crate::store::sql::minute(shift.span.start_minute()))
                .bind($crate::store::sql::minute(shift.span.end_minute()))
                .bind(shift.status.code())
                .bind(shift.note.as_ref().map(|n| n.as_str().to_string()))
                .bind(expected.code())
                .execute(&mut *tx)
                .await
                .map_err($crate::store::sql::storage)?;
                if done.rows_affected() == 0 {
                    let exists = sqlx::query("SELECT 1 FROM shifts WHERE hub_id = $1 AND id = $2")
                        .bind(hub.to_string())
                        .bind(shift.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    return Err(match exists {
                        Some(_) => $crate::Error::conflict($crate::store::stale_message("shift")),
                        None => $crate::Error::not_found("shift", shift.id),
                    });
                }
                if shift.is_live() {
                    // Same guard as insert_shift: hold the volunteer row
                    // while checking for overlaps (a plain read where the
                    // write transaction already excludes other writers).
                    sqlx::query(concat!(
                        "SELECT 1 FROM volunteers WHERE hub_id = $1 AND id = $2",
                        $for_update
                    ))
                    .bind(hub.to_string())
                    .bind(shift.volunteer_id.to_string())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                    if let Some(other) = Self::overlapping(&mut tx, hub, shift).await? {
                        return Err(Self::overlap_error(shift, &other));
                    }
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn shift(&self, hub: $crate::HubId, id: $crate::ShiftId) -> $crate::Result<$crate::Shift> {
                let row = self
                    .row_by_id(hub, "shifts", $crate::store::sql::SHIFT_COLUMNS, "shift", id)
                    .await?;
                $crate::store::sql::shift_from_row(&row)
            }

            async fn shifts(
                &self,
                hub: $crate::HubId,
                q: &$crate::ShiftQuery,
            ) -> $crate::Result<Vec<$crate::Shift>> {
                let sql = $crate::store::sql::shifts_sql(q);
                let mut query = sqlx::query(&sql)
                    .bind(hub.to_string())
                    .bind($crate::store::sql::date_text(q.period.from()))
                    .bind($crate::store::sql::date_text(q.period.to()));
                if let Some(v) = q.volunteer {
                    query = query.bind(v.to_string());
                }
                let rows = query.fetch_all(&self.pool).await.map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::shift_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn hours_by_volunteer(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<Vec<$crate::HoursByVolunteer>> {
                let rows = sqlx::query(
                    "SELECT s.volunteer_id AS volunteer_id, v.display_name AS display_name, \
                            CAST(SUM(s.end_min - s.start_min) AS BIGINT) AS minutes, \
                            COUNT(*) AS shifts \
                     FROM shifts s \
                     JOIN volunteers v ON v.hub_id = s.hub_id AND v.id = s.volunteer_id \
                     WHERE s.hub_id = $1 AND s.status = 'worked' AND s.date >= $2 AND s.date <= $3 \
                     GROUP BY s.volunteer_id, v.display_name \
                     ORDER BY v.display_name, s.volunteer_id",
                )
                .bind(hub.to_string())
                .bind($crate::store::sql::date_text(period.from()))
                .bind($crate::store::sql::date_text(period.to()))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::hours_by_volunteer_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn hours_by_role(
                &self,
                hub: $crate::HubId,
                period: $crate::Period,
            ) -> $crate::Result<Vec<$crate::HoursByRole>> {
                let rows = sqlx::query(
                    "SELECT role, CAST(SUM(end_min - start_min) AS BIGINT) AS minutes, COUNT(*) AS shifts \
                     FROM shifts \
                     WHERE hub_id = $1 AND status = 'worked' AND date >= $2 AND date <= $3 \
                     GROUP BY role \
                     ORDER BY role",
                )
                .bind(hub.to_string())
                .bind($crate::store::sql::date_text(period.from()))
                .bind($crate::store::sql::date_text(period.to()))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::hours_by_role_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }

            async fn set_opening_hours(
                &self,
                hub: $crate::HubId,
                hours: &$crate::OpeningHours,
                entry: &$crate::JournalEntry,
            ) -> $crate::Result<()> {
                let (mut tx, seq) = self.begin_unit(hub).await?;
                sqlx::query("DELETE FROM opening_slots WHERE hub_id = $1")
                    .bind(hub.to_string())
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::store::sql::storage)?;
                for slot in hours.slots() {
                    for (role, required) in &slot.staffing {
                        sqlx::query(
                            "INSERT INTO opening_slots (hub_id, weekday, start_min, end_min, role, required) \
                             VALUES ($1, $2, $3, $4, $5, $6)",
                        )
                        .bind(hub.to_string())
                        .bind(slot.weekday.code())
                        .bind($crate::store::sql::minute(slot.span.start_minute()))
                        .bind($crate::store::sql::minute(slot.span.end_minute()))
                        .bind(role.code())
                        .bind(i64::from(*required))
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store::sql::storage)?;
                    }
                }
                Self::finish_unit(tx, hub, seq, entry).await
            }

            async fn opening_hours(&self, hub: $crate::HubId) -> $crate::Result<$crate::OpeningHours> {
                let rows = sqlx::query(
                    "SELECT weekday, start_min, end_min, role, required FROM opening_slots \
                     WHERE hub_id = $1 ORDER BY weekday, start_min, role",
                )
                .bind(hub.to_string())
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                if rows.is_empty() {
                    self.require_hub(hub).await?;
                }
                $crate::store::sql::opening_hours_from_rows(&rows)
            }

            async fn journal(
                &self,
                hub: $crate::HubId,
                after: i64,
                limit: u32,
            ) -> $crate::Result<Vec<$crate::JournalRecord>> {
                let rows = sqlx::query(
                    "SELECT seq, id, at, actor, role, action, entity, entity_id, detail FROM journal \
                     WHERE hub_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                )
                .bind(hub.to_string())
                .bind(after)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::store::sql::storage)?;
                let out = rows
                    .iter()
                    .map($crate::store::sql::journal_from_row)
                    .collect::<$crate::Result<Vec<_>>>()?;
                self.unless_empty(hub, out).await
            }
        }
    };
}
pub(crate) use impl_sql_store;
