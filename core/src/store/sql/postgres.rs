//! The PostgreSQL backend: one server serves many hubs.
//!
//! Atomicity: every write method is one READ COMMITTED transaction whose
//! first statement bumps the hub's journal counter, which row-locks the hub
//! until commit, so writes within one hub are serialised (writes to other
//! hubs run in parallel). Before an overlap check the volunteer row is also
//! locked with `SELECT … FOR UPDATE`, so two concurrent plans for one
//! volunteer can never both pass the check, whatever else holds.

use super::activities::impl_sql_activity_store;
use super::courses::impl_sql_course_store;
use super::development::impl_sql_development_store;
use super::report::impl_sql_report_store;
use super::research::{impl_sql_research_store, impl_sqlx_research_fetch};
use super::signals::impl_sql_signal_store;
use super::stock::{ID_CHUNK, impl_sql_stock_store, placeholders};
use super::sync::impl_sql_sync_store;
use super::{impl_sql_row, impl_sql_store, storage};
use crate::{Error, HubId, ItemId, Result};
use sqlx::postgres::{PgConnection, PgPoolOptions, PgRow};
use sqlx::{Connection, Pool, Postgres, Transaction};

/// Connections in the pool.
const POOL_SIZE: u32 = 10;

/// A [`Store`](crate::Store) in a PostgreSQL database. Cheap to clone:
/// clones share one connection pool.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: Pool<Postgres>,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`)
    /// and runs the migrations.
    pub async fn connect(url: &str) -> Result<PostgresStore> {
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .connect(url)
            .await
            .map_err(|e| Error::storage(format!("cannot connect to PostgreSQL: {e}")))?;
        sqlx::migrate!("./migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| Error::storage(format!("cannot migrate PostgreSQL database: {e}")))?;
        Ok(PostgresStore { pool })
    }

    /// Creates the database `name` on the server at `admin_url` (a URL of a
    /// user who may create databases). `name` must match `[a-z0-9_]{1,63}`.
    pub async fn create_database(admin_url: &str, name: &str) -> Result<()> {
        check_database_name(name)?;
        admin(admin_url, &format!("CREATE DATABASE \"{name}\"")).await
    }

    /// Drops the database `name` on the server at `admin_url`, ending any
    /// sessions still connected to it (`WITH (FORCE)`); no error if it does
    /// not exist. `name` must match `[a-z0-9_]{1,63}`.
    pub async fn drop_database(admin_url: &str, name: &str) -> Result<()> {
        check_database_name(name)?;
        admin(
            admin_url,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        )
        .await
    }

    /// A write transaction (READ COMMITTED; the unit's first statement
    /// row-locks the hub).
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        self.pool.begin().await.map_err(storage)
    }

    /// Row-locks the items `ids` (sorted and distinct, so concurrent
    /// sales lock in the same order and cannot deadlock) until commit, before
    /// their stock is summed. The sum runs as a later statement, so under
    /// READ COMMITTED it sees every move committed before the lock was won.
    async fn lock_items(
        tx: &mut Transaction<'static, Postgres>,
        hub: HubId,
        ids: &[ItemId],
    ) -> Result<()> {
        for chunk in ids.chunks(ID_CHUNK) {
            let sql = format!(
                "SELECT id FROM items WHERE hub_id = $1 AND id IN ({}) ORDER BY id FOR UPDATE",
                placeholders(2, chunk.len())
            );
            let mut q = sqlx::query(&sql).bind(hub.to_string());
            for id in chunk {
                q = q.bind(id.to_string());
            }
            q.fetch_all(&mut **tx).await.map_err(storage)?;
        }
        Ok(())
    }
}

/// Database names are spliced into SQL, so only `[a-z0-9_]{1,63}` passes.
fn check_database_name(name: &str) -> Result<()> {
    let ok = (1..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            "name",
            format!("{name:?} is not a database name: use 1-63 characters a-z, 0-9 and _"),
        ))
    }
}

