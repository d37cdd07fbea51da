//! The whole memory store as one JSON document, so a page can keep its hub
//! across reloads (in IndexedDB) and a test can copy a store.

use super::{MemoryStore, State};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// The version of the snapshot format this build writes and reads.
pub const SNAPSHOT_FORMAT: u32 = 1;

#[derive(Serialize)]
struct SnapshotOut<'a> {
    format: u32,
    state: &'a State,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotIn {
    format: u32,
    state: State,
}

impl MemoryStore {
    /// Everything the store holds — every hub, its records and its journal,
    /// personal fields included — as one JSON document. Keep it like a
    /// database file: it is the hub's data, not an export.
    pub fn snapshot(&self) -> Result<String> {
        let st = self.lock();
        serde_json::to_string(&SnapshotOut {
            format: SNAPSHOT_FORMAT,
            state: &st,
        })
        .map_err(|e| Error::storage(format!("snapshot: {e}")))
    }

    /// A store holding what [`MemoryStore::snapshot`] wrote. Every id, code
    /// and text is parsed as on input; a document of another format, or
    /// whose tables or journal are out of order, is refused with a
    /// `validation` error on `snapshot`.
    pub fn restore(json: &str) -> Result<MemoryStore> {
        let bad = |why: String| Error::validation("snapshot", why);
        let s: SnapshotIn = serde_json::from_str(json)
            .map_err(|e| bad(format!("not a kringloop snapshot: {e}")))?;
        if s.format != SNAPSHOT_FORMAT {
            return Err(bad(format!(
                "snapshot format {} is not supported (this build reads {SNAPSHOT_FORMAT})",
                s.format
            )));
        }
        s.state.check().map_err(bad)?;
        Ok(MemoryStore {
            state: Mutex::new(s.state),
        })
    }
}

impl State {
    /// What serde cannot check: every hub has its data, slugs are unique,
    /// and each journal is in strictly ascending order.
    fn check(&self) -> std::result::Result<(), String> {
        for (i, (slug, id)) in self.hubs.iter().enumerate() {
            if self.hubs[..i].iter().any(|(s, _)| s == slug) {
                return Err(format!("hub {slug} appears twice"));
            }
            let data = self
                .data
                .get(id.as_uuid())
                .ok_or_else(|| format!("hub {slug} has no data"))?;
            if data.journal.windows(2).any(|w| w[0].seq >= w[1].seq) {
                return Err(format!("the journal of hub {slug} is out of order"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{
        Actor, Category, Condition, FixedClock, Hub, MemoryStore, NewItem, NewVolunteer, Role,
        VolunteerStatus,
    };
    use std::sync::Arc;

    fn block<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn a_restored_hub_has_the_same_data_and_goes_on() {
        block(async {
            let clock = Arc::new(FixedClock::at_date(
                chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            ));
            let c = Actor::new("anna", Role::Coordinator).unwrap();
            let admin = Actor::new("beheer", Role::Admin).unwrap();
            let hub = Hub::open_in_memory("memory:", "oude-bieb", clock.clone())
                .await
                .unwrap();
            let v = hub
                .register_volunteer(
                    &c,
                    NewVolunteer {
                        display_name: "Bea".into(),
                        status: Some(VolunteerStatus::Active),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            let it = hub
                .take_in(
                    &c,
                    NewItem::new(Category::Books, "atlas", Condition::A, 800),
                )
                .await
                .unwrap();
            let json = hub.snapshot().unwrap();
            let back = Hub::<MemoryStore>::restore(&json, "oude-bieb", clock.clone())
                .await
                .unwrap();
            assert_eq!(back.id(), hub.id());
            assert_eq!(back.volunteer(&c, v.id).await.unwrap(), v);
            assert_eq!(
                back.item(&c, it.id).await.unwrap(),
                hub.item(&c, it.id).await.unwrap()
            );
            let journal = hub.journal(&admin, 0, 100).await.unwrap();
            assert_eq!(back.journal(&admin, 0, 100).await.unwrap(), journal);
            // It goes on where the snapshot ended.
            back.take_in(
                &c,
                NewItem::new(Category::Toys, "blokken", Condition::B, 500),
            )
            .await
            .unwrap();
            let after = back.journal(&admin, 0, 100).await.unwrap();
            assert_eq!(after.len(), journal.len() + 1);
            assert!(after[after.len() - 1].seq > journal[journal.len() - 1].seq);
        });
    }

    #[test]
    fn a_bad_snapshot_is_refused() {
        let store = MemoryStore::new();
        let good = store.snapshot().unwrap();
        assert!(MemoryStore::restore(&good).is_ok());
        let wrong_format = good.replacen("\"format\":1", "\"format\":2", 1);
        for bad in [
            "",
            "{}",
            "[]",
            wrong_format.as_str(),
            r#"{"format":1,"state":{"hubs":[],"data":{"ids":["00000000-0000-7000-8000-000000000002","00000000-0000-7000-8000-000000000001"],"rows":[]}}}"#,
        ] {
            let e = MemoryStore::restore(bad).err().unwrap();
            assert_eq!(e.code(), crate::ErrorCode::Validation, "{bad}: {e}");
        }
    }
}
