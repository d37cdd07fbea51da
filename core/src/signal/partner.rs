//! The partners directory: organisations a hub refers people to, their
//! services and the signal domains each service serves.

use super::{PartnerStatus, Signal, SignalDomain};
use crate::text::parse_optional;
use crate::{
    Clock, Contact, Error, Note, PartnerId, PartnerName, PartnerServiceId, Result, Website,
};
use serde::{Deserialize, Serialize};

/// Most services one partner lists.
pub const MAX_SERVICES: usize = 50;

/// A partner organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    /// Id.
    pub id: PartnerId,
    /// Name, e.g. "WIJ Lewenborg".
    pub name: PartnerName,
    /// What the organisation does.
    pub description: Option<Note>,
    /// General e-mail address.
    pub email: Option<Contact>,
    /// General phone number.
    pub phone: Option<Contact>,
    /// Web site.
    pub website: Option<Website>,
    /// Whether it takes referrals.
    pub status: PartnerStatus,
    /// Its services.
    pub services: Vec<PartnerService>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// One service of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerService {
    /// Id.
    pub id: PartnerServiceId,
    /// Name, e.g. "Schuldhulpverlening".
    pub name: PartnerName,
    /// What it offers.
    pub description: Option<Note>,
    /// The signal domains it serves, sorted, at least one.
    pub domains: Vec<SignalDomain>,
}

/// Input for a partner (raw values; the core validates them). Used both to
/// register a partner and to replace one's details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewPartner {
    /// Name.
    pub name: String,
    /// What the organisation does.
    #[serde(default)]
    pub description: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Web site (`https://…`).
    #[serde(default)]
    pub website: Option<String>,
    /// Status (default `active`).
    #[serde(default)]
    pub status: Option<PartnerStatus>,
    /// Services (at least one).
    #[serde(default)]
    pub services: Vec<NewPartnerService>,
}

/// Input for one service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewPartnerService {
    /// The id of an existing service to keep (when updating a partner).
    #[serde(default)]
    pub id: Option<PartnerServiceId>,
    /// Name.
    pub name: String,
    /// What it offers.
    #[serde(default)]
    pub description: Option<String>,
    /// Signal domains it serves (at least one).
    pub domains: Vec<SignalDomain>,
}

/// Renames the field of a validation error (a contact checked as an e-mail or phone).
fn as_field(field: &'static str) -> impl Fn(Error) -> Error {
    move |e| match e {
        Error::Validation { reason, .. } => Error::validation(field, reason),
        other => other,
    }
}

fn email(s: &str) -> Result<Contact> {
    let c = Contact::parse(s).map_err(as_field("email"))?;
    if c.is_email() {
        Ok(c)
    } else {
        Err(Error::validation(
            "email",
            format!("{s:?} is not an e-mail address"),
        ))
    }
}

fn phone(s: &str) -> Result<Contact> {
    let c = Contact::parse(s).map_err(as_field("phone"))?;
    if c.is_email() {
        Err(Error::validation(
            "phone",
            format!("{s:?} is not a phone number"),
        ))
    } else {
        Ok(c)
    }
}

impl Partner {
    /// Validates a new partner; service ids are made with `clock`.
    pub fn register(id: PartnerId, input: NewPartner, clock: &dyn Clock) -> Result<Partner> {
        Partner::build(id, input, 1, &[], clock)
    }

    /// This partner with its details replaced by `input`. Services named by
    /// the id of one of ours keep it; others get a new id. Without a status
    /// in `input` the partner keeps its own.
    pub fn replaced(&self, mut input: NewPartner, clock: &dyn Clock) -> Result<Partner> {
        input.status = input.status.or(Some(self.status));
        Partner::build(self.id, input, self.version + 1, &self.services, clock)
    }

    /// This partner with another status.
    pub fn with_status(&self, status: PartnerStatus) -> Partner {
        let mut next = self.clone();
        next.status = status;
        next.version += 1;
        next
    }

    fn build(
        id: PartnerId,
        input: NewPartner,
        version: i64,
        existing: &[PartnerService],
        clock: &dyn Clock,
    ) -> Result<Partner> {
        let name = PartnerName::parse(&input.name)?;
        if input.services.is_empty() || input.services.len() > MAX_SERVICES {
            return Err(Error::validation(
                "services",
                format!("a partner lists 1 to {MAX_SERVICES} services"),
            ));
        }
        let mut services = Vec::with_capacity(input.services.len());
        for (i, s) in input.services.into_iter().enumerate() {
            let at = |e: Error| match e {
                Error::Validation { field, reason } => {
                    Error::validation(format!("services[{i}].{field}"), reason)
                }
                other => other,
            };
            let sid = match s.id {
                Some(sid) if existing.iter().any(|e| e.id == sid) => sid,
                Some(sid) => return Err(Error::not_found(PartnerServiceId::ENTITY, sid)),
                None => PartnerServiceId::generate(clock),
            };
            if services.iter().any(|o: &PartnerService| o.id == sid) {
                return Err(at(Error::validation("id", "names a service twice")));
            }
            if s.domains.is_empty() {
                return Err(at(Error::validation("domains", "name at least one domain")));
            }
            let mut domains = s.domains;
            crate::order::sort_by(&mut domains, Ord::cmp);
            domains.dedup();
            services.push(PartnerService {
                id: sid,
                name: PartnerName::parse(&s.name).map_err(at)?,
                description: parse_optional(s.description.as_deref(), |s| Note::parse(s))
                    .map_err(at)?,
                domains,
            });
        }
        Ok(Partner {
            id,
            name,
            description: parse_optional(input.description.as_deref(), |s| Note::parse(s))?,
            email: parse_optional(input.email.as_deref(), email)?,
            phone: parse_optional(input.phone.as_deref(), phone)?,
            website: parse_optional(input.website.as_deref(), |s| Website::parse(s))?,
            status: input.status.unwrap_or(PartnerStatus::Active),
            services,
            version,
        })
    }

    /// Whether the partner takes referrals now.
    pub fn is_active(&self) -> bool {
        self.status == PartnerStatus::Active
    }
}

/// A partner suggested for a signal, with the services and domains that match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerSuggestion {
    /// The partner.
    pub partner: Partner,
    /// Its services serving at least one of the signal's domains.
    pub services: Vec<PartnerServiceId>,
    /// The signal's domains the partner serves.
    pub matched: Vec<SignalDomain>,
}

/// The active partners serving at least one of the signal's domains: most
/// matched domains first, then by name.
pub fn suggest_partners(signal: &Signal, partners: &[Partner]) -> Vec<PartnerSuggestion> {
    let mut out: Vec<PartnerSuggestion> = partners
        .iter()
        .filter(|p| p.is_active())
        .filter_map(|p| {
            let services: Vec<PartnerServiceId> = p
                .services
                .iter()
                .filter(|s| s.domains.iter().any(|d| signal.domains.contains(d)))
                .map(|s| s.id)
                .collect();
            let matched: Vec<SignalDomain> = signal
                .domains
                .iter()
                .copied()
                .filter(|d| p.services.iter().any(|s| s.domains.contains(d)))
                .collect();
            (!services.is_empty()).then(|| PartnerSuggestion {
                partner: p.clone(),
                services,
                matched,
            })
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        b.matched
            .len()
            .cmp(&a.matched.len())
            .then_with(|| a.partner.name.cmp(&b.partner.name))
            .then_with(|| a.partner.id.cmp(&b.partner.id))
    });
    out
}
