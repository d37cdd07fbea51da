//! Every code list kringloop has, by name, for pick lists in frontends and
//! for docs: `vocabulary("volunteer_role")` gives its codes with Dutch and
//! English labels. Bindings call this instead of keeping their own table.

use crate::code_list::{CodeLabel, CodeList, labels};
use crate::{
    Action, ActivityKind, ActivityStatus, Bucket, Category, CoachingOutcome, CoachingStatus,
    Condition, ConflictStatus, Consent, DonorKind, EnrolmentStatus, Error, GlaslPhase, IdeaStatus,
    Instrument, Intervention, LadderStep, MoveKind, Nth, PartnerStatus, PaymentMethod,
    ReferralOutcome, ReferralStatus, ResearchTable, Result, Role, SessionStatus, ShiftStatus,
    SignalDomain, SignalStatus, TagColour, TrajectoryClass, Urgency, VogState, VolunteerRole,
    VolunteerStatus, Weekday, ZrmDomain,
};

/// A vocabulary's name and how to list its entries.
type Entry = (&'static str, fn() -> Vec<CodeLabel>);

const ALL: [Entry; 37] = [
    (Role::NAME, labels::<Role>),
    (Action::NAME, labels::<Action>),
    (Weekday::NAME, labels::<Weekday>),
    (VolunteerRole::NAME, labels::<VolunteerRole>),
    (VolunteerStatus::NAME, labels::<VolunteerStatus>),
    (ShiftStatus::NAME, labels::<ShiftStatus>),
    (VogState::NAME, labels::<VogState>),
    (Category::NAME, labels::<Category>),
    (Condition::NAME, labels::<Condition>),
    (DonorKind::NAME, labels::<DonorKind>),
    (MoveKind::NAME, labels::<MoveKind>),
    (PaymentMethod::NAME, labels::<PaymentMethod>),
    (TagColour::NAME, labels::<TagColour>),
    (Bucket::NAME, labels::<Bucket>),
    (SignalDomain::NAME, labels::<SignalDomain>),
    (Urgency::NAME, labels::<Urgency>),
    (Consent::NAME, labels::<Consent>),
    (SignalStatus::NAME, labels::<SignalStatus>),
    (PartnerStatus::NAME, labels::<PartnerStatus>),
    (ReferralStatus::NAME, labels::<ReferralStatus>),
    (ReferralOutcome::NAME, labels::<ReferralOutcome>),
    (ActivityKind::NAME, labels::<ActivityKind>),
    (ActivityStatus::NAME, labels::<ActivityStatus>),
    (Nth::NAME, labels::<Nth>),
    (SessionStatus::NAME, labels::<SessionStatus>),
    (IdeaStatus::NAME, labels::<IdeaStatus>),
    (Instrument::NAME, labels::<Instrument>),
    (LadderStep::NAME, labels::<LadderStep>),
    (ZrmDomain::NAME, labels::<ZrmDomain>),
    (TrajectoryClass::NAME, labels::<TrajectoryClass>),
    (CoachingStatus::NAME, labels::<CoachingStatus>),
    (CoachingOutcome::NAME, labels::<CoachingOutcome>),
    (EnrolmentStatus::NAME, labels::<EnrolmentStatus>),
    (Intervention::NAME, labels::<Intervention>),
    (ConflictStatus::NAME, labels::<ConflictStatus>),
    (GlaslPhase::NAME, labels::<GlaslPhase>),
    (ResearchTable::NAME, labels::<ResearchTable>),
];

/// The names of all vocabularies, e.g. `volunteer_role`.
pub fn vocabularies() -> Vec<&'static str> {
    ALL.iter().map(|(name, _)| *name).collect()
}

/// The entries of the vocabulary `name`, in declaration order; an unknown
/// name is a validation error listing the known ones.
pub fn vocabulary(name: &str) -> Result<Vec<CodeLabel>> {
    ALL.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, list)| list())
        .ok_or_else(|| {
            Error::validation(
                "vocabulary",
                format!(
                    "unknown vocabulary {name:?}; expected one of {}",
                    vocabularies().join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_lists_its_codes() {
        for name in vocabularies() {
            let entries = vocabulary(name).unwrap();
            assert!(!entries.is_empty(), "{name}");
            assert!(entries.iter().all(|e| !e.nl.is_empty() && !e.en.is_empty()));
        }
        assert_eq!(vocabulary("volunteer_role").unwrap()[1].code, "cashier");
        let e = vocabulary("colour").unwrap_err();
        assert!(e.to_string().contains("volunteer_role"), "{e}");
    }
}