/// Runs one administrative statement (no transaction, simple protocol) on
/// its own connection.
async fn admin(admin_url: &str, statement: &str) -> Result<()> {
    let mut conn = PgConnection::connect(admin_url)
        .await
        .map_err(|e| Error::storage(format!("cannot connect to PostgreSQL: {e}")))?;
    let result = sqlx::raw_sql(statement).execute(&mut conn).await;
    let closed = conn.close().await;
    result.map_err(storage)?;
    closed.map_err(storage)
}

impl_sql_row!(PgRow);
impl_sql_store!(PostgresStore, Postgres, for_update = " FOR UPDATE");
impl_sql_stock_store!(PostgresStore, Postgres);
impl_sql_signal_store!(
    PostgresStore,
    Postgres,
    for_update = " FOR UPDATE",
    snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    after_erase = "VACUUM signal_personal"
);
impl_sql_activity_store!(
    PostgresStore,
    Postgres,
    snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    week = "to_char(date_trunc('week', CAST(date AS timestamp)), 'YYYY-MM-DD')"
);
impl_sql_development_store!(PostgresStore, Postgres, for_update = " FOR UPDATE");
impl_sql_course_store!(PostgresStore, Postgres, for_update = " FOR UPDATE");
impl_sql_sync_store!(PostgresStore);
impl_sql_report_store!(
    PostgresStore,
    Postgres,
    json_dates = "jsonb_array_elements_text(CAST(c.sessions AS jsonb))"
);
impl_sqlx_research_fetch!(PostgresStore, Postgres);
impl_sql_research_store!(
    PostgresStore,
    Postgres,
    json_each = "jsonb_array_elements_text(CAST({} AS jsonb))",
    json_len = "jsonb_array_length(CAST({} AS jsonb))"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_checked() {
        for good in ["kringloop_test_0a1b", "x", "a_1"] {
            assert!(check_database_name(good).is_ok(), "{good}");
        }
        let long = "a".repeat(64);
        for bad in [
            "",
            "Kringloop",
            "a-b",
            "a\"; DROP DATABASE postgres; --",
            "é",
            long.as_str(),
        ] {
            assert_eq!(
                check_database_name(bad).unwrap_err().code().as_str(),
                "validation",
                "{bad}"
            );
        }
    }

    /// A fresh database on the server named by `KRINGLOOP_TEST_POSTGRES_URL`
    /// (with its admin URL and name, to drop it), or `None` when unset.
    async fn scratch() -> Option<(String, String, String)> {
        let Ok(admin_url) = std::env::var("KRINGLOOP_TEST_POSTGRES_URL") else {
            eprintln!("KRINGLOOP_TEST_POSTGRES_URL unset: PostgreSQL test skipped");
            return None;
        };
        let name = format!("kringloop_test_{}", uuid::Uuid::new_v4().simple());
        PostgresStore::create_database(&admin_url, &name)
            .await
            .unwrap();
        let base = admin_url.split('?').next().unwrap_or(&admin_url);
        let url = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
        Some((admin_url, name, url))
    }

    /// Stock edge cases the Hub never produces give exactly the memory
    /// store's answers and errors.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn stock_edge_cases_match_the_memory_store() {
        let Some((admin_url, name, url)) = scratch().await else {
            return;
        };
        let sql = PostgresStore::connect(&url).await.unwrap();
        let mem = crate::MemoryStore::new();
        super::super::stock_tests::edge_cases_match(&[&mem, &sql]).await;
        drop(sql);
        PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }

    /// Two separate pools (two till processes) race for the last unit: the
    /// item row lock (`FOR UPDATE`) admits exactly one per round.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_processes_race_for_the_last_unit() {
        let Some((admin_url, name, url)) = scratch().await else {
            return;
        };
        let one = std::sync::Arc::new(PostgresStore::connect(&url).await.unwrap());
        let two = std::sync::Arc::new(PostgresStore::connect(&url).await.unwrap());
        super::super::stock_tests::two_stores_race_for_the_last_unit(one, two, 20).await;
        PostgresStore::drop_database(&admin_url, &name)
            .await
            .unwrap();
    }
}
