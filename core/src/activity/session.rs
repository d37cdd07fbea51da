//! Sessions: one occurrence of an activity, generated from its schedule or
//! added as an extra, possibly cancelled, with its attendance once held.

use super::{Activity, Schedule, SessionStatus};
use crate::{
    ActivityId, Actor, ActorName, Clock, Error, Reason, ResidentId, Result, ScheduleId, SessionId,
    TimeSpan, VolunteerId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Most named participants one session records.
pub const MAX_PARTICIPANTS: usize = 1_000;
/// Largest headcount accepted.
pub const MAX_HEADCOUNT: u32 = 10_000;

/// One session of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Id.
    pub id: SessionId,
    /// The activity.
    pub activity_id: ActivityId,
    /// The day.
    pub date: NaiveDate,
    /// The time of day.
    pub span: TimeSpan,
    /// The schedule it came from (`None` for an extra session).
    pub schedule_id: Option<ScheduleId>,
    /// Planned or cancelled.
    pub status: SessionStatus,
    /// Why it was cancelled.
    pub cancel_reason: Option<Reason>,
    /// Who came, once recorded.
    pub attendance: Option<Attendance>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// A named participant: a volunteer, or a resident registered with consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Participant {
    /// A volunteer of the hub.
    Volunteer(VolunteerId),
    /// A registered resident.
    Resident(ResidentId),
}

/// Who came to a session: an anonymous headcount (with how many came for
/// the first time) and/or named participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attendance {
    /// Everyone who came, named or not.
    pub headcount: u32,
    /// How many of them came for the first time.
    pub first_timers: u32,
    /// The named participants (sorted, no repeats).
    pub participants: Vec<Participant>,
    /// Who recorded it.
    pub recorded_by: ActorName,
    /// When.
    pub recorded_at: DateTime<Utc>,
}

/// Input for attendance (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAttendance {
    /// Everyone who came (at least the named participants; 0 when only
    /// participants are given means "just them").
    #[serde(default)]
    pub headcount: Option<u32>,
    /// How many came for the first time (default 0).
    #[serde(default)]
    pub first_timers: u32,
    /// Named participants.
    #[serde(default)]
    pub participants: Vec<Participant>,
}

impl Session {
    /// A planned session of `schedule` on `date`.
    pub fn scheduled(id: SessionId, schedule: &Schedule, date: NaiveDate) -> Session {
        Session {
            id,
            activity_id: schedule.activity_id,
            date,
            span: schedule.span,
            schedule_id: Some(schedule.id),
            status: SessionStatus::Planned,
            cancel_reason: None,
            attendance: None,
            version: 1,
        }
    }

    /// An extra session of an active activity.
    pub fn extra(
        id: SessionId,
        activity: &Activity,
        date: NaiveDate,
        span: TimeSpan,
    ) -> Result<Session> {
        if !activity.is_active() {
            return Err(Error::Conflict(format!(
                "activity {} is archived",
                activity.name
            )));
        }
        Ok(Session {
            id,
            activity_id: activity.id,
            date,
            span,
            schedule_id: None,
            status: SessionStatus::Planned,
            cancel_reason: None,
            attendance: None,
            version: 1,
        })
    }

    /// Whether the session was held (attendance recorded).
    pub fn is_held(&self) -> bool {
        self.attendance.is_some()
    }

    /// Cancels a planned session that has no attendance, with a reason.
    pub fn cancelled(&self, reason: &str) -> Result<Session> {
        let reason = Reason::parse(reason)?;
        if self.status == SessionStatus::Cancelled {
            return Err(Error::Conflict(format!(
                "session {} is already cancelled",
                self.id
            )));
        }
        if self.is_held() {
            return Err(Error::Conflict(format!(
                "session {} has attendance recorded; it was held",
                self.id
            )));
        }
        let mut next = self.clone();
        next.status = SessionStatus::Cancelled;
        next.cancel_reason = Some(reason);
        next.version += 1;
        Ok(next)
    }

    /// Records (or corrects) the attendance of a session that was not
    /// cancelled and has begun: headcount at least the named participants,
    /// first-timers at most the headcount, and within the capacity if set.
    pub fn attended(
        &self,
        input: NewAttendance,
        capacity: Option<u32>,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Session> {
        if self.status == SessionStatus::Cancelled {
            return Err(Error::Conflict(format!(
                "session {} was cancelled; it has no attendance",
                self.id
            )));
        }
        if self.date > clock.today() {
            return Err(Error::validation(
                "date",
                format!("the session on {} has not happened yet", self.date),
            ));
        }
        if input.participants.len() > MAX_PARTICIPANTS {
            return Err(Error::validation(
                "participants",
                format!("at most {MAX_PARTICIPANTS} named participants"),
            ));
        }
        let mut participants = input.participants;
        let named = participants.len();
        crate::order::sort_by(&mut participants, Ord::cmp);
        participants.dedup();
        if participants.len() != named {
            return Err(Error::validation("participants", "names someone twice"));
        }
        let headcount = input.headcount.unwrap_or(named as u32);
        if headcount > MAX_HEADCOUNT {
            return Err(Error::validation(
                "headcount",
                format!("{headcount} is above {MAX_HEADCOUNT}"),
            ));
        }
        if (headcount as usize) < named {
            return Err(Error::validation(
                "headcount",
                format!("{headcount} is fewer than the {named} named participants"),
            ));
        }
        if input.first_timers > headcount {
            return Err(Error::validation(
                "first_timers",
                format!(
                    "{} is more than the headcount {headcount}",
                    input.first_timers
                ),
            ));
        }
        if let Some(cap) = capacity
            && headcount > cap
        {
            return Err(Error::validation(
                "headcount",
                format!("{headcount} is above the activity's capacity of {cap}"),
            ));
        }
        let mut next = self.clone();
        next.attendance = Some(Attendance {
            headcount,
            first_timers: input.first_timers,
            participants,
            recorded_by: actor.name().clone(),
            recorded_at: clock.now(),
        });
        next.version += 1;
        Ok(next)
    }
}
