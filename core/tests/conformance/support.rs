//! Backends for the conformance suite, plus small builders shared by the tests.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime};
use kringloop::{
    Actor, Basket, BasketLine, FixedClock, Hub, ItemId, MemoryStore, NewShift, NewVolunteer,
    PaymentMethod, Role, Store, TimeSpan, VolunteerId, VolunteerRole, VolunteerStatus,
};
use std::sync::Arc;

/// The day the suite's clock stands on: Monday 2 March 2026, noon UTC.
pub fn today() -> NaiveDate {
    d(2026, 3, 2)
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub fn span(a: (u32, u32), b: (u32, u32)) -> TimeSpan {
    TimeSpan::new(t(a.0, a.1), t(b.0, b.1)).unwrap()
}

pub fn coordinator() -> Actor {
    Actor::new("anna", Role::Coordinator).unwrap()
}

pub fn admin() -> Actor {
    Actor::new("beheer", Role::Admin).unwrap()
}

pub fn researcher() -> Actor {
    Actor::new("onderzoek", Role::Researcher).unwrap()
}

pub fn volunteer_actor(id: VolunteerId) -> Actor {
    Actor::new("vrijwilliger", Role::Volunteer)
        .unwrap()
        .with_volunteer(id)
}

pub fn new_volunteer(name: &str) -> NewVolunteer {
    NewVolunteer {
        display_name: name.into(),
        status: Some(VolunteerStatus::Active),
        start_date: Some(d(2025, 1, 6)),
        roles: vec![VolunteerRole::Cashier, VolunteerRole::ShopFloor],
        ..Default::default()
    }
}

pub fn new_shift(v: VolunteerId, role: VolunteerRole, date: NaiveDate, s: TimeSpan) -> NewShift {
    NewShift {
        volunteer_id: v,
        role,
        date,
        span: s,
        note: None,
    }
}

/// One fresh store of one backend, with the suite's fixed clock.
pub struct Backend {
    pub name: &'static str,
    pub store: Arc<dyn Store>,
    pub clock: Arc<FixedClock>,
    /// A URL that opens the same data again (None for memory).
    pub url: Option<String>,
    _dir: Option<tempfile::TempDir>,
    drop_db: Option<(String, String)>,
    /// The memory store itself, whose hubs `finish` rebuilds from their
    /// snapshots, with the slugs the test opened.
    memory: Option<(Arc<MemoryStore>, std::sync::Mutex<Vec<String>>)>,
}

impl Backend {
    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::at_date(today()))
    }

    pub async fn memory() -> Backend {
        let memory = Arc::new(MemoryStore::new());
        Backend {
            name: "memory",
            store: memory.clone(),
            clock: Self::clock(),
            url: None,
            _dir: None,
            drop_db: None,
            memory: Some((memory, Default::default())),
        }
    }

    #[cfg(feature = "sqlite")]
    pub async fn sqlite() -> Backend {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hub.db");
        let path = path.to_str().unwrap().to_string();
        let store = kringloop::SqliteStore::connect(&path).await.unwrap();
        Backend {
            name: "sqlite",
            store: Arc::new(store),
            clock: Self::clock(),
            url: Some(format!("sqlite:{path}")),
            _dir: Some(dir),
            drop_db: None,
            memory: None,
        }
    }

    /// A fresh database on the server named by `KRINGLOOP_TEST_POSTGRES_URL`;
    /// `None` (test skipped, with a note) when the variable is unset.
    #[cfg(feature = "postgres")]
    pub async fn postgres() -> Option<Backend> {
        let Ok(admin_url) = std::env::var("KRINGLOOP_TEST_POSTGRES_URL") else {
            eprintln!("KRINGLOOP_TEST_POSTGRES_URL unset: PostgreSQL conformance test skipped");
            return None;
        };
        let name = format!("kringloop_test_{}", uuid::Uuid::new_v4().simple());
        kringloop::PostgresStore::create_database(&admin_url, &name)
            .await
            .unwrap();
        let url = replace_database(&admin_url, &name);
        let store = kringloop::PostgresStore::connect(&url).await.unwrap();
        Some(Backend {
            name: "postgres",
            store: Arc::new(store),
            clock: Self::clock(),
            url: Some(url),
            _dir: None,
            drop_db: Some((admin_url, name)),
            memory: None,
        })
    }

    /// A hub on this backend's store.
    pub async fn hub(&self, slug: &str) -> Hub {
        if let Some((_, slugs)) = &self.memory {
            slugs.lock().unwrap().push(slug.to_string());
        }
        Hub::with_store(self.store.clone(), slug, self.clock.clone())
            .await
            .unwrap()
    }

    /// Drops what the backend created (the PostgreSQL test database). On
    /// the memory store, first rebuilds every hub the test used from its
    /// snapshot (as a page does on reload) and checks that the rebuilt hub's
    /// snapshot is the same document: so every shop scenario of the suite is
    /// also a persistence case. Hubs holding activities or development
    /// records are left out: the browser's persistence covers the shop.
    pub async fn finish(self) {
        if let Some((memory, slugs)) = &self.memory {
            let slugs = slugs.lock().unwrap().clone();
            for slug in slugs {
                let hub = Hub::with_store(memory.clone(), &slug, self.clock.clone())
                    .await
                    .unwrap();
                let first = hub.snapshot().await.unwrap();
                match Hub::restore(&first, self.clock.clone()).await {
                    Ok(back) => {
                        assert_eq!(back.id(), hub.id());
                        let again = back.snapshot().await.unwrap();
                        assert!(first == again, "hub {slug}: the rebuilt hub differs");
                    }
                    Err(e) if e.to_string().contains("is not a change kringloop journals") => {}
                    Err(e) => panic!("hub {slug} does not rebuild from its snapshot: {e}"),
                }
            }
        }
        #[cfg(feature = "postgres")]
        if let Some((admin_url, name)) = &self.drop_db {
            drop(self.store);
            kringloop::PostgresStore::drop_database(admin_url, name)
                .await
                .unwrap();
        }
    }
}

/// `postgres://u@h:p/db?x` with the database part replaced by `name`.
pub fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_and_path = &base[scheme_end..];
    let host = host_and_path.split('/').next().unwrap_or(host_and_path);
    format!("{}{}/{}{}", &base[..scheme_end], host, name, query)
}

/// A basket at till `kassa-1`, sold now.
pub fn basket(lines: &[(ItemId, u32)], payment: PaymentMethod, city_pass: bool) -> Basket {
    Basket {
        till: "kassa-1".into(),
        lines: lines
            .iter()
            .map(|(item_id, quantity)| BasketLine {
                item_id: *item_id,
                quantity: *quantity,
            })
            .collect(),
        payment,
        city_pass,
        at: None,
    }
}
