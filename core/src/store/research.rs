//! The storage contract of the research tables. The conformance suite
//! (`tests/conformance/research.rs`) shows the behaviour.

use crate::research::{BatchBuilder, HubSecret, ResearchCursor, ResearchTable};
use crate::{HubId, Period, Result};

/// Raw rows of the research tables, page by page, and the hub's research
/// secret.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait ResearchStore: Send + Sync {
    /// The hub's research secret. On first use `candidate` is stored and
    /// returned; afterwards the stored one, whatever the candidate (two
    /// racing first calls get the same secret). Not journalled.
    async fn research_secret(&self, hub: HubId, candidate: &HubSecret) -> Result<HubSecret>;

    /// Pushes at most `limit` raw rows of `table` into `out`, each in the
    /// column order of [`ResearchTable::columns`], sorted by their position
    /// and starting after `after` (from the start when `None`), and sets
    /// the position of the last row. With a `period`, only rows whose date
    /// (the table's date column, see `docs/research.md`) lies in it.
    /// Identifiers are raw: the builder pseudonymises them. Each call is one
    /// read; no call loads more than `limit` rows (the SQL stores page by
    /// keyset on the primary key).
    async fn research_rows(
        &self,
        hub: HubId,
        table: ResearchTable,
        period: Option<Period>,
        after: Option<&ResearchCursor>,
        limit: usize,
        out: &mut BatchBuilder<'_>,
    ) -> Result<()>;
}
