//! Signals: a concern a volunteer picked up from a visitor. The coded facts
//! ([`Signal`]) are kept for statistics; the personal fields
//! ([`SignalPersonal`]) are stored apart so they can be erased alone.

use super::{Consent, SignalDomain, SignalStatus, Urgency};
use crate::text::parse_optional;
use crate::{
    Actor, ActorName, Clock, Contact, Error, PersonName, Result, SignalId, Summary, VolunteerId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The coded facts of a signal: no name, no contact, no free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signal {
    /// Id.
    pub id: SignalId,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The hub's date it was recorded on (statistics count by it).
    pub recorded_on: NaiveDate,
    /// Who recorded it.
    pub recorded_by: ActorName,
    /// The recording volunteer's own record, when the actor was linked to one.
    pub recorded_by_volunteer: Option<VolunteerId>,
    /// What it is about: one or more domains, sorted, without repeats.
    pub domains: Vec<SignalDomain>,
    /// How soon something must happen.
    pub urgency: Urgency,
    /// Whether the person agreed to be referred.
    pub consent: Consent,
    /// When consent was asked (unless `not_asked`).
    pub consent_at: Option<DateTime<Utc>>,
    /// Who asked for consent (unless `not_asked`).
    pub consent_asked_by: Option<ActorName>,
    /// The hub must not contact the person itself (e.g. for their safety).
    pub do_not_contact: bool,
    /// Open or closed.
    pub status: SignalStatus,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// When its personal fields were erased by the retention purge.
    pub personal_erased_at: Option<DateTime<Utc>>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// The personal fields of a signal, stored apart from the coded facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalPersonal {
    /// First name or pseudonym, if the person gave one.
    pub person: Option<PersonName>,
    /// How to reach the person, if they want to be reached.
    pub contact: Option<Contact>,
    /// What the person told, in short.
    pub summary: Summary,
}

impl SignalPersonal {
    /// The names of the fields that hold a value (for the journal, which
    /// records that personal fields exist, never what they say).
    pub fn field_names(&self) -> Vec<&'static str> {
        let mut out = Vec::with_capacity(3);
        if self.person.is_some() {
            out.push("person");
        }
        if self.contact.is_some() {
            out.push("contact");
        }
        out.push("summary");
        out
    }
}

/// A signal as a caller sees it: the coded facts, plus the personal fields
/// when the caller's role may read them and they were not erased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalView {
    /// The coded facts.
    pub signal: Signal,
    /// The personal fields (`None` after the purge).
    pub personal: Option<SignalPersonal>,
}

/// Input for recording a signal (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSignal {
    /// What it is about (at least one).
    pub domains: Vec<SignalDomain>,
    /// How soon (default `normal`).
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// What the person told, in short (required, at most 500 characters).
    pub summary: String,
    /// First name or pseudonym (optional; never a full name).
    #[serde(default)]
    pub person: Option<String>,
    /// Phone or e-mail (optional).
    #[serde(default)]
    pub contact: Option<String>,
    /// Whether the person agreed to a referral (default `not_asked`).
    #[serde(default)]
    pub consent: Option<Consent>,
    /// The hub must not contact the person itself.
    #[serde(default)]
    pub do_not_contact: bool,
}

/// A change to an open signal's coded facts; fields left `None` stay.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignalUpdate {
    /// New domains (at least one).
    #[serde(default)]
    pub domains: Option<Vec<SignalDomain>>,
    /// New urgency.
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// Consent asked again (now, by the actor).
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Set or clear the do-not-contact flag.
    #[serde(default)]
    pub do_not_contact: Option<bool>,
}

fn check_domains(domains: &[SignalDomain]) -> Result<Vec<SignalDomain>> {
    if domains.is_empty() {
        return Err(Error::validation("domains", "name at least one domain"));
    }
    let mut out = domains.to_vec();
    crate::order::sort_by(&mut out, Ord::cmp);
    out.dedup();
    Ok(out)
}

