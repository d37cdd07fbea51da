//! Referrals: passing a signal to a partner, with consent, and following it
//! until the loop is closed. The lifecycle follows the HL7 SDOH closed-loop
//! referral Task statuses; [`ReferralStatus::can_become`] is the one
//! transition table.

use super::{Consent, Partner, ReferralOutcome, ReferralStatus, Signal, Urgency};
use crate::{Actor, ActorName, Clock, Error, PartnerId, Reason, ReferralId, Result, SignalId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

impl ReferralStatus {
    /// Whether a referral may still change.
    pub fn is_open(self) -> bool {
        !self.is_closed()
    }

    /// The transition table. `held_from` is the status an `on_hold`
    /// referral came from: it may only go back there (or be cancelled).
    ///
    /// | from | to |
    /// | --- | --- |
    /// | `draft` | `requested`, `on_hold`, `cancelled` |
    /// | `requested` | `accepted`, `rejected`, `on_hold`, `cancelled` |
    /// | `accepted` | `in_progress`, `on_hold`, `cancelled` |
    /// | `in_progress` | `completed`, `failed`, `on_hold`, `cancelled` |
    /// | `on_hold` | the status it came from, `cancelled` |
    /// | `rejected`, `completed`, `failed`, `cancelled` | nothing (closed) |
    pub fn can_become(self, to: ReferralStatus, held_from: Option<ReferralStatus>) -> bool {
        use ReferralStatus::*;
        match (self, to) {
            (OnHold, Cancelled) => true,
            (OnHold, back) => held_from == Some(back),
            (from, OnHold | Cancelled) => from.is_open(),
            (Draft, Requested) => true,
            (Requested, Accepted | Rejected) => true,
            (Accepted, InProgress) => true,
            (InProgress, Completed | Failed) => true,
            _ => false,
        }
    }
}

/// A referral of a signal to a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referral {
    /// Id.
    pub id: ReferralId,
    /// The signal referred.
    pub signal_id: SignalId,
    /// The partner referred to.
    pub partner_id: PartnerId,
    /// Where it stands.
    pub status: ReferralStatus,
    /// For `on_hold`: the status to go back to.
    pub held_from: Option<ReferralStatus>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// The hub's date it was made on.
    pub created_on: NaiveDate,
    /// Who made it.
    pub created_by: ActorName,
    /// Why an acute signal is referred without consent (only then).
    pub consent_exception: Option<Reason>,
    /// When it was sent to the partner.
    pub requested_at: Option<DateTime<Utc>>,
    /// When someone should check on it next.
    pub follow_up: Option<NaiveDate>,
    /// What came of it (closed referrals only).
    pub outcome: Option<ReferralOutcome>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// Input for a new referral (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewReferral {
    /// The signal to refer.
    pub signal: SignalId,
    /// The partner to refer to (must be active).
    pub partner: PartnerId,
    /// When to check on it (today or later).
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    /// Only for an acute signal without consent: why it cannot wait.
    #[serde(default)]
    pub consent_exception: Option<String>,
    /// Send it right away (`requested`) instead of keeping it as a `draft`.
    #[serde(default)]
    pub request: bool,
}

/// A status change of a referral.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralChange {
    /// The new status.
    pub status: ReferralStatus,
    /// Required when the new status closes the referral; refused otherwise.
    #[serde(default)]
    pub outcome: Option<ReferralOutcome>,
    /// A new follow-up date (today or later); closing clears it.
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
}

/// The consent rule: a referral needs the person's consent (`given`); only
/// an `acute` signal may go without it, and then with a recorded reason.
pub fn check_consent(signal: &Signal, exception: Option<&Reason>) -> Result<()> {
    match (signal.consent, signal.urgency, exception) {
        (Consent::Given, _, None) => Ok(()),
        (Consent::Given, _, Some(_)) => Err(Error::validation(
            "consent_exception",
            "the person gave consent; no exception is needed",
        )),
        (_, Urgency::Acute, Some(_)) => Ok(()),
        (c, Urgency::Acute, None) => Err(Error::validation(
            "consent",
            format!(
                "no referral without consent (it is {c}); an acute signal may be referred without it only with a recorded reason (consent_exception)"
            ),
        )),
        (c, _, _) => Err(Error::validation(
            "consent",
            format!(
                "no referral without consent (it is {c}); only an acute signal may be referred without it"
            ),
        )),
    }
}

fn check_follow_up(date: Option<NaiveDate>, today: NaiveDate) -> Result<Option<NaiveDate>> {
    match date {
        Some(d) if d < today => Err(Error::validation(
            "follow_up",
            format!("{d} is in the past (today is {today})"),
        )),
        other => Ok(other),
    }
}

