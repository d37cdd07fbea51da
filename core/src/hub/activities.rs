//! Hub operations on activities: activities and their schedules, sessions
//! (generated idempotently, cancelled, extra), attendance, residents
//! registered with consent, residents' ideas, the table tally and the
//! activity report.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Activity, ActivityId, ActivityReport, ActivityStatus, Actor, Error, Idea, IdeaId,
    IdeaStatus, IdeaStatusChange, JournalEntry, NewActivity, NewAttendance, NewIdea, NewResident,
    NewSchedule, NewTally, Period, Resident, ResidentId, Result, Role, Schedule, ScheduleId,
    Session, SessionId, SessionQuery, TableTally, TimeSpan, authorize, check_generate_period,
};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use serde_json::json;

/// What setting a schedule did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleChange {
    /// The new schedule.
    pub schedule: Schedule,
    /// Planned sessions of the earlier schedule from its start on that were
    /// removed (never held or cancelled ones, never past ones).
    pub removed_sessions: u64,
}

impl<S: crate::Store + ?Sized> Hub<S> {
    async fn check_leaders(&self, activity: &Activity) -> Result<()> {
        for v in &activity.leaders {
            self.store.volunteer(self.id, *v).await?;
        }
        Ok(())
    }

    /// Creates an activity (coordinators, admins); its leaders must be volunteers of the hub.
    pub async fn create_activity(&self, actor: &Actor, input: NewActivity) -> Result<Activity> {
        authorize(actor, Action::ManageActivities)?;
        let a = Activity::build(ActivityId::generate(self.clock()), input, 1)?;
        self.check_leaders(&a).await?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "activity.created",
            ActivityId::ENTITY,
            a.id,
            detail(&a),
        );
        self.store.insert_activity(self.id, &a, &entry).await?;
        Ok(a)
    }

    /// Replaces an activity's details (coordinators, admins).
    pub async fn update_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        input: NewActivity,
    ) -> Result<Activity> {
        authorize(actor, Action::ManageActivities)?;
        let current = self.store.activity(self.id, id).await?;
        let next = current.replaced(input)?;
        self.check_leaders(&next).await?;
        self.save_activity(actor, &current, next).await
    }

    /// Archives an activity or makes it active again (coordinators, admins).
    pub async fn set_activity_status(
        &self,
        actor: &Actor,
        id: ActivityId,
        status: ActivityStatus,
    ) -> Result<Activity> {
        authorize(actor, Action::ManageActivities)?;
        let current = self.store.activity(self.id, id).await?;
        let next = current.with_status(status);
        self.save_activity(actor, &current, next).await
    }

    async fn save_activity(
        &self,
        actor: &Actor,
        current: &Activity,
        next: Activity,
    ) -> Result<Activity> {
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "activity.updated",
            ActivityId::ENTITY,
            next.id,
            detail(&next),
        );
        self.store
            .update_activity(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// One activity.
    pub async fn activity(&self, actor: &Actor, id: ActivityId) -> Result<Activity> {
        authorize(actor, Action::ReadActivities)?;
        self.store.activity(self.id, id).await
    }

    /// The activities by name, archived ones only when asked.
    pub async fn activities(&self, actor: &Actor, include_archived: bool) -> Result<Vec<Activity>> {
        authorize(actor, Action::ReadActivities)?;
        let mut all = self.store.activities(self.id).await?;
        all.retain(|a| include_archived || a.is_active());
        Ok(all)
    }

    /// Gives an activity a (new) schedule (coordinators, admins). A first
    /// schedule may start in the past; a change starts today or later: the
    /// earlier schedule ends the day before, and its planned sessions from
    /// then on are removed. Past sessions are never rewritten.
    pub async fn set_schedule(
        &self,
        actor: &Actor,
        activity: ActivityId,
        input: NewSchedule,
    ) -> Result<ScheduleChange> {
        authorize(actor, Action::ManageActivities)?;
        let a = self.store.activity(self.id, activity).await?;
        if !a.is_active() {
            return Err(Error::Conflict(format!("activity {} is archived", a.name)));
        }
        let schedule = Schedule::new(ScheduleId::generate(self.clock()), activity, input)?;
        let today = self.clock().today();
        let earlier = self.store.schedules(self.id, activity).await?;
        if !earlier.is_empty() && schedule.starts_on < today {
            return Err(Error::validation(
                "starts_on",
                format!(
                    "a changed schedule starts today ({today}) or later, so past sessions stay as they were"
                ),
            ));
        }
        let day_before = schedule.starts_on - Duration::days(1);
        let ended: Vec<Schedule> = earlier
            .into_iter()
            .filter(|s| !s.ends_before(schedule.starts_on))
            .map(|mut s| {
                s.until = Some(day_before);
                s
            })
            .collect();
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "activity.schedule_set",
            ScheduleId::ENTITY,
            schedule.id,
            json!({ "schedule": schedule, "ended": ended.iter().map(|s| s.id).collect::<Vec<_>>() }),
        );
        let removed_sessions = self
            .store
            .insert_schedule(self.id, &schedule, &ended, schedule.starts_on, &entry)
            .await?;
        Ok(ScheduleChange {
            schedule,
            removed_sessions,
        })
    }

    /// An activity's schedules, oldest first.
    pub async fn schedules(&self, actor: &Actor, activity: ActivityId) -> Result<Vec<Schedule>> {
        authorize(actor, Action::ReadActivities)?;
        self.store.activity(self.id, activity).await?;
        self.store.schedules(self.id, activity).await
    }

    /// Generates the sessions of one activity (or of every active one) in a
    /// period of at most 400 days from their schedules (coordinators,
    /// admins). Idempotent: sessions that exist (also cancelled ones) are
    /// left alone. Returns how many were made.
    pub async fn generate_sessions(
        &self,
        actor: &Actor,
        activity: Option<ActivityId>,
        period: Period,
    ) -> Result<u64> {
        authorize(actor, Action::ManageActivities)?;
        check_generate_period(period)?;
        let activities = match activity {
            Some(id) => {
                let a = self.store.activity(self.id, id).await?;
                if !a.is_active() {
                    return Err(Error::Conflict(format!("activity {} is archived", a.name)));
                }
                vec![a]
            }
            None => {
                let mut all = self.store.activities(self.id).await?;
                all.retain(Activity::is_active);
                all
            }
        };
        let mut sessions = Vec::new();
        for a in &activities {
            for s in self.store.schedules(self.id, a.id).await? {
                for date in s.dates_in(period) {
                    sessions.push(Session::scheduled(
                        SessionId::generate(self.clock()),
                        &s,
                        date,
                    ));
                }
            }
        }
        if sessions.is_empty() {
            return Ok(0);
        }
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "sessions.generated",
            ActivityId::ENTITY,
            activity.map_or_else(|| "all".to_string(), |a| a.to_string()),
            json!({ "period": period, "activity": activity }),
        );
        self.store.insert_sessions(self.id, &sessions, &entry).await
    }

    /// Adds an extra session outside the schedule (coordinators, admins);
    /// `Conflict` when the activity already has a session then.
    pub async fn add_session(
        &self,
        actor: &Actor,
        activity: ActivityId,
        date: NaiveDate,
        span: TimeSpan,
    ) -> Result<Session> {
        authorize(actor, Action::ManageActivities)?;
        let a = self.store.activity(self.id, activity).await?;
        let s = Session::extra(SessionId::generate(self.clock()), &a, date, span)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "session.added",
            SessionId::ENTITY,
            s.id,
            detail(&s),
        );
        if self
            .store
            .insert_sessions(self.id, std::slice::from_ref(&s), &entry)
            .await?
            == 0
        {
            return Err(Error::Conflict(format!(
                "{} already has a session on {date} at {}",
                a.name,
                crate::calendar::HhMm(span.start())
            )));
        }
        Ok(s)
    }

    /// Cancels a planned session that was not held, with a reason
    /// (coordinators, admins).
    pub async fn cancel_session(
        &self,
        actor: &Actor,
        id: SessionId,
        reason: &str,
    ) -> Result<Session> {
        authorize(actor, Action::ManageActivities)?;
        let current = self.store.session(self.id, id).await?;
        let next = current.cancelled(reason)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "session.cancelled",
            SessionId::ENTITY,
            id,
            json!({ "reason": next.cancel_reason }),
        );
        self.store
            .update_session(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Records (or corrects) who came to a session (volunteers,
    /// coordinators, admins). See [`Session::attended`] for the rules.
    pub async fn record_attendance(
        &self,
        actor: &Actor,
        id: SessionId,
        input: NewAttendance,
    ) -> Result<Session> {
        authorize(actor, Action::RecordAttendance)?;
        let current = self.store.session(self.id, id).await?;
        let activity = self.store.activity(self.id, current.activity_id).await?;
        let next = current.attended(input, activity.capacity, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "session.attendance_recorded",
            SessionId::ENTITY,
            id,
            detail(&next.attendance),
        );
        self.store
            .update_session(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// One session.
    pub async fn session(&self, actor: &Actor, id: SessionId) -> Result<Session> {
        authorize(actor, Action::ReadActivities)?;
        self.store.session(self.id, id).await
    }

    /// Sessions in a period (of one activity, or all), by date and time.
    pub async fn sessions(
        &self,
        actor: &Actor,
        activity: Option<ActivityId>,
        period: Period,
    ) -> Result<Vec<Session>> {
        authorize(actor, Action::ReadActivities)?;
        self.store
            .sessions(self.id, &SessionQuery { activity, period })
            .await
    }

    /// Registers a resident by first name or pseudonym, with their consent,
    /// so they can be named in attendance (volunteers, coordinators, admins).
    pub async fn register_resident(&self, actor: &Actor, input: NewResident) -> Result<Resident> {
        authorize(actor, Action::ManageResidents)?;
        let r = Resident::register(
            ResidentId::generate(self.clock()),
            input,
            self.clock(),
            actor,
        )?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "resident.registered",
            ResidentId::ENTITY,
            r.id,
            json!({ "consentOn": r.consent_on }),
        );
        self.store.insert_resident(self.id, &r, &entry).await?;
        Ok(r)
    }

    /// The registered residents by name; only coordinators and admins see
    /// their contacts.
    pub async fn residents(&self, actor: &Actor) -> Result<Vec<Resident>> {
        authorize(actor, Action::ManageResidents)?;
        let mut all = self.store.residents(self.id).await?;
        if !matches!(actor.role(), Role::Coordinator | Role::Admin) {
            for r in &mut all {
                r.contact = None;
            }
        }
        Ok(all)
    }

    /// Forgets a resident (they withdrew consent): the record goes, and so
    /// does their name from every attendance; headcounts stay.
    pub async fn forget_resident(&self, actor: &Actor, id: ResidentId) -> Result<()> {
        authorize(actor, Action::ManageResidents)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "resident.forgotten",
            ResidentId::ENTITY,
            id,
            json!({}),
        );
        self.store.delete_resident(self.id, id, &entry).await
    }

    /// Writes down a resident's idea (volunteers, coordinators, admins).
    pub async fn submit_idea(&self, actor: &Actor, input: NewIdea) -> Result<Idea> {
        authorize(actor, Action::SubmitIdea)?;
        let idea = Idea::submit(IdeaId::generate(self.clock()), input, self.clock())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "idea.submitted",
            IdeaId::ENTITY,
            idea.id,
            json!({ "title": idea.title, "submittedOn": idea.submitted_on }),
        );
        self.store.insert_idea(self.id, &idea, &entry).await?;
        Ok(self.idea_for(actor, idea))
    }

    /// Moves an idea along its pipeline (coordinators, admins).
    pub async fn change_idea(
        &self,
        actor: &Actor,
        id: IdeaId,
        change: IdeaStatusChange,
    ) -> Result<Idea> {
        authorize(actor, Action::ManageIdeas)?;
        let current = self.store.idea(self.id, id).await?;
        let next = current.changed(change, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "idea.status_changed",
            IdeaId::ENTITY,
            id,
            detail(&next.history.last()),
        );
        self.store
            .update_idea(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Only coordinators and admins see a resident's contact.
    fn idea_for(&self, actor: &Actor, mut idea: Idea) -> Idea {
        if !matches!(actor.role(), Role::Coordinator | Role::Admin) {
            idea.contact = None;
        }
        idea
    }

    /// One idea.
    pub async fn idea(&self, actor: &Actor, id: IdeaId) -> Result<Idea> {
        authorize(actor, Action::ReadIdeas)?;
        Ok(self.idea_for(actor, self.store.idea(self.id, id).await?))
    }

    /// Ideas, optionally of one status, oldest first.
    pub async fn ideas(&self, actor: &Actor, status: Option<IdeaStatus>) -> Result<Vec<Idea>> {
        authorize(actor, Action::ReadIdeas)?;
        let ideas = self.store.ideas(self.id, status).await?;
        Ok(ideas.into_iter().map(|i| self.idea_for(actor, i)).collect())
    }

    /// Records a day's table tally, once per day (volunteers, coordinators, admins).
    pub async fn record_tally(&self, actor: &Actor, input: NewTally) -> Result<TableTally> {
        authorize(actor, Action::RecordTally)?;
        let t = TableTally::build(input, 1, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "tally.recorded",
            "table_tally",
            t.date,
            detail(&t),
        );
        self.store.insert_tally(self.id, &t, &entry).await?;
        Ok(t)
    }

    /// Corrects a recorded day's tally.
    pub async fn correct_tally(&self, actor: &Actor, input: NewTally) -> Result<TableTally> {
        authorize(actor, Action::RecordTally)?;
        let date = input.date.unwrap_or_else(|| self.clock().today());
        let current = self
            .store
            .tally(self.id, date)
            .await?
            .ok_or_else(|| Error::not_found("table_tally", date))?;
        let t = TableTally::build(input, current.version + 1, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "tally.corrected",
            "table_tally",
            t.date,
            detail(&t),
        );
        self.store
            .update_tally(self.id, &t, current.version, &entry)
            .await?;
        Ok(t)
    }

    /// The tallies of a period, by date (every role: counts only).
    pub async fn tallies(&self, actor: &Actor, period: Period) -> Result<Vec<TableTally>> {
        authorize(actor, Action::ReadAggregates)?;
        self.store.tallies(self.id, period).await
    }

    /// Sessions held and cancelled, attendance and first-timers per activity
    /// per month, average attendance against capacity, ideas by status and
    /// the tally per week — aggregated in the store. Researchers get counts
    /// of people from 1 to the threshold − 1 hidden.
    pub async fn activity_report(&self, actor: &Actor, period: Period) -> Result<ActivityReport> {
        authorize(actor, Action::ReadAggregates)?;
        let threshold = match actor.role() {
            Role::Researcher => Some(
                self.store
                    .signal_policy(self.id)
                    .await?
                    .unwrap_or_default()
                    .suppression_threshold(),
            ),
            _ => None,
        };
        let counts = self.store.activity_counts(self.id, period).await?;
        Ok(ActivityReport::publish(period, &counts, threshold))
    }
}
