//! The SQLite backend: one embedded database file (or `:memory:`).
//!
//! Atomicity: every write method runs in a transaction opened with
//! `BEGIN IMMEDIATE`, which takes SQLite's write lock up front. Writers
//! queue on the busy timeout instead of starting as readers and failing
//! with `SQLITE_BUSY` when they try to upgrade to a writer; in WAL mode
//! readers never wait for them.

use super::activities::impl_sql_activity_store;
use super::courses::impl_sql_course_store;
use super::development::impl_sql_development_store;
use super::report::impl_sql_report_store;
use super::research::impl_sql_research_store;
use super::signals::impl_sql_signal_store;
use super::stock::impl_sql_stock_store;
use super::sync::impl_sql_sync_store;
use super::{impl_sql_row, impl_sql_store, storage};
use crate::{Error, HubId, ItemId, Result};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Pool, Sqlite, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// How long a writer waits for another writer's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Connections in the pool of a file database (WAL lets readers run
/// beside the one writer).
const POOL_SIZE: u32 = 4;

/// A [`Store`](crate::Store) in an embedded SQLite database.
///
/// Opened with WAL journaling, `synchronous = FULL` (a commit is on disk
/// before the call returns, also across a power cut), foreign keys on,
/// `secure_delete = ON` (deleted content is overwritten in the file) and a
/// busy timeout of 5 s. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: Pool<Sqlite>,
}

impl SqliteStore {
    /// Opens the database file at `path` (created if missing; `:memory:`
    /// for a private in-memory database) and runs the migrations.
    pub async fn connect(path: &str) -> Result<SqliteStore> {
        let memory = path.trim() == ":memory:";
        let options = if memory {
            SqliteConnectOptions::from_str("sqlite::memory:").map_err(storage)?
        } else {
            SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
        }
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .synchronous(SqliteSynchronous::Full)
        .pragma("secure_delete", "ON");
        let pool = if memory {
            // Each connection to `:memory:` is a database of its own: keep
            // exactly one, forever.
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        } else {
            SqlitePoolOptions::new().max_connections(POOL_SIZE)
        }
        // A local file needs no ping before each use (each statement costs a
        // thread hand-off in sqlx's SQLite driver).
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .map_err(|e| Error::storage(format!("cannot open SQLite database {path:?}: {e}")))?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&pool)
            .await
            .map_err(|e| Error::storage(format!("cannot migrate SQLite database {path:?}: {e}")))?;
        Ok(SqliteStore { pool })
    }

    /// A write transaction that holds the database's write lock from its
    /// first statement (`BEGIN IMMEDIATE`).
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(storage)
    }

    /// Nothing to lock: a `BEGIN IMMEDIATE` transaction already holds the
    /// database's single write lock, so no other writer can change the
    /// items' stock until it commits.
    async fn lock_items(
        _tx: &mut Transaction<'static, Sqlite>,
        _hub: HubId,
        _ids: &[ItemId],
    ) -> Result<()> {
        Ok(())
    }
}

impl SqliteStore {
    /// Runs one page of a research table directly on a pooled connection's
    /// SQLite handle (see [`read_direct`](super::research::read_direct)).
    async fn research_fetch(
        &self,
        hub: HubId,
        page: &super::research::Page,
        out: &mut crate::research::BatchBuilder<'_>,
    ) -> Result<()> {
        let mut conn = self.pool.acquire().await.map_err(storage)?;
        let mut handle = conn.lock_handle().await.map_err(storage)?;
        let raw = handle.as_raw_handle();
        // SAFETY: `handle` keeps sqlx's worker off this connection until it
        // is dropped, and `db` is dropped before it (end of this block);
        // `from_handle` borrows the handle and does not close it on drop.
        // Both sides link the same libsqlite3-sys (0.30.1), so the pointer
        // types are the same.
        let db = unsafe { rusqlite::Connection::from_handle(raw.as_ptr()) }.map_err(storage)?;
        let read = super::research::read_direct(&db, hub, page, out);
        drop(db);
        drop(handle);
        read
    }
}

