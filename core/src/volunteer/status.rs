use crate::{Error, Reason, Result, code_list};
use chrono::NaiveDate;
use serde::Serialize;

code_list! {
    /// Where a volunteer stands.
    pub enum VolunteerStatus: "volunteer_status" {
        /// Signed up, not yet started (intake, VOG pending).
        Prospect = ("prospect", "aspirant", "prospect"),
        /// Active.
        Active = ("active", "actief", "active"),
        /// Temporarily not working (illness, holiday, a break).
        Paused = ("paused", "gepauzeerd", "paused"),
        /// Has left the hub.
        Left = ("left", "vertrokken", "left"),
    }
}

impl VolunteerStatus {
    /// The transition table. `Ok(needs_reason)` when `self → to` is allowed,
    /// otherwise a conflict error saying why.
    ///
    /// | from \ to | prospect | active | paused | left |
    /// | --- | --- | --- | --- | --- |
    /// | prospect | – | ✓ | – | ✓ reason |
    /// | active | – | – | ✓ reason | ✓ reason |
    /// | paused | – | ✓ | – | ✓ reason |
    /// | left | ✓ reason (returns) | – | – | – |
    pub fn transition(self, to: VolunteerStatus) -> Result<bool> {
        use VolunteerStatus::*;
        match (self, to) {
            (Prospect, Active) | (Paused, Active) => Ok(false),
            (Prospect, Left)
            | (Active, Paused)
            | (Active, Left)
            | (Paused, Left)
            | (Left, Prospect) => Ok(true),
            (from, to) if from == to => {
                Err(Error::conflict(format!("volunteer is already {from}")))
            }
            (Left, _) => Err(Error::conflict(format!(
                "a volunteer who left cannot become {to} directly; re-register as prospect first"
            ))),
            (Prospect, Paused) => Err(Error::conflict(
                "a prospect who has not started cannot be paused; activate or mark as left",
            )),
            (from, Prospect) => Err(Error::conflict(format!(
                "a volunteer who is {from} cannot go back to prospect"
            ))),
            (from, to) => Err(Error::conflict(format!(
                "cannot change status from {from} to {to}"
            ))),
        }
    }

    /// Whether a volunteer in this status can be planned on shifts.
    pub fn can_work(self) -> bool {
        matches!(self, VolunteerStatus::Prospect | VolunteerStatus::Active)
    }
}

/// A requested status change: to which status, from when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// The new status.
    pub to: VolunteerStatus,
    /// The date it takes effect.
    pub on: NaiveDate,
    /// Why (required for pausing, leaving and returning).
    pub reason: Option<Reason>,
}

impl StatusChange {
    /// Builds a change, parsing the optional reason.
    pub fn new(to: VolunteerStatus, on: NaiveDate, reason: Option<&str>) -> Result<StatusChange> {
        let reason = match reason {
            Some(r) if !r.trim().is_empty() => Some(Reason::parse(r)?),
            _ => None,
        };
        Ok(StatusChange { to, on, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_list::CodeList;

    #[test]
    fn every_pair_is_decided() {
        use VolunteerStatus::*;
        let allowed = [
            (Prospect, Active, false),
            (Prospect, Left, true),
            (Active, Paused, true),
            (Active, Left, true),
            (Paused, Active, false),
            (Paused, Left, true),
            (Left, Prospect, true),
        ];
        for from in VolunteerStatus::ALL {
            for to in VolunteerStatus::ALL {
                let expect = allowed.iter().find(|(f, t, _)| f == from && t == to);
                match (from.transition(*to), expect) {
                    (Ok(reason), Some((_, _, r))) => assert_eq!(reason, *r, "{from}->{to}"),
                    (Err(e), None) => assert_eq!(e.code().as_str(), "conflict", "{from}->{to}"),
                    (got, want) => panic!("{from}->{to}: got {got:?}, want {want:?}"),
                }
            }
        }
    }
}
