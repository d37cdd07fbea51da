use super::{
    AvailabilitySlot, StatusChange, VogState, VogStatus, VolunteerRole, VolunteerStatus, vog_expiry,
};
use crate::{Contact, DisplayName, Error, Reason, Result, Skill, VolunteerId};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A volunteer of the hub. Only the core builds these (from validated input
/// or from storage); the hub never accepts a `Volunteer` from a caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Volunteer {
    /// Id.
    pub id: VolunteerId,
    /// Name as used in the hub.
    pub display_name: DisplayName,
    /// How to reach them, if they want to be reached.
    pub contact: Option<Contact>,
    /// First day at the hub.
    pub start_date: NaiveDate,
    /// Current status.
    pub status: VolunteerStatus,
    /// Since when the status holds.
    pub status_since: NaiveDate,
    /// Why (for paused, left and returning).
    pub status_reason: Option<Reason>,
    /// What they do.
    pub roles: BTreeSet<VolunteerRole>,
    /// What they can.
    pub skills: BTreeSet<Skill>,
    /// When they are usually available.
    pub availability: Vec<AvailabilitySlot>,
    /// Issue date of their VOG (certificate of good conduct).
    pub vog_date: Option<NaiveDate>,
    /// Optimistic-concurrency version, bumped by every change.
    pub version: i64,
}

/// Input for registering a volunteer (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewVolunteer {
    /// Display name (required).
    pub display_name: String,
    /// E-mail or phone.
    #[serde(default)]
    pub contact: Option<String>,
    /// First day; defaults to today.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// `prospect` (default) or `active`.
    #[serde(default)]
    pub status: Option<VolunteerStatus>,
    /// Roles.
    #[serde(default)]
    pub roles: Vec<VolunteerRole>,
    /// Skills.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Weekly availability.
    #[serde(default)]
    pub availability: Vec<AvailabilitySlot>,
    /// VOG issue date.
    #[serde(default)]
    pub vog_date: Option<NaiveDate>,
}

/// A partial update of a volunteer's details; `None` leaves a field as it is.
/// Status changes go through [`Volunteer::change_status`] instead.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VolunteerUpdate {
    /// New display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// New contact; `Some(None)` (JSON `null`) removes it.
    #[serde(default, with = "double_option")]
    pub contact: Option<Option<String>>,
    /// New start date.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// New set of roles.
    #[serde(default)]
    pub roles: Option<Vec<VolunteerRole>>,
    /// New set of skills.
    #[serde(default)]
    pub skills: Option<Vec<String>>,
    /// New weekly availability.
    #[serde(default)]
    pub availability: Option<Vec<AvailabilitySlot>>,
    /// New VOG date; `Some(None)` (JSON `null`) removes it.
    #[serde(default, with = "double_option")]
    pub vog_date: Option<Option<NaiveDate>>,
}

mod double_option {
    use serde::{Deserialize, Deserializer};
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

fn parse_contact(c: Option<&str>) -> Result<Option<Contact>> {
    match c {
        Some(s) if !s.trim().is_empty() => Contact::parse(s).map(Some),
        _ => Ok(None),
    }
}

fn parse_skills(skills: &[String]) -> Result<BTreeSet<Skill>> {
    // Inserted one by one: `collect` into a set would compile a sort of its own.
    let mut set = BTreeSet::new();
    for s in skills {
        set.insert(Skill::parse(s)?);
    }
    Ok(set)
}

/// The set of `roles` (inserted one by one, as in [`parse_skills`]).
fn role_set(roles: Vec<VolunteerRole>) -> BTreeSet<VolunteerRole> {
    let mut set = BTreeSet::new();
    for r in roles {
        set.insert(r);
    }
    set
}

fn check_vog(vog: Option<NaiveDate>, today: NaiveDate) -> Result<Option<NaiveDate>> {
    match vog {
        Some(d) if d > today => Err(Error::validation(
            "vog_date",
            format!("{d} is in the future; record the date the VOG was issued"),
        )),
        other => Ok(other),
    }
}

impl Volunteer {
    /// Validates a registration. `today` is the hub's date (from its clock).
    pub fn register(id: VolunteerId, input: NewVolunteer, today: NaiveDate) -> Result<Volunteer> {
        let display_name = DisplayName::parse(&input.display_name)?;
        let contact = parse_contact(input.contact.as_deref())?;
        let status = input.status.unwrap_or(VolunteerStatus::Prospect);
        if !matches!(status, VolunteerStatus::Prospect | VolunteerStatus::Active) {
            return Err(Error::validation(
                "status",
                format!("a new volunteer starts as prospect or active, not {status}"),
            ));
        }
        let start_date = input.start_date.unwrap_or(today);
        if start_date > today + Duration::days(366) {
            return Err(Error::validation("start_date", "is more than a year ahead"));
        }
        Ok(Volunteer {
            id,
            display_name,
            contact,
            start_date,
            status,
            status_since: start_date,
            status_reason: None,
            roles: role_set(input.roles),
            skills: parse_skills(&input.skills)?,
            availability: AvailabilitySlot::normalise(input.availability)?,
            vog_date: check_vog(input.vog_date, today)?,
            version: 1,
        })
    }