impl Signal {
    /// Validates a new signal recorded by `actor` now.
    pub fn record(
        id: SignalId,
        input: NewSignal,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<(Signal, SignalPersonal)> {
        let domains = check_domains(&input.domains)?;
        let personal = SignalPersonal {
            summary: Summary::parse(&input.summary)?,
            person: parse_optional(input.person.as_deref(), |s| PersonName::parse(s))?,
            contact: parse_optional(input.contact.as_deref(), |s| Contact::parse(s))?,
        };
        let consent = input.consent.unwrap_or(Consent::NotAsked);
        let now = clock.now();
        let asked = consent != Consent::NotAsked;
        let signal = Signal {
            id,
            recorded_at: now,
            recorded_on: clock.today(),
            recorded_by: actor.name().clone(),
            recorded_by_volunteer: actor.volunteer(),
            domains,
            urgency: input.urgency.unwrap_or(Urgency::Normal),
            consent,
            consent_at: asked.then_some(now),
            consent_asked_by: asked.then(|| actor.name().clone()),
            do_not_contact: input.do_not_contact,
            status: SignalStatus::Open,
            closed_at: None,
            personal_erased_at: None,
            version: 1,
        };
        Ok((signal, personal))
    }

    /// Whether the signal is still open.
    pub fn is_open(&self) -> bool {
        self.status == SignalStatus::Open
    }

    fn require_open(&self) -> Result<()> {
        if self.is_open() {
            Ok(())
        } else {
            Err(Error::Conflict(format!("signal {} is closed", self.id)))
        }
    }

    /// Applies a change to an open signal; a closed one is a `Conflict`.
    pub fn updated(
        &self,
        change: SignalUpdate,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Signal> {
        self.require_open()?;
        let mut next = self.clone();
        if let Some(d) = change.domains {
            next.domains = check_domains(&d)?;
        }
        if let Some(u) = change.urgency {
            next.urgency = u;
        }
        if let Some(c) = change.consent {
            next.consent = c;
            let asked = c != Consent::NotAsked;
            next.consent_at = asked.then(|| clock.now());
            next.consent_asked_by = asked.then(|| actor.name().clone());
        }
        if let Some(f) = change.do_not_contact {
            next.do_not_contact = f;
        }
        next.version += 1;
        Ok(next)
    }

    /// Closes an open signal (the store refuses while referrals are open).
    pub fn closed(&self, clock: &dyn Clock) -> Result<Signal> {
        self.require_open()?;
        let mut next = self.clone();
        next.status = SignalStatus::Closed;
        next.closed_at = Some(clock.now());
        next.version += 1;
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FixedClock, Role};

    fn clock() -> FixedClock {
        FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    }

    #[test]
    fn records_coded_facts_apart_from_personal_fields() {
        let c = clock();
        let bea = Actor::new("bea", Role::Volunteer).unwrap();
        let (s, p) = Signal::record(
            SignalId::generate(&c),
            NewSignal {
                domains: vec![
                    SignalDomain::MoneyDebt,
                    SignalDomain::Loneliness,
                    SignalDomain::MoneyDebt,
                ],
                summary: "  Zorgen over de huur  ".into(),
                person: Some("Karin".into()),
                contact: Some("".into()),
                consent: Some(Consent::Given),
                ..Default::default()
            },
            &c,
            &bea,
        )
        .unwrap();
        assert_eq!(
            s.domains,
            vec![SignalDomain::Loneliness, SignalDomain::MoneyDebt]
        );
        assert_eq!(s.consent_asked_by.as_ref().map(|n| n.as_str()), Some("bea"));
        assert_eq!(p.summary.as_str(), "Zorgen over de huur");
        assert_eq!(p.contact, None);
        assert_eq!(p.field_names(), vec!["person", "summary"]);
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("Karin") && !json.contains("huur"));
    }

    #[test]
    fn refuses_bad_input() {
        let c = clock();
        let bea = Actor::new("bea", Role::Volunteer).unwrap();
        let id = SignalId::generate(&c);
        let no_domain = NewSignal {
            summary: "x".into(),
            ..Default::default()
        };
        assert!(
            matches!(Signal::record(id, no_domain, &c, &bea), Err(Error::Validation { field, .. }) if field == "domains")
        );
        let long = NewSignal {
            domains: vec![SignalDomain::Food],
            summary: "x".repeat(501),
            ..Default::default()
        };
        assert!(
            matches!(Signal::record(id, long, &c, &bea), Err(Error::Validation { field, .. }) if field == "summary")
        );
    }
}
