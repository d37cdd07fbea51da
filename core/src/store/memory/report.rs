//! The hub report's aggregates in memory: each part is summed by the data
//! it belongs to, under one lock (one snapshot).

use super::{HubData, MemoryStore, hub_ref};
use crate::store::ReportStore;
use crate::{HubCounts, HubId, Period, Result, VolunteerCounts, VolunteerStatus};
use std::collections::BTreeSet;

impl HubData {
    fn volunteer_counts(&self, period: Period) -> VolunteerCounts {
        let active: BTreeSet<_> = self.worked(period).map(|s| s.volunteer_id).collect();
        let vs = || self.volunteers.values();
        VolunteerCounts {
            active: active.len() as u64,
            started: vs().filter(|v| period.contains(v.start_date)).count() as u64,
            left: vs()
                .filter(|v| v.status == VolunteerStatus::Left && period.contains(v.status_since))
                .count() as u64,
        }
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl ReportStore for MemoryStore {
    async fn hub_counts(&self, hub: HubId, period: Period) -> Result<HubCounts> {
        let st = self.lock();
        let data = hub_ref(&st, hub)?;
        Ok(HubCounts {
            volunteers: data.volunteer_counts(period),
            ladder: data.development.ladder_counts(period),
            courses: data.courses.course_counts(period),
            sales: data.stock.sale_counts(period),
        })
    }
}