impl_sql_row!(SqliteRow);
impl_sql_store!(SqliteStore, Sqlite, for_update = "");
impl_sql_stock_store!(SqliteStore, Sqlite);
impl_sql_signal_store!(
    SqliteStore,
    Sqlite,
    for_update = "",
    snapshot = "BEGIN",
    after_erase = "PRAGMA wal_checkpoint(TRUNCATE)"
);
impl_sql_activity_store!(
    SqliteStore,
    Sqlite,
    snapshot = "BEGIN",
    week = "date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days')"
);
impl_sql_development_store!(SqliteStore, Sqlite, for_update = "");
impl_sql_course_store!(SqliteStore, Sqlite, for_update = "");
impl_sql_sync_store!(SqliteStore);
impl_sql_report_store!(SqliteStore, Sqlite, json_dates = "json_each(c.sessions)");
impl_sql_research_store!(
    SqliteStore,
    Sqlite,
    json_each = "json_each({})",
    json_len = "json_array_length({})"
);

#[cfg(test)]
mod tests {
    //! SQLite-only checks the conformance suite cannot make: what is in the
    //! file, corrupt rows, `:memory:`.

    use super::*;
    use crate::{
        Actor, FixedClock, HubId, HubSlug, JournalEntry, NewVolunteer, Role, Store, Volunteer,
        VolunteerId,
    };
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    async fn hub(store: &SqliteStore, clock: &FixedClock) -> HubId {
        let slug = HubSlug::parse("oude-bieb").unwrap();
        store
            .ensure_hub(&slug, HubId::generate(clock), crate::Clock::now(clock))
            .await
            .unwrap()
    }

    fn entry(clock: &FixedClock) -> JournalEntry {
        let actor = Actor::new("anna", Role::Coordinator).unwrap();
        JournalEntry::new(
            clock,
            &actor,
            "test",
            "volunteer",
            "x",
            serde_json::json!({}),
        )
    }

    fn volunteer(clock: &FixedClock, contact: &str) -> Volunteer {
        let input = NewVolunteer {
            display_name: "Anna".into(),
            contact: Some(contact.into()),
            ..Default::default()
        };
        Volunteer::register(VolunteerId::generate(clock), input, day()).unwrap()
    }

    #[tokio::test]
    async fn in_memory_database_keeps_its_data() {
        let clock = FixedClock::at_date(day());
        let store = SqliteStore::connect(":memory:").await.unwrap();
        let hub = hub(&store, &clock).await;
        let v = volunteer(&clock, "anna@example.nl");
        store
            .insert_volunteer(hub, &v, &entry(&clock))
            .await
            .unwrap();
        assert_eq!(store.volunteer(hub, v.id).await.unwrap(), v);
    }

    #[tokio::test]
    async fn unknown_hub_is_not_found_everywhere() {
        let clock = FixedClock::at_date(day());
        let store = SqliteStore::connect(":memory:").await.unwrap();
        let ghost = HubId::generate(&clock);
        let v = volunteer(&clock, "anna@example.nl");
        let want = Error::not_found("hub", ghost);
        assert_eq!(
            store
                .insert_volunteer(ghost, &v, &entry(&clock))
                .await
                .unwrap_err(),
            want
        );
        assert_eq!(store.volunteer(ghost, v.id).await.unwrap_err(), want);
        assert_eq!(store.volunteers(ghost, None).await.unwrap_err(), want);
        assert_eq!(store.journal(ghost, 0, 10).await.unwrap_err(), want);
        assert_eq!(store.opening_hours(ghost).await.unwrap_err(), want);
    }

    #[tokio::test]
    async fn corrupt_rows_are_storage_errors() {
        let clock = FixedClock::at_date(day());
        let store = SqliteStore::connect(":memory:").await.unwrap();
        let hub = hub(&store, &clock).await;
        let v = volunteer(&clock, "anna@example.nl");
        store
            .insert_volunteer(hub, &v, &entry(&clock))
            .await
            .unwrap();
        sqlx::query("UPDATE volunteers SET roles = '[\"juggler\"]'")
            .execute(&store.pool)
            .await
            .unwrap();
        let e = store.volunteer(hub, v.id).await.unwrap_err();
        assert!(
            matches!(&e, Error::Storage(m) if m.starts_with("corrupt volunteer row: roles:")),
            "{e:?}"
        );
        sqlx::query("UPDATE volunteers SET roles = '[]', display_name = '  '")
            .execute(&store.pool)
            .await
            .unwrap();
        let e = store.volunteers(hub, None).await.unwrap_err();
        assert!(
            matches!(&e, Error::Storage(m) if m.contains("display_name")),
            "{e:?}"
        );
    }

