//! Hub operations on opening hours, roster gaps and VOG expiry.

use super::Hub;
use super::shifts::own_rows;
use crate::journal::detail;
use crate::{
    Action, Actor, Error, JournalEntry, OpeningHours, OpeningSlot, Period, Result, RosterGap,
    ShiftQuery, VogStatus, authorize, roster_gaps,
};

/// Longest period [`Hub::roster_gaps`] accepts, in days.
pub const ROSTER_GAP_MAX_DAYS: i64 = 92;

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Replaces the weekly opening hours and staffing needs (coordinators, admins).
    pub async fn set_opening_hours(
        &self,
        actor: &Actor,
        slots: Vec<OpeningSlot>,
    ) -> Result<OpeningHours> {
        authorize(actor, Action::ManageHubSettings)?;
        let hours = OpeningHours::new(slots)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "hub.opening_hours_set",
            "hub",
            self.id,
            detail(&hours),
        );
        self.store
            .set_opening_hours(self.id, &hours, &entry)
            .await?;
        Ok(hours)
    }

    /// The weekly opening hours (every role may read).
    pub async fn opening_hours(&self, actor: &Actor) -> Result<OpeningHours> {
        authorize(actor, Action::ReadAggregates)?;
        self.store.opening_hours(self.id).await
    }

    /// Where the roster falls short of the opening hours' staffing needs in
    /// `period` (at most 92 days; e.g. `Period::week_of(date)`), each gap with
    /// the volunteers who could fill it (by role, status and availability).
    pub async fn roster_gaps(&self, actor: &Actor, period: Period) -> Result<Vec<RosterGap>> {
        authorize(actor, Action::ReadRoster)?;
        if (period.to() - period.from()).num_days() >= ROSTER_GAP_MAX_DAYS {
            return Err(Error::validation(
                "period",
                format!("roster gaps cover at most {ROSTER_GAP_MAX_DAYS} days"),
            ));
        }
        let hours = self.store.opening_hours(self.id).await?;
        let query = ShiftQuery {
            period,
            volunteer: None,
            include_cancelled: false,
        };
        let shifts = self.store.shifts(self.id, &query).await?;
        let volunteers = self.store.volunteers(self.id, None).await?;
        Ok(roster_gaps(&hours, &shifts, &volunteers, period))
    }

    /// Volunteers (not left) whose VOG is missing, expired, or expires within
    /// `within_days` (at most 3650). Coordinators and admins see everyone; a
    /// volunteer only their own.
    pub async fn vog_expiring(&self, actor: &Actor, within_days: u32) -> Result<Vec<VogStatus>> {
        let scope = authorize(actor, Action::ReadVolunteerReports)?;
        if within_days > 3650 {
            return Err(Error::validation("within_days", "at most 3650 days"));
        }
        let today = self.clock().today();
        let all = self.store.volunteers(self.id, None).await?;
        let mut out: Vec<VogStatus> = all
            .iter()
            .filter_map(|v| v.vog_status(today, within_days))
            .collect();
        crate::order::sort_by_key(&mut out, |s| {
            (s.expires_on.is_some(), s.expires_on, s.display_name.clone())
        });
        Ok(own_rows(scope, out, |s| s.volunteer_id))
    }
}