    /// Applies an update, returning the new state (version bumped). An empty
    /// update is a validation error: there is nothing to record.
    pub fn apply(&self, update: VolunteerUpdate, today: NaiveDate) -> Result<Volunteer> {
        if update == VolunteerUpdate::default() {
            return Err(Error::validation("update", "names no field to change"));
        }
        let mut next = self.clone();
        if let Some(name) = &update.display_name {
            next.display_name = DisplayName::parse(name)?;
        }
        if let Some(contact) = &update.contact {
            next.contact = parse_contact(contact.as_deref())?;
        }
        if let Some(start) = update.start_date {
            next.start_date = start;
        }
        if let Some(roles) = update.roles {
            next.roles = role_set(roles);
        }
        if let Some(skills) = &update.skills {
            next.skills = parse_skills(skills)?;
        }
        if let Some(slots) = update.availability {
            next.availability = AvailabilitySlot::normalise(slots)?;
        }
        if let Some(vog) = update.vog_date {
            next.vog_date = check_vog(vog, today)?;
        }
        next.version = self.version + 1;
        Ok(next)
    }

    /// Applies a status change after checking the transition table and the reason rule.
    pub fn change_status(&self, change: StatusChange) -> Result<Volunteer> {
        let needs_reason = self.status.transition(change.to)?;
        if needs_reason && change.reason.is_none() {
            return Err(Error::validation(
                "reason",
                format!(
                    "changing status from {} to {} needs a reason",
                    self.status, change.to
                ),
            ));
        }
        if change.on < self.status_since {
            return Err(Error::validation(
                "on",
                format!(
                    "{} is before the current status began ({})",
                    change.on, self.status_since
                ),
            ));
        }
        let mut next = self.clone();
        next.status = change.to;
        next.status_since = change.on;
        next.status_reason = change.reason;
        next.version = self.version + 1;
        Ok(next)
    }

    /// Whether the volunteer may be planned on a shift in `role`.
    pub fn check_can_work(&self, role: VolunteerRole) -> Result<()> {
        if !self.status.can_work() {
            return Err(Error::conflict(format!(
                "{} is {} and cannot be planned",
                self.display_name, self.status
            )));
        }
        if !self.roles.contains(&role) {
            return Err(Error::validation(
                "role",
                format!("{} does not have the role {role}", self.display_name),
            ));
        }
        Ok(())
    }

