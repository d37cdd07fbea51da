//! Residents registered by name, only with their consent, so they can be
//! named as participants. Least data: a first name or pseudonym and an
//! optional contact; forgetting a resident removes them everywhere.

use crate::text::parse_optional;
use crate::{Actor, ActorName, Clock, Contact, Error, PersonName, ResidentId, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A resident who agreed to be named in attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resident {
    /// Id.
    pub id: ResidentId,
    /// First name or pseudonym.
    pub name: PersonName,
    /// Phone or e-mail, if they want to be reached.
    pub contact: Option<Contact>,
    /// The day they gave consent.
    pub consent_on: NaiveDate,
    /// Who asked.
    pub registered_by: ActorName,
}

/// Input for registering a resident.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewResident {
    /// First name or pseudonym.
    pub name: String,
    /// Phone or e-mail (optional).
    #[serde(default)]
    pub contact: Option<String>,
    /// The resident agreed to be registered (required).
    #[serde(default)]
    pub consent: bool,
}

impl Resident {
    /// Validates a registration: no consent, no record.
    pub fn register(
        id: ResidentId,
        input: NewResident,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Resident> {
        if !input.consent {
            return Err(Error::validation(
                "consent",
                "a resident is registered by name only with their consent",
            ));
        }
        Ok(Resident {
            id,
            name: PersonName::parse(&input.name)?,
            contact: parse_optional(input.contact.as_deref(), |s| Contact::parse(s))?,
            consent_on: clock.today(),
            registered_by: actor.name().clone(),
        })
    }
}
