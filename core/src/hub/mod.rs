//! The [`Hub`] facade: the one entry point. Every operation checks the
//! actor's permission, validates, applies the domain rules, persists through
//! the [`Store`] and journals — in that order, so a refused call changes nothing.

pub mod activities;
pub mod courses;
pub mod development;
pub mod open;
mod report;
pub mod research;
pub mod roster;
mod shifts;
pub mod signals;
pub mod stock;
mod sync;
mod volunteers;

use crate::{Action, Actor, Clock, HubId, HubSlug, JournalRecord, Result, Store, authorize};
use std::sync::Arc;

/// One hub (a shop with its activities) in a store. Cheap to clone.
///
/// `S` is the store type: `Hub` (= `Hub<dyn Store>`) for a store picked at
/// run time from a URL, or a concrete store such as `Hub<MemoryStore>`
/// (see [`Hub::with_store`]), which dispatches statically so a build links
/// only the store methods it calls — the WebAssembly package does this.
pub struct Hub<S: Store + ?Sized = dyn Store> {
    store: Arc<S>,
    clock: Arc<dyn Clock>,
    id: HubId,
    slug: HubSlug,
}

impl<S: Store + ?Sized> Clone for Hub<S> {
    fn clone(&self) -> Self {
        Hub {
            store: self.store.clone(),
            clock: self.clock.clone(),
            id: self.id,
            slug: self.slug.clone(),
        }
    }
}

impl<S: Store + ?Sized> std::fmt::Debug for Hub<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("slug", &self.slug)
            .field("id", &self.id)
            .finish()
    }
}

/// Most journal entries one call returns.
pub const JOURNAL_PAGE_MAX: u32 = 10_000;

impl<S: Store + ?Sized> Hub<S> {
    /// The hub's id.
    pub fn id(&self) -> HubId {
        self.id
    }

    /// The hub's slug.
    pub fn slug(&self) -> &HubSlug {
        &self.slug
    }

    /// The hub's clock.
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Journal entries after position `after` (0 for the start), oldest
    /// first, at most `limit` (1–10 000). Admins only.
    pub async fn journal(
        &self,
        actor: &Actor,
        after: i64,
        limit: u32,
    ) -> Result<Vec<JournalRecord>> {
        authorize(actor, Action::ReadJournal)?;
        if !(1..=JOURNAL_PAGE_MAX).contains(&limit) {
            return Err(crate::Error::validation(
                "limit",
                format!("must be between 1 and {JOURNAL_PAGE_MAX}"),
            ));
        }
        self.store.journal(self.id, after.max(0), limit).await
    }
}
