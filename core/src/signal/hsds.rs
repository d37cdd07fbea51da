//! The partners directory in the shape of Open Referral HSDS 3.0
//! (`organization`, `service`, `phone`, `attribute`), so other tools can
//! read it. A test in the Python suite validates the output against the
//! official schemas.
//!
//! Ids that HSDS needs but kringloop does not store (phones, attributes,
//! taxonomy terms) are derived from the owner's id and a suffix
//! ([`derived_id`]), so an export is stable from one run to the next.

use super::{Partner, PartnerStatus};
use crate::code_list::{CodeList, Lang};
use serde::Serialize;
use uuid::Uuid;

/// The namespace of kringloop's signal-domain taxonomy terms: the UUIDv5 of
/// the URL `https://kringloop.invalid/taxonomy/signal_domain`, written out
/// (computing it would link SHA-1 into every build, the browser's included).
const TAXONOMY_NAMESPACE: Uuid = Uuid::from_u128(0xdc54c801_ffe8_599c_a5ae_ee53466f03bc);

/// A stable id for a thing that belongs to `owner` and is named `suffix`: a
/// UUIDv8 (RFC 9562 custom layout, valid RFC 4122 syntax) whose bytes are
/// the owner's mixed with two 64-bit FNV-1a hashes of the suffix. The same
/// owner and suffix always give the same id; other suffixes of one owner, or
/// one suffix of other owners, give other ids. Not a security device: the
/// ids only have to be distinct and repeatable (SHA-1 of UUIDv5 cost about
/// 5 KB in the WebAssembly module for nothing more).
fn derived_id(owner: &Uuid, suffix: &str) -> Uuid {
    fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
        bytes.iter().fold(seed, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }
    let owner = owner.as_u128();
    let high = fnv1a(0xcbf2_9ce4_8422_2325, suffix.as_bytes());
    let low = fnv1a(high ^ 0x9e37_79b9_7f4a_7c15, suffix.as_bytes());
    let mixed = owner ^ ((u128::from(high) << 64) | u128::from(low));
    uuid::Builder::from_custom_bytes(mixed.to_be_bytes()).into_uuid()
}

/// An HSDS 3.0 export: organisations and their services.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsExport {
    /// One `organization` object per partner.
    pub organizations: Vec<HsdsOrganization>,
    /// One `service` object per partner service.
    pub services: Vec<HsdsService>,
}

/// An HSDS `organization`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsOrganization {
    /// The partner's id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description (the name when the partner has none: HSDS requires one).
    pub description: String,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Phone numbers.
    pub phones: Vec<HsdsPhone>,
}

/// An HSDS `phone`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsPhone {
    /// Derived id.
    pub id: String,
    /// The organisation it belongs to.
    pub organization_id: String,
    /// The number.
    pub number: String,
}

/// An HSDS `service`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsService {
    /// The service's id.
    pub id: String,
    /// The partner's id.
    pub organization_id: String,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `active | inactive | defunct | temporarily closed` (the partner's status).
    pub status: &'static str,
    /// The signal domains served, as attributes with taxonomy terms.
    pub attributes: Vec<HsdsAttribute>,
}

/// An HSDS `attribute` linking a service to a signal-domain taxonomy term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsAttribute {
    /// Derived id.
    pub id: String,
    /// The service's id.
    pub link_id: String,
    /// Always `service`.
    pub link_entity: &'static str,
    /// Always `signal_domain`.
    pub link_type: &'static str,
    /// The domain code.
    pub value: &'static str,
    /// The taxonomy term's id.
    pub taxonomy_term_id: String,
    /// The taxonomy term.
    pub taxonomy_term: HsdsTaxonomyTerm,
}

/// An HSDS `taxonomy_term`: one signal domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsdsTaxonomyTerm {
    /// Derived id (the same for a domain in every export).
    pub id: String,
    /// The domain code.
    pub code: &'static str,
    /// The label.
    pub name: &'static str,
    /// The label in the other language.
    pub description: String,
    /// `kringloop_signal_domain`.
    pub taxonomy: &'static str,
    /// `nl` or `en`.
    pub language: &'static str,
}

fn hsds_status(s: PartnerStatus) -> &'static str {
    match s {
        PartnerStatus::Active => "active",
        PartnerStatus::Inactive => "inactive",
        PartnerStatus::Defunct => "defunct",
        PartnerStatus::TemporarilyClosed => "temporarily closed",
    }
}

/// The partners as HSDS 3.0 organisations and services, labels in `lang`.
pub fn hsds_export(partners: &[Partner], lang: Lang) -> HsdsExport {
    let mut organizations = Vec::with_capacity(partners.len());
    let mut services = Vec::new();
    for p in partners {
        let org = p.id.as_uuid();
        organizations.push(HsdsOrganization {
            id: org.to_string(),
            name: p.name.to_string(),
            description: p
                .description
                .as_ref()
                .map_or_else(|| p.name.to_string(), |d| d.to_string()),
            email: p.email.as_ref().map(|e| e.to_string()),
            website: p.website.as_ref().map(|w| w.to_string()),
            phones: p
                .phone
                .iter()
                .map(|n| HsdsPhone {
                    id: derived_id(&org, "phone").to_string(),
                    organization_id: org.to_string(),
                    number: n.to_string(),
                })
                .collect(),
        });
        for s in &p.services {
            let sid = s.id.as_uuid();
            services.push(HsdsService {
                id: sid.to_string(),
                organization_id: org.to_string(),
                name: s.name.to_string(),
                description: s.description.as_ref().map(|d| d.to_string()),
                status: hsds_status(p.status),
                attributes: s
                    .domains
                    .iter()
                    .map(|d| {
                        let term = derived_id(&TAXONOMY_NAMESPACE, d.code()).to_string();
                        let other = match lang {
                            Lang::Nl => Lang::En,
                            Lang::En => Lang::Nl,
                        };
                        HsdsAttribute {
                            id: derived_id(&sid, d.code()).to_string(),
                            link_id: sid.to_string(),
                            link_entity: "service",
                            link_type: "signal_domain",
                            value: d.code(),
                            taxonomy_term_id: term.clone(),
                            taxonomy_term: HsdsTaxonomyTerm {
                                id: term,
                                code: d.code(),
                                name: d.label(lang),
                                description: d.label(other).to_string(),
                                taxonomy: "kringloop_signal_domain",
                                language: match lang {
                                    Lang::Nl => "nl",
                                    Lang::En => "en",
                                },
                            },
                        }
                    })
                    .collect(),
            });
        }
    }
    HsdsExport {
        organizations,
        services,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_distinct_uuids() {
        let owner = Uuid::from_u128(0x0192_3c5e_7a10_7000_8000_0000_0000_0001);
        let phone = derived_id(&owner, "phone");
        assert_eq!(phone, derived_id(&owner, "phone"));
        assert_eq!(phone.get_version_num(), 8);
        assert_eq!(phone.get_variant(), uuid::Variant::RFC4122);
        assert_ne!(phone, derived_id(&owner, "money_debt"));
        let other = Uuid::from_u128(0x0192_3c5e_7a10_7000_8000_0000_0000_0002);
        assert_ne!(phone, derived_id(&other, "phone"));
        assert_eq!(
            TAXONOMY_NAMESPACE,
            Uuid::parse_str("dc54c801-ffe8-599c-a5ae-ee53466f03bc").unwrap_or_default()
        );
    }
}
