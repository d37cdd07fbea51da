//! Hub operations on shifts, hours and milestones.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, HoursByRole, HoursByVolunteer, JournalEntry, MilestoneReached, NewShift, Period,
    Result, Scope, Shift, ShiftId, ShiftQuery, TimeSpan, VolunteerId, authorize,
    milestones_reached,
};

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Puts a shift on the roster (coordinators, admins). The volunteer must
    /// be prospect or active and hold the role; overlapping shifts are refused.
    pub async fn plan_shift(&self, actor: &Actor, input: NewShift) -> Result<Shift> {
        authorize(actor, Action::ManageShifts)?;
        let shift = Shift::plan(ShiftId::generate(self.clock()), input)?;
        self.insert_shift(actor, shift, "shift.planned").await
    }

    /// Records a shift that was worked without being planned (coordinators,
    /// admins). It cannot lie in the future.
    pub async fn record_shift(&self, actor: &Actor, input: NewShift) -> Result<Shift> {
        authorize(actor, Action::ManageShifts)?;
        let shift = Shift::worked(ShiftId::generate(self.clock()), input, self.clock().today())?;
        self.insert_shift(actor, shift, "shift.recorded").await
    }

    async fn insert_shift(&self, actor: &Actor, shift: Shift, action: &str) -> Result<Shift> {
        let v = self.store.volunteer(self.id, shift.volunteer_id).await?;
        v.check_can_work(shift.role)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            action,
            ShiftId::ENTITY,
            shift.id,
            detail(&shift),
        );
        // The store re-checks the volunteer's version (so a concurrent status
        // change cannot slip through) and refuses overlaps atomically.
        self.store
            .insert_shift(self.id, &shift, v.version, &entry)
            .await?;
        Ok(shift)
    }

    /// Marks a planned shift as worked, optionally with the times actually
    /// worked (coordinators, admins).
    pub async fn complete_shift(
        &self,
        actor: &Actor,
        id: ShiftId,
        actual: Option<TimeSpan>,
    ) -> Result<Shift> {
        authorize(actor, Action::ManageShifts)?;
        let current = self.store.shift(self.id, id).await?;
        let next = current.complete(actual, self.clock().today())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "shift.worked",
            ShiftId::ENTITY,
            id,
            detail(&next),
        );
        self.store
            .update_shift(self.id, &next, current.status, &entry)
            .await?;
        Ok(next)
    }

    /// Cancels a planned shift (coordinators, admins).
    pub async fn cancel_shift(
        &self,
        actor: &Actor,
        id: ShiftId,
        reason: Option<&str>,
    ) -> Result<Shift> {
        authorize(actor, Action::ManageShifts)?;
        let current = self.store.shift(self.id, id).await?;
        let next = current.cancel(reason)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "shift.cancelled",
            ShiftId::ENTITY,
            id,
            detail(&next),
        );
        self.store
            .update_shift(self.id, &next, current.status, &entry)
            .await?;
        Ok(next)
    }

    /// The roster: live shifts in `period` (cancelled ones too if asked),
    /// optionally of one volunteer. Volunteers, coordinators, admins.
    pub async fn shifts(
        &self,
        actor: &Actor,
        period: Period,
        volunteer: Option<VolunteerId>,
        include_cancelled: bool,
    ) -> Result<Vec<Shift>> {
        authorize(actor, Action::ReadRoster)?;
        let query = ShiftQuery {
            period,
            volunteer,
            include_cancelled,
        };
        self.store.shifts(self.id, &query).await
    }

    /// Worked hours per volunteer in `period`, aggregated in the store.
    /// Coordinators and admins see everyone; a volunteer only their own row.
    pub async fn hours_by_volunteer(
        &self,
        actor: &Actor,
        period: Period,
    ) -> Result<Vec<HoursByVolunteer>> {
        let scope = authorize(actor, Action::ReadVolunteerReports)?;
        let rows = self.store.hours_by_volunteer(self.id, period).await?;
        Ok(own_rows(scope, rows, |r| r.volunteer_id))
    }

    /// Worked hours per role in `period` (no names; every role may read).
    pub async fn hours_by_role(&self, actor: &Actor, period: Period) -> Result<Vec<HoursByRole>> {
        authorize(actor, Action::ReadAggregates)?;
        self.store.hours_by_role(self.id, period).await
    }

    /// Hour milestones (50/100/250/500/1000) passed within `period`.
    /// Coordinators and admins see everyone; a volunteer only their own.
    pub async fn milestones(&self, actor: &Actor, period: Period) -> Result<Vec<MilestoneReached>> {
        let scope = authorize(actor, Action::ReadVolunteerReports)?;
        let through = self
            .store
            .hours_by_volunteer(self.id, Period::up_to(period.to()))
            .await?;
        let before = match period.from().pred_opt() {
            Some(day) if period.from() > crate::calendar::first_date() => {
                self.store
                    .hours_by_volunteer(self.id, Period::up_to(day))
                    .await?
            }
            _ => Vec::new(),
        };
        Ok(own_rows(
            scope,
            milestones_reached(&before, &through),
            |m| m.volunteer_id,
        ))
    }
}

/// Keeps only the actor's own rows when the grant is `Own`.
pub(super) fn own_rows<T>(scope: Scope, rows: Vec<T>, key: impl Fn(&T) -> VolunteerId) -> Vec<T> {
    match scope {
        Scope::All => rows,
        Scope::Own(me) => rows.into_iter().filter(|r| key(r) == me).collect(),
    }
}
