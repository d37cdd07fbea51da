use crate::{Error, Note, Result, ShiftId, TimeSpan, VolunteerId, VolunteerRole, code_list};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

code_list! {
    /// Where a shift stands.
    pub enum ShiftStatus: "shift_status" {
        /// On the roster, not yet worked.
        Planned = ("planned", "gepland", "planned"),
        /// Worked; its hours count.
        Worked = ("worked", "gewerkt", "worked"),
        /// Called off; frees the slot.
        Cancelled = ("cancelled", "afgezegd", "cancelled"),
    }
}

impl ShiftStatus {
    /// The transition table: planned → worked | cancelled; nothing else.
    pub fn transition(self, to: ShiftStatus) -> Result<()> {
        match (self, to) {
            (ShiftStatus::Planned, ShiftStatus::Worked | ShiftStatus::Cancelled) => Ok(()),
            (from, to) => Err(Error::conflict(format!(
                "a {from} shift cannot become {to}"
            ))),
        }
    }
}

/// A shift of one volunteer in one role on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shift {
    /// Id.
    pub id: ShiftId,
    /// Who.
    pub volunteer_id: VolunteerId,
    /// As what.
    pub role: VolunteerRole,
    /// Which day.
    pub date: NaiveDate,
    /// From when to when (planned, or as worked once recorded).
    #[serde(flatten)]
    pub span: TimeSpan,
    /// Planned, worked or cancelled.
    pub status: ShiftStatus,
    /// An optional note (e.g. why it was cancelled).
    pub note: Option<Note>,
}

/// Input for planning or recording a shift.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewShift {
    /// Who.
    pub volunteer_id: VolunteerId,
    /// As what.
    pub role: VolunteerRole,
    /// Which day.
    pub date: NaiveDate,
    /// From when to when.
    #[serde(flatten)]
    pub span: TimeSpan,
    /// Optional note.
    #[serde(default)]
    pub note: Option<String>,
}

impl Shift {
    /// A planned shift (any date).
    pub fn plan(id: ShiftId, input: NewShift) -> Result<Shift> {
        Self::build(id, input, ShiftStatus::Planned)
    }

    /// A shift recorded as worked; it cannot lie in the future.
    pub fn worked(id: ShiftId, input: NewShift, today: NaiveDate) -> Result<Shift> {
        if input.date > today {
            return Err(Error::validation(
                "date",
                format!("{} is in the future; plan the shift instead", input.date),
            ));
        }
        Self::build(id, input, ShiftStatus::Worked)
    }

    fn build(id: ShiftId, input: NewShift, status: ShiftStatus) -> Result<Shift> {
        let note = match input.note.as_deref() {
            Some(n) if !n.trim().is_empty() => Some(Note::parse(n)?),
            _ => None,
        };
        Ok(Shift {
            id,
            volunteer_id: input.volunteer_id,
            role: input.role,
            date: input.date,
            span: input.span,
            status,
            note,
        })
    }

    /// Marks a planned shift as worked, optionally with the times actually worked.
    pub fn complete(&self, actual: Option<TimeSpan>, today: NaiveDate) -> Result<Shift> {
        self.status.transition(ShiftStatus::Worked)?;
        if self.date > today {
            return Err(Error::validation(
                "date",
                format!("the shift on {} has not happened yet", self.date),
            ));
        }
        let mut next = self.clone();
        next.status = ShiftStatus::Worked;
        if let Some(span) = actual {
            next.span = span;
        }
        Ok(next)
    }

    /// Cancels a planned shift, with an optional reason.
    pub fn cancel(&self, reason: Option<&str>) -> Result<Shift> {
        self.status.transition(ShiftStatus::Cancelled)?;
        let mut next = self.clone();
        next.status = ShiftStatus::Cancelled;
        if let Some(r) = reason.filter(|r| !r.trim().is_empty()) {
            next.note = Some(Note::parse(r)?);
        }
        Ok(next)
    }

    /// Whether the shift occupies its time (planned or worked).
    pub fn is_live(&self) -> bool {
        self.status != ShiftStatus::Cancelled
    }

    /// Length in minutes.
    pub fn minutes(&self) -> u32 {
        self.span.minutes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FixedClock, calendar::parse_time, code_list::CodeList};

    fn input(date: NaiveDate) -> NewShift {
        let clock = FixedClock::at_date(date);
        NewShift {
            volunteer_id: VolunteerId::generate(&clock),
            role: VolunteerRole::Cashier,
            date,
            span: TimeSpan::new(
                parse_time("s", "10:00").unwrap(),
                parse_time("e", "13:00").unwrap(),
            )
            .unwrap(),
            note: None,
        }
    }

    #[test]
    fn lifecycle() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let clock = FixedClock::at_date(day);
        let s = Shift::plan(ShiftId::generate(&clock), input(day)).unwrap();
        let done = s.complete(None, day).unwrap();
        assert_eq!(done.status, ShiftStatus::Worked);
        assert_eq!(
            done.complete(None, day).unwrap_err().code().as_str(),
            "conflict"
        );
        assert_eq!(done.cancel(None).unwrap_err().code().as_str(), "conflict");
        assert!(s.complete(None, day.pred_opt().unwrap()).is_err());
        let c = s.cancel(Some("ziek")).unwrap();
        assert!(!c.is_live());
        assert!(
            Shift::worked(
                ShiftId::generate(&clock),
                input(day.succ_opt().unwrap()),
                day
            )
            .is_err()
        );
    }

    #[test]
    fn transition_table_is_exhaustive() {
        for from in ShiftStatus::ALL {
            for to in ShiftStatus::ALL {
                let ok = *from == ShiftStatus::Planned && *to != ShiftStatus::Planned;
                assert_eq!(from.transition(*to).is_ok(), ok, "{from}->{to}");
            }
        }
    }
}
