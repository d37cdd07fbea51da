//! The storage contract of the hub report's own aggregates (the rest of the
//! report reuses the other stores' aggregates). The conformance suite
//! (`tests/conformance/report.rs`) shows the behaviour.

use crate::{HubCounts, HubId, Period, Result};

/// Aggregates for the hub report, computed by the store (in SQL for the
/// SQL backends: no rows are loaded to be counted).
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait ReportStore: Send + Sync {
    /// Volunteers active, started and left, ladder movement, courses
    /// running with their participants and completions, and the number of
    /// sales and refunds in `period` (see [`HubCounts`] for each
    /// definition), from one snapshot. `NotFound` for an unknown hub.
    async fn hub_counts(&self, hub: HubId, period: Period) -> Result<HubCounts>;
}
