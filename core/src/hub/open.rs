//! Opening a hub: store URLs and connecting to a backend.

use super::Hub;
use crate::{Clock, Error, HubId, HubSlug, MemoryStore, Result, Store, SystemClock};
use std::sync::Arc;

/// Where a hub's data lives, parsed from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// `memory:` — in process memory, gone when the process ends.
    Memory,
    /// `sqlite:<path>` or `sqlite://<path>` — an embedded SQLite file, created if missing.
    Sqlite(String),
    /// `postgres://…` or `postgresql://…` — a PostgreSQL server.
    Postgres(String),
}

impl StoreUrl {
    /// Parses a store URL.
    pub fn parse(url: &str) -> Result<StoreUrl> {
        let url = url.trim();
        if url == "memory:" || url == "memory://" {
            Ok(StoreUrl::Memory)
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            if path.is_empty() {
                return Err(Error::validation(
                    "url",
                    "sqlite: needs a file path, e.g. sqlite:hub.db",
                ));
            }
            Ok(StoreUrl::Sqlite(path.to_string()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(StoreUrl::Postgres(url.to_string()))
        } else {
            Err(Error::validation(
                "url",
                format!("{url:?} is not a store URL; use memory:, sqlite:<path> or postgres://…"),
            ))
        }
    }
}

impl Hub {
    /// Opens (and on first use creates) the hub `slug` in the store at `url`
    /// (`memory:`, `sqlite:<path>`, `postgres://…`), running migrations.
    pub async fn open(url: &str, slug: &str) -> Result<Hub> {
        Self::open_with_clock(url, slug, Arc::new(SystemClock)).await
    }

    /// Like [`Hub::open`], with an injected clock.
    pub async fn open_with_clock(url: &str, slug: &str, clock: Arc<dyn Clock>) -> Result<Hub> {
        let slug = HubSlug::parse(slug)?;
        let store = connect(&StoreUrl::parse(url)?).await?;
        Self::with_store(store, slug.as_str(), clock).await
    }
}

impl Hub<MemoryStore> {
    /// Opens the hub `slug` on a fresh in-memory store from a `memory:` URL,
    /// dispatching statically (`Hub<MemoryStore>`), so a build links only
    /// the store methods it calls: the WebAssembly package opens its hub
    /// this way. Any other URL is refused with a `validation` error on `url`.
    pub async fn open_in_memory(
        url: &str,
        slug: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Hub<MemoryStore>> {
        match StoreUrl::parse(url)? {
            StoreUrl::Memory => Self::with_store(Arc::new(MemoryStore::new()), slug, clock).await,
            _ => Err(Error::validation(
                "url",
                format!("{url:?}: only memory: stores can be opened here"),
            )),
        }
    }
}

impl<S: Store + ?Sized> Hub<S> {
    /// Opens the hub `slug` on an existing store (e.g. to share one
    /// connection pool between hubs). With a concrete store type
    /// (`Arc<MemoryStore>`) the hub dispatches statically.
    pub async fn with_store(store: Arc<S>, slug: &str, clock: Arc<dyn Clock>) -> Result<Hub<S>> {
        let slug = HubSlug::parse(slug)?;
        let id = store
            .ensure_hub(&slug, HubId::generate(clock.as_ref()), clock.now())
            .await?;
        Ok(Hub {
            store,
            clock,
            id,
            slug,
        })
    }
}

/// Connects to (and migrates) the store at `url`.
pub async fn connect(url: &StoreUrl) -> Result<Arc<dyn Store>> {
    match url {
        StoreUrl::Memory => Ok(Arc::new(MemoryStore::new())),
        #[cfg(feature = "sqlite")]
        StoreUrl::Sqlite(path) => Ok(Arc::new(crate::SqliteStore::connect(path).await?)),
        #[cfg(not(feature = "sqlite"))]
        StoreUrl::Sqlite(_) => Err(Error::validation(
            "url",
            "this build of kringloop has no SQLite support (cargo feature `sqlite`)",
        )),
        #[cfg(feature = "postgres")]
        StoreUrl::Postgres(url) => Ok(Arc::new(crate::PostgresStore::connect(url).await?)),
        #[cfg(not(feature = "postgres"))]
        StoreUrl::Postgres(_) => Err(Error::validation(
            "url",
            "this build of kringloop has no PostgreSQL support (cargo feature `postgres`)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_hubs_refuse_other_urls() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let hub = rt
            .block_on(Hub::open_in_memory("memory:", "oude-bieb", clock.clone()))
            .unwrap();
        assert_eq!(hub.slug().as_str(), "oude-bieb");
        let e = rt
            .block_on(Hub::open_in_memory("sqlite:x.db", "oude-bieb", clock))
            .unwrap_err();
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "url"));
    }

    #[test]
    fn urls() {
        assert_eq!(StoreUrl::parse("memory:").unwrap(), StoreUrl::Memory);
        assert_eq!(
            StoreUrl::parse("sqlite:a/b.db").unwrap(),
            StoreUrl::Sqlite("a/b.db".into())
        );
        assert_eq!(
            StoreUrl::parse("sqlite:///tmp/x.db").unwrap(),
            StoreUrl::Sqlite("/tmp/x.db".into())
        );
        assert!(matches!(
            StoreUrl::parse("postgres://u@h/db").unwrap(),
            StoreUrl::Postgres(_)
        ));
        assert!(StoreUrl::parse("mysql://x").is_err());
        assert!(StoreUrl::parse("sqlite:").is_err());
    }
}