impl Referral {
    /// Validates a new referral of an open signal to an active partner,
    /// applying the consent rule. It starts as a `draft`, or `requested`
    /// when the input asks to send it.
    pub fn create(
        id: ReferralId,
        input: NewReferral,
        signal: &Signal,
        partner: &Partner,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Referral> {
        if !signal.is_open() {
            return Err(Error::Conflict(format!("signal {} is closed", signal.id)));
        }
        if !partner.is_active() {
            return Err(Error::Conflict(format!(
                "partner {} does not take referrals (it is {})",
                partner.name, partner.status
            )));
        }
        let exception = match input.consent_exception.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(Reason::parse(s).map_err(|e| match e {
                Error::Validation { reason, .. } => Error::validation("consent_exception", reason),
                other => other,
            })?),
        };
        check_consent(signal, exception.as_ref())?;
        let now = clock.now();
        let draft = Referral {
            id,
            signal_id: signal.id,
            partner_id: partner.id,
            status: ReferralStatus::Draft,
            held_from: None,
            created_at: now,
            created_on: clock.today(),
            created_by: actor.name().clone(),
            consent_exception: exception,
            requested_at: None,
            follow_up: check_follow_up(input.follow_up, clock.today())?,
            outcome: None,
            closed_at: None,
            updated_at: now,
            version: 1,
        };
        if input.request {
            draft.changed(
                ReferralChange {
                    status: ReferralStatus::Requested,
                    outcome: None,
                    follow_up: None,
                },
                signal,
                clock,
            )
        } else {
            Ok(draft)
        }
    }

    /// Applies a status change: refused (`Conflict`) when the transition
    /// table does not allow it; sending a draft re-checks the consent rule
    /// against the signal as it is now; closing needs an outcome.
    pub fn changed(
        &self,
        change: ReferralChange,
        signal: &Signal,
        clock: &dyn Clock,
    ) -> Result<Referral> {
        let to = change.status;
        if !self.status.can_become(to, self.held_from) {
            return Err(Error::Conflict(format!(
                "a referral cannot go from {} to {to}",
                self.status
            )));
        }
        match (to.is_closed(), change.outcome) {
            (true, None) => {
                return Err(Error::validation(
                    "outcome",
                    format!("closing a referral as {to} needs an outcome"),
                ));
            }
            (false, Some(_)) => {
                return Err(Error::validation(
                    "outcome",
                    format!("only a closed referral has an outcome, and {to} is open"),
                ));
            }
            _ => {}
        }
        let now = clock.now();
        let mut next = self.clone();
        if self.status == ReferralStatus::Draft && to == ReferralStatus::Requested {
            check_consent(signal, self.consent_exception.as_ref())?;
            next.requested_at = Some(now);
        }
        next.held_from = match to {
            ReferralStatus::OnHold => Some(self.status),
            _ => None,
        };
        next.status = to;
        next.outcome = change.outcome;
        if to.is_closed() {
            next.closed_at = Some(now);
            next.follow_up = None;
        } else if change.follow_up.is_some() {
            next.follow_up = check_follow_up(change.follow_up, clock.today())?;
        }
        next.updated_at = now;
        next.version += 1;
        Ok(next)
    }

    /// This open referral with a new follow-up date (`None` clears it).
    pub fn with_follow_up(&self, date: Option<NaiveDate>, clock: &dyn Clock) -> Result<Referral> {
        if self.status.is_closed() {
            return Err(Error::Conflict(format!("referral {} is closed", self.id)));
        }
        let mut next = self.clone();
        next.follow_up = check_follow_up(date, clock.today())?;
        next.updated_at = clock.now();
        next.version += 1;
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_list::CodeList;

    #[test]
    fn transition_table_covers_every_pair() {
        use ReferralStatus::*;
        let legal = [
            (Draft, Requested),
            (Draft, OnHold),
            (Draft, Cancelled),
            (Requested, Accepted),
            (Requested, Rejected),
            (Requested, OnHold),
            (Requested, Cancelled),
            (Accepted, InProgress),
            (Accepted, OnHold),
            (Accepted, Cancelled),
            (InProgress, Completed),
            (InProgress, Failed),
            (InProgress, OnHold),
            (InProgress, Cancelled),
            (OnHold, Cancelled),
        ];
        for from in ReferralStatus::ALL {
            for to in ReferralStatus::ALL {
                let expected = legal.contains(&(*from, *to));
                assert_eq!(from.can_become(*to, None), expected, "{from} -> {to}");
            }
        }
        // on_hold goes back only where it came from
        for held in [Draft, Requested, Accepted, InProgress] {
            for to in ReferralStatus::ALL {
                let expected = *to == held || *to == Cancelled;
                assert_eq!(
                    OnHold.can_become(*to, Some(held)),
                    expected,
                    "on_hold({held}) -> {to}"
                );
            }
        }
    }
}
