//! Hub operations on volunteers.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, JournalEntry, NewVolunteer, Result, StatusChange, Volunteer, VolunteerId,
    VolunteerStatus, VolunteerUpdate, authorize,
};
use chrono::NaiveDate;

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Registers a volunteer (coordinators, admins).
    pub async fn register_volunteer(
        &self,
        actor: &Actor,
        input: NewVolunteer,
    ) -> Result<Volunteer> {
        authorize(actor, Action::RegisterVolunteer)?;
        let clock = self.clock();
        let v = Volunteer::register(VolunteerId::generate(clock), input, clock.today())?;
        let entry = JournalEntry::new(
            clock,
            actor,
            "volunteer.registered",
            VolunteerId::ENTITY,
            v.id,
            detail(&v),
        );
        self.store.insert_volunteer(self.id, &v, &entry).await?;
        Ok(v)
    }

    /// Changes a volunteer's details (coordinators, admins).
    pub async fn update_volunteer(
        &self,
        actor: &Actor,
        id: VolunteerId,
        update: VolunteerUpdate,
    ) -> Result<Volunteer> {
        authorize(actor, Action::UpdateVolunteer)?;
        let current = self.store.volunteer(self.id, id).await?;
        let next = current.apply(update, self.clock().today())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "volunteer.updated",
            VolunteerId::ENTITY,
            id,
            detail(&next),
        );
        self.store
            .update_volunteer(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Moves a volunteer to another status (coordinators, admins), from `on`
    /// (default today). Pausing, leaving and returning need a reason.
    pub async fn change_volunteer_status(
        &self,
        actor: &Actor,
        id: VolunteerId,
        to: VolunteerStatus,
        reason: Option<&str>,
        on: Option<NaiveDate>,
    ) -> Result<Volunteer> {
        authorize(actor, Action::ChangeVolunteerStatus)?;
        let change = StatusChange::new(to, on.unwrap_or_else(|| self.clock().today()), reason)?;
        let current = self.store.volunteer(self.id, id).await?;
        let next = current.change_status(change)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "volunteer.status_changed",
            VolunteerId::ENTITY,
            id,
            serde_json::json!({ "from": current.status, "to": next.status, "on": next.status_since, "reason": next.status_reason }),
        );
        self.store
            .update_volunteer(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// One volunteer: coordinators and admins any, a volunteer their own.
    pub async fn volunteer(&self, actor: &Actor, id: VolunteerId) -> Result<Volunteer> {
        authorize(actor, Action::ReadVolunteer)?.permits(actor, Action::ReadVolunteer, id)?;
        self.store.volunteer(self.id, id).await
    }

    /// All volunteers, optionally of one status, by name (coordinators, admins).
    pub async fn volunteers(
        &self,
        actor: &Actor,
        status: Option<VolunteerStatus>,
    ) -> Result<Vec<Volunteer>> {
        authorize(actor, Action::ListVolunteers)?;
        self.store.volunteers(self.id, status).await
    }
}
