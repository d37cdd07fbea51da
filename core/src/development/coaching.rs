//! Coaching: a coach (a volunteer with the coordinator role) and a
//! volunteer, goals, dated sessions with notes, open until closed with an
//! outcome. At most one open coaching per volunteer.

use crate::text::parse_optional;
use crate::{
    Clock, CoachingId, Error, Note, Reason, Result, Volunteer, VolunteerId, VolunteerRole,
    code_list,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Most goals one coaching trajectory has.
pub const MAX_GOALS: usize = 10;

code_list! {
    /// Whether a coaching trajectory runs.
    pub enum CoachingStatus: "coaching_status" {
        /// Running.
        Open = ("open", "lopend", "open"),
        /// Finished, with an outcome.
        Closed = ("closed", "afgesloten", "closed"),
    }
}

code_list! {
    /// How a coaching trajectory ended.
    pub enum CoachingOutcome: "coaching_outcome" {
        /// The goals were met.
        GoalsMet = ("goals_met", "doelen bereikt", "goals met"),
        /// Some of them.
        PartlyMet = ("partly_met", "deels bereikt", "partly met"),
        /// None of them.
        NotMet = ("not_met", "niet bereikt", "not met"),
        /// Stopped early.
        Stopped = ("stopped", "voortijdig gestopt", "stopped"),
    }
}

/// One coaching session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoachingSession {
    /// The day.
    pub on: NaiveDate,
    /// The coach's note (coordinators and admins only).
    pub note: Option<Note>,
}

/// A coaching trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coaching {
    /// Id.
    pub id: CoachingId,
    /// Who is coached.
    pub volunteer_id: VolunteerId,
    /// The coach.
    pub coach_id: VolunteerId,
    /// What they work on.
    pub goals: Vec<Reason>,
    /// Started on.
    pub opened_on: NaiveDate,
    /// Open or closed.
    pub status: CoachingStatus,
    /// How it ended.
    pub outcome: Option<CoachingOutcome>,
    /// Closed on.
    pub closed_on: Option<NaiveDate>,
    /// The sessions, by date.
    pub sessions: Vec<CoachingSession>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// Input for a new coaching trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCoaching {
    /// Who is coached.
    pub volunteer: VolunteerId,
    /// The coach (a volunteer with the coordinator role).
    pub coach: VolunteerId,
    /// Goals (1–10).
    pub goals: Vec<String>,
    /// Start (default today).
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
}

impl Coaching {
    /// Validates a new coaching trajectory.
    pub fn open(
        id: CoachingId,
        input: NewCoaching,
        volunteer: &Volunteer,
        coach: &Volunteer,
        clock: &dyn Clock,
    ) -> Result<Coaching> {
        if volunteer.id == coach.id {
            return Err(Error::validation(
                "coach",
                "a volunteer does not coach themselves",
            ));
        }
        if !coach.roles.contains(&VolunteerRole::Coordinator) {
            return Err(Error::validation(
                "coach",
                format!("{} does not have the coordinator role", coach.display_name),
            ));
        }
        if input.goals.is_empty() || input.goals.len() > MAX_GOALS {
            return Err(Error::validation(
                "goals",
                format!("name 1 to {MAX_GOALS} goals"),
            ));
        }
        let goals = input
            .goals
            .iter()
            .map(|g| Reason::parse(g).map_err(|e| Error::validation("goals", e.to_string())))
            .collect::<Result<Vec<Reason>>>()?;
        let today = clock.today();
        let opened_on = input.opened_on.unwrap_or(today);
        if opened_on > today || opened_on < volunteer.start_date {
            return Err(Error::validation(
                "opened_on",
                format!(
                    "{opened_on} is not between {} and today",
                    volunteer.start_date
                ),
            ));
        }
        Ok(Coaching {
            id,
            volunteer_id: volunteer.id,
            coach_id: coach.id,
            goals,
            opened_on,
            status: CoachingStatus::Open,
            outcome: None,
            closed_on: None,
            sessions: Vec::new(),
            version: 1,
        })
    }

    fn require_open(&self) -> Result<()> {
        match self.status {
            CoachingStatus::Open => Ok(()),
            CoachingStatus::Closed => {
                Err(Error::Conflict(format!("coaching {} is closed", self.id)))
            }
        }
    }

    fn check_day(&self, on: NaiveDate, today: NaiveDate) -> Result<()> {
        if on < self.opened_on || on > today {
            return Err(Error::validation(
                "on",
                format!("{on} is not between {} and today", self.opened_on),
            ));
        }
        Ok(())
    }

    /// Adds a session to an open trajectory.
    pub fn with_session(
        &self,
        on: Option<NaiveDate>,
        note: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Coaching> {
        self.require_open()?;
        let on = on.unwrap_or(clock.today());
        self.check_day(on, clock.today())?;
        let mut next = self.clone();
        next.sessions.push(CoachingSession {
            on,
            note: parse_optional(note, |s| Note::parse(s))?,
        });
        crate::order::sort_by_key(&mut next.sessions, |s| s.on);
        next.version += 1;
        Ok(next)
    }

    /// Closes an open trajectory with an outcome.
    pub fn closed(
        &self,
        outcome: CoachingOutcome,
        on: Option<NaiveDate>,
        clock: &dyn Clock,
    ) -> Result<Coaching> {
        self.require_open()?;
        let on = on.unwrap_or(clock.today());
        self.check_day(on, clock.today())?;
        let mut next = self.clone();
        next.status = CoachingStatus::Closed;
        next.outcome = Some(outcome);
        next.closed_on = Some(on);
        next.version += 1;
        Ok(next)
    }

    /// This trajectory without the coach's notes (for the coached volunteer).
    pub fn without_notes(mut self) -> Coaching {
        for s in &mut self.sessions {
            s.note = None;
        }
        self
    }
}