    fn file_contains(path: &str, needle: &str) -> bool {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    async fn checkpoint(store: &SqliteStore) {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&store.pool)
            .await
            .unwrap();
    }

    /// `secure_delete = ON`: a deleted row (as a future purge will delete
    /// it) leaves no trace in the file once the WAL is checkpointed.
    #[tokio::test]
    async fn deleted_personal_data_is_gone_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hub.db");
        let path = path.to_str().unwrap();
        let clock = FixedClock::at_date(day());
        let store = SqliteStore::connect(path).await.unwrap();
        let hub = hub(&store, &clock).await;
        let secret = "geheim.adres@example.nl";
        let before = volunteer(&clock, "voor@example.nl");
        let v = volunteer(&clock, secret);
        let after = volunteer(&clock, "na@example.nl");
        for x in [&before, &v, &after] {
            store
                .insert_volunteer(hub, x, &entry(&clock))
                .await
                .unwrap();
        }
        checkpoint(&store).await;
        assert!(
            file_contains(path, secret),
            "the test needs the row in the file"
        );
        sqlx::query("DELETE FROM volunteers WHERE id = $1")
            .bind(v.id.to_string())
            .execute(&store.pool)
            .await
            .unwrap();
        checkpoint(&store).await;
        assert!(
            !file_contains(path, secret),
            "the deleted contact is still in the file"
        );
        assert!(file_contains(path, "voor@example.nl"));
    }

    /// Edge cases the Hub never produces (duplicate ids, stale statuses,
    /// unknown ids) give exactly the memory store's errors.
    #[tokio::test]
    async fn edge_cases_match_the_memory_store() {
        use crate::{MemoryStore, NewShift, Shift, ShiftId, ShiftStatus, TimeSpan, VolunteerRole};
        let clock = FixedClock::at_date(day());
        let sql = SqliteStore::connect(":memory:").await.unwrap();
        let mem = MemoryStore::new();
        let slug = HubSlug::parse("oude-bieb").unwrap();
        let hub_id = HubId::generate(&clock);
        let now = crate::Clock::now(&clock);
        let stores: [&dyn Store; 2] = [&mem, &sql];
        let v = volunteer(&clock, "anna@example.nl");
        let shift = Shift::plan(
            ShiftId::generate(&clock),
            NewShift {
                volunteer_id: v.id,
                role: VolunteerRole::Cashier,
                date: day(),
                span: TimeSpan::from_minutes(600, 720).unwrap(),
                note: None,
            },
        )
        .unwrap();
        let ghost = Shift {
            id: ShiftId::generate(&clock),
            ..shift.clone()
        };
        let e = || entry(&clock);
        let mut results = Vec::new();
        for store in stores {
            let hub = store.ensure_hub(&slug, hub_id, now).await.unwrap();
            store.insert_volunteer(hub, &v, &e()).await.unwrap();
            store.insert_shift(hub, &shift, 1, &e()).await.unwrap();
            let cancelled = shift.cancel(None).unwrap();
            results.push(vec![
                store.insert_volunteer(hub, &v, &e()).await.map(|_| ()),
                store.insert_shift(hub, &shift, 1, &e()).await,
                store.insert_shift(hub, &ghost, 2, &e()).await,
                store.insert_shift(hub, &ghost, 1, &e()).await,
                store
                    .update_shift(hub, &ghost, ShiftStatus::Planned, &e())
                    .await,
                store
                    .update_shift(hub, &cancelled, ShiftStatus::Worked, &e())
                    .await,
                store
                    .update_shift(hub, &cancelled, ShiftStatus::Planned, &e())
                    .await,
                store.update_volunteer(hub, &v, 7, &e()).await,
            ]);
            let n = store.journal(hub, 0, 100).await.unwrap();
            assert_eq!(n.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
        }
        assert_eq!(results[0], results[1]);
        assert!(results[0][6].is_ok(), "{:?}", results[0]);
    }

    /// Stock edge cases the Hub never produces give exactly the memory
    /// store's answers and errors.
    #[tokio::test]
    async fn stock_edge_cases_match_the_memory_store() {
        let sql = SqliteStore::connect(":memory:").await.unwrap();
        let mem = crate::MemoryStore::new();
        super::super::stock_tests::edge_cases_match(&[&mem, &sql]).await;
    }

    /// SQLite-specific: two *separate* stores (two connection pools on one
    /// file, like two till processes) race for the last unit. The
    /// conformance suite races inside one store; here the only thing that
    /// serialises the two checkouts is SQLite's file lock, taken up front by
    /// `BEGIN IMMEDIATE`. Exactly one wins each round; stock never goes
    /// below zero.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_processes_race_for_the_last_unit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hub.db");
        let path = path.to_str().unwrap();
        let one = SqliteStore::connect(path).await.unwrap();
        let two = SqliteStore::connect(path).await.unwrap();
        super::super::stock_tests::two_stores_race_for_the_last_unit(
            std::sync::Arc::new(one),
            std::sync::Arc::new(two),
            20,
        )
        .await;
        drop(dir);
    }

    /// Stock rows that do not parse are storage errors, never panics.
    #[tokio::test]
    async fn corrupt_stock_rows_are_storage_errors() {
        use crate::{Category, Condition, Hub, NewItem, StockStore};
        let clock = std::sync::Arc::new(FixedClock::at_date(day()));
        let store = std::sync::Arc::new(SqliteStore::connect(":memory:").await.unwrap());
        let hub = Hub::with_store(store.clone(), "oude-bieb", clock)
            .await
            .unwrap();
        let v = Actor::new("anna", Role::Coordinator).unwrap();
        let it = hub
            .take_in(&v, NewItem::new(Category::Books, "boek", Condition::A, 300))
            .await
            .unwrap();
        let hub_id = hub.id();
        for (sql, entity) in [
            (
                "UPDATE items SET category = 'jewels'",
                "corrupt item row: category:",
            ),
            (
                "UPDATE items SET category = 'books', quantity = -1",
                "corrupt item row: quantity:",
            ),
        ] {
            sqlx::query(sql).execute(&store.pool).await.unwrap();
            let e = store.item_states(hub_id, &[it.id]).await.unwrap_err();
            assert!(
                matches!(&e, Error::Storage(m) if m.starts_with(entity)),
                "{e:?}"
            );
        }
        sqlx::query("UPDATE items SET quantity = 1")
            .execute(&store.pool)
            .await
            .unwrap();
        sqlx::query("UPDATE stock_moves SET kind = 'theft'")
            .execute(&store.pool)
            .await
            .unwrap();
        let e = store.moves(hub_id, it.id).await.unwrap_err();
        assert!(
            matches!(&e, Error::Storage(m) if m.starts_with("corrupt stock_move row: kind:")),
            "{e:?}"
        );
        sqlx::query(
            "INSERT INTO pricing_policies (hub_id, policy) VALUES ($1, '{\"roundingStep\": 0}')",
        )
        .bind(hub_id.to_string())
        .execute(&store.pool)
        .await
        .unwrap();
        let e = store.pricing_policy(hub_id).await.unwrap_err();
        assert!(
            matches!(&e, Error::Storage(m) if m.starts_with("corrupt pricing_policy row: policy:")),
            "{e:?}"
        );
    }

    /// Throughput on a file database (run with `--release --ignored
    /// --nocapture`): bulk intake of 10 000 items and sequential checkouts.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "measurement; run in release"]
    async fn stock_throughput() {
        let dir = tempfile::tempdir().unwrap();
        for round in 0..3 {
            let path = dir.path().join(format!("bulk{round}.db"));
            let store = SqliteStore::connect(path.to_str().unwrap()).await.unwrap();
            let rate =
                super::super::stock_tests::bulk_intake_rate(std::sync::Arc::new(store), 10_000)
                    .await;
            eprintln!("bulk intake of 10 000 items: {rate:.0} items/s");
            let path = dir.path().join(format!("till{round}.db"));
            let store = SqliteStore::connect(path.to_str().unwrap()).await.unwrap();
            let rate =
                super::super::stock_tests::checkout_rate(std::sync::Arc::new(store), 2_000).await;
            eprintln!("3-line checkouts: {rate:.0}/s");
        }
    }
}