    /// The VOG situation on `today` if it needs attention within `within_days`
    /// (missing, expired or expiring); `None` when all is well or they left.
    pub fn vog_status(&self, today: NaiveDate, within_days: u32) -> Option<VogStatus> {
        if self.status == VolunteerStatus::Left {
            return None;
        }
        let expires_on = self.vog_date.map(vog_expiry);
        let state = match expires_on {
            None => VogState::Missing,
            Some(e) if e <= today => VogState::Expired,
            Some(e) if e <= today + Duration::days(i64::from(within_days)) => VogState::Expiring,
            Some(_) => return None,
        };
        Some(VogStatus {
            volunteer_id: self.id,
            display_name: self.display_name.clone(),
            vog_date: self.vog_date,
            expires_on,
            state,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FixedClock, TimeSpan, Weekday, calendar::parse_time};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn anna() -> Volunteer {
        let clock = FixedClock::at_date(d(2026, 1, 10));
        Volunteer::register(
            VolunteerId::generate(&clock),
            NewVolunteer {
                display_name: " Anna ".into(),
                contact: Some("anna@example.nl".into()),
                roles: vec![VolunteerRole::Cashier, VolunteerRole::Cashier],
                skills: vec!["kassa".into()],
                vog_date: Some(d(2023, 2, 1)),
                ..Default::default()
            },
            d(2026, 1, 10),
        )
        .unwrap()
    }

    #[test]
    fn registration_validates_and_defaults() {
        let a = anna();
        assert_eq!(a.display_name.as_str(), "Anna");
        assert_eq!(a.status, VolunteerStatus::Prospect);
        assert_eq!(a.start_date, d(2026, 1, 10));
        assert_eq!(a.roles.len(), 1);
        let clock = FixedClock::at_date(d(2026, 1, 10));
        let bad = |input: NewVolunteer| {
            Volunteer::register(VolunteerId::generate(&clock), input, d(2026, 1, 10)).unwrap_err()
        };
        let e = bad(NewVolunteer::default());
        assert_eq!(e, Error::validation("display_name", "must not be empty"));
        let e = bad(NewVolunteer {
            display_name: "B".into(),
            vog_date: Some(d(2027, 1, 1)),
            ..Default::default()
        });
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "vog_date"));
        let e = bad(NewVolunteer {
            display_name: "B".into(),
            status: Some(VolunteerStatus::Left),
            ..Default::default()
        });
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "status"));
        let slot = |s: &str, e: &str| AvailabilitySlot {
            weekday: Weekday::Monday,
            span: TimeSpan::new(parse_time("s", s).unwrap(), parse_time("e", e).unwrap()).unwrap(),
        };
        let e = bad(NewVolunteer {
            display_name: "B".into(),
            availability: vec![slot("09:00", "12:00"), slot("11:00", "13:00")],
            ..Default::default()
        });
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "availability"));
    }

    #[test]
    fn status_changes_need_reasons_and_order() {
        let a = anna();
        let active = a
            .change_status(
                StatusChange::new(VolunteerStatus::Active, d(2026, 1, 11), None).unwrap(),
            )
            .unwrap();
        assert_eq!(active.version, 2);
        let e = active
            .change_status(StatusChange::new(VolunteerStatus::Left, d(2026, 2, 1), None).unwrap())
            .unwrap_err();
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "reason"));
        let e = active
            .change_status(
                StatusChange::new(VolunteerStatus::Paused, d(2025, 1, 1), Some("ziek")).unwrap(),
            )
            .unwrap_err();
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "on"));
        let e = active
            .change_status(
                StatusChange::new(VolunteerStatus::Prospect, d(2026, 2, 1), Some("x")).unwrap(),
            )
            .unwrap_err();
        assert_eq!(e.code().as_str(), "conflict");
    }

    #[test]
    fn updates_bump_the_version_and_validate() {
        let a = anna();
        let b = a
            .apply(
                VolunteerUpdate {
                    contact: Some(None),
                    skills: Some(vec!["naaien".into()]),
                    ..Default::default()
                },
                d(2026, 1, 10),
            )
            .unwrap();
        assert_eq!(b.contact, None);
        assert_eq!(b.version, 2);
        assert!(a.apply(VolunteerUpdate::default(), d(2026, 1, 10)).is_err());
        let e = a
            .apply(
                VolunteerUpdate {
                    display_name: Some("".into()),
                    ..Default::default()
                },
                d(2026, 1, 10),
            )
            .unwrap_err();
        assert_eq!(e.code().as_str(), "validation");
        let json: VolunteerUpdate = serde_json::from_str(r#"{"contact":null}"#).unwrap();
        assert_eq!(json.contact, Some(None));
    }

    #[test]
    fn vog_attention() {
        let a = anna(); // VOG 2023-02-01 → expires 2026-02-01
        assert_eq!(
            a.vog_status(d(2026, 1, 10), 30).unwrap().state,
            VogState::Expiring
        );
        assert!(a.vog_status(d(2026, 1, 10), 10).is_none());
        assert_eq!(
            a.vog_status(d(2026, 2, 1), 0).unwrap().state,
            VogState::Expired
        );
        let mut b = a.clone();
        b.vog_date = None;
        assert_eq!(
            b.vog_status(d(2026, 1, 10), 0).unwrap().state,
            VogState::Missing
        );
    }
}
