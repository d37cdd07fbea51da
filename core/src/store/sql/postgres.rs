//! The PostgreSQL backend: one server serves many hubs.
//!
//! Atomicity: every write method is one READ COMMITTED transaction whose
//! first statement bumps the hub's journal counter, which row-locks the hub
//! until commit, so writes within one hub are serialised (writes to other
//! hubs run in parallel). Before an overlap check the volunteer row is also
//! locked with `SELECT … FOR UPDATE`, so two concurrent plans for one
//! volunteer can never both pass the check, whatever else holds.

use super::{impl_sql_row, impl_sql_store, storage};
use crate::{Error, Result};
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
}
