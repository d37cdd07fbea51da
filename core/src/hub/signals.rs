//! Hub operations on signals, referrals and partners: recording, reading
//! (every read of personal fields journalled), referring with the consent
//! rule, the referral lifecycle, follow-ups, retention and statistics.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, Error, HsdsExport, JournalEntry, Lang, NewPartner, NewReferral, NewSignal,
    Partner, PartnerId, PartnerStatus, PartnerSuggestion, Period, Referral, ReferralChange,
    ReferralId, ReferralQuery, Result, Role, Scope, Signal, SignalId, SignalPolicy, SignalQuery,
    SignalStatistics, SignalUpdate, SignalView, Urgency, authorize, hsds_export, suggest_partners,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

/// An open referral whose follow-up date has come, with what the person
/// following up must know first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpDue {
    /// The referral.
    pub referral: Referral,
    /// The partner's name.
    pub partner_name: String,
    /// The signal's urgency.
    pub urgency: Urgency,
    /// The hub must not contact the person itself.
    pub do_not_contact: bool,
}

/// What a purge erased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurgeReport {
    /// Signals closed before this moment were due.
    pub closed_before: DateTime<Utc>,
    /// The signals whose personal fields were erased.
    pub erased: Vec<SignalId>,
}

/// Which signals a caller lists: all filters optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SignalFilter {
    /// Only open signals.
    pub open_only: bool,
    /// Only signals recorded in this period.
    pub period: Option<Period>,
}

/// Whether `signal` is within `scope`: `Own` reaches only open signals the
/// volunteer recorded.
fn check_scope(scope: Scope, actor: &Actor, action: Action, signal: &Signal) -> Result<()> {
    match scope {
        Scope::All => Ok(()),
        Scope::Own(v) if signal.recorded_by_volunteer == Some(v) && signal.is_open() => Ok(()),
        Scope::Own(_) => Err(Error::Forbidden {
            role: actor.role().to_string(),
            action: action.to_string(),
        }),
    }
}

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Records a signal (volunteers, coordinators, admins). Returns it with
    /// the personal fields just given. The journal gets the coded facts and
    /// the names of the personal fields, never their values.
    pub async fn record_signal(&self, actor: &Actor, input: NewSignal) -> Result<SignalView> {
        authorize(actor, Action::RecordSignal)?;
        let clock = self.clock();
        let (signal, personal) = Signal::record(SignalId::generate(clock), input, clock, actor)?;
        let entry = JournalEntry::new(
            clock,
            actor,
            "signal.recorded",
            SignalId::ENTITY,
            signal.id,
            json!({ "signal": signal, "personalFields": personal.field_names() }),
        );
        self.store
            .insert_signal(self.id, &signal, &personal, &entry)
            .await?;
        Ok(SignalView {
            signal,
            personal: Some(personal),
        })
    }

    async fn scoped_signal(&self, actor: &Actor, action: Action, id: SignalId) -> Result<Signal> {
        let scope = authorize(actor, action)?;
        let signal = self.store.signal(self.id, id).await?;
        check_scope(scope, actor, action, &signal)?;
        Ok(signal)
    }

    fn read_entry(&self, actor: &Actor, id: SignalId) -> JournalEntry {
        JournalEntry::new(
            self.clock(),
            actor,
            "signal.personal_read",
            SignalId::ENTITY,
            id,
            json!({}),
        )
    }

    /// One signal with its personal fields: coordinators and admins any, a
    /// volunteer only an open one they recorded. The read is journalled.
    pub async fn signal(&self, actor: &Actor, id: SignalId) -> Result<SignalView> {
        let signal = self.scoped_signal(actor, Action::ReadSignals, id).await?;
        let entry = self.read_entry(actor, id);
        let personal = self
            .store
            .read_signal_personal(self.id, &[id], &[entry])
            .await?
            .pop()
            .map(|(_, p)| p);
        Ok(SignalView { signal, personal })
    }

    fn signal_query(&self, actor: &Actor, filter: SignalFilter) -> Result<SignalQuery> {
        Ok(match authorize(actor, Action::ReadSignals)? {
            Scope::All => SignalQuery {
                recorded_by: None,
                open_only: filter.open_only,
                period: filter.period,
            },
            Scope::Own(v) => SignalQuery {
                recorded_by: Some(v),
                open_only: true,
                period: filter.period,
            },
        })
    }

    /// Signals' coded facts, oldest first: coordinators and admins all, a
    /// volunteer their own open ones. No personal fields, so no read entry.
    pub async fn signals(&self, actor: &Actor, filter: SignalFilter) -> Result<Vec<Signal>> {
        let q = self.signal_query(actor, filter)?;
        self.store.signals(self.id, &q).await
    }

    /// Like [`Hub::signals`], with personal fields; every signal read is
    /// journalled.
    pub async fn signal_views(
        &self,
        actor: &Actor,
        filter: SignalFilter,
    ) -> Result<Vec<SignalView>> {
        let q = self.signal_query(actor, filter)?;
        let signals = self.store.signals(self.id, &q).await?;
        let ids: Vec<SignalId> = signals.iter().map(|s| s.id).collect();
        let entries: Vec<JournalEntry> = ids.iter().map(|id| self.read_entry(actor, *id)).collect();
        let mut personal = self
            .store
            .read_signal_personal(self.id, &ids, &entries)
            .await?
            .into_iter();
        let mut next = personal.next();
        Ok(signals
            .into_iter()
            .map(|signal| {
                let p = match &next {
                    Some((id, _)) if *id == signal.id => next.take().map(|(_, p)| p),
                    _ => None,
                };
                if p.is_some() {
                    next = personal.next();
                }
                SignalView {
                    signal,
                    personal: p,
                }
            })
            .collect())
    }

    /// Changes an open signal's domains, urgency, consent (asked now, by the
    /// actor) or do-not-contact flag: coordinators any, a volunteer their own.
    pub async fn update_signal(
        &self,
        actor: &Actor,
        id: SignalId,
        change: SignalUpdate,
    ) -> Result<Signal> {
        let current = self.scoped_signal(actor, Action::UpdateSignal, id).await?;
        let next = current.updated(change, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "signal.updated",
            SignalId::ENTITY,
            id,
            detail(&next),
        );
        self.store
            .update_signal(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Closes a signal (coordinators, admins); refused while a referral of
    /// it is open. Its personal fields are erased by the purge after the
    /// retention period.
    pub async fn close_signal(&self, actor: &Actor, id: SignalId) -> Result<Signal> {
        authorize(actor, Action::ManageReferrals)?;
        let current = self.store.signal(self.id, id).await?;
        let next = current.closed(self.clock())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "signal.closed",
            SignalId::ENTITY,
            id,
            json!({ "closedAt": next.closed_at }),
        );
        self.store
            .update_signal(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Adds a partner to the directory (coordinators, admins).
    pub async fn register_partner(&self, actor: &Actor, input: NewPartner) -> Result<Partner> {
        authorize(actor, Action::ManagePartners)?;
        let clock = self.clock();
        let p = Partner::register(PartnerId::generate(clock), input, clock)?;
        let entry = JournalEntry::new(
            clock,
            actor,
            "partner.registered",
            PartnerId::ENTITY,
            p.id,
            detail(&p),
        );
        self.store.insert_partner(self.id, &p, &entry).await?;
        Ok(p)
    }

    /// Replaces a partner's details and services (coordinators, admins).
    /// Services passed with the id of an existing one keep it.
    pub async fn update_partner(
        &self,
        actor: &Actor,
        id: PartnerId,
        input: NewPartner,
    ) -> Result<Partner> {
        authorize(actor, Action::ManagePartners)?;
        let current = self.store.partner(self.id, id).await?;
        let next = current.replaced(input, self.clock())?;
        self.save_partner(actor, &current, next).await
    }

    /// Changes a partner's status (coordinators, admins).
    pub async fn set_partner_status(
        &self,
        actor: &Actor,
        id: PartnerId,
        status: PartnerStatus,
    ) -> Result<Partner> {
        authorize(actor, Action::ManagePartners)?;
        let current = self.store.partner(self.id, id).await?;
        let next = current.with_status(status);
        self.save_partner(actor, &current, next).await
    }

    async fn save_partner(
        &self,
        actor: &Actor,
        current: &Partner,
        next: Partner,
    ) -> Result<Partner> {
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "partner.updated",
            PartnerId::ENTITY,
            next.id,
            detail(&next),
        );
        self.store
            .update_partner(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// One partner (every role: the directory holds no personal data).
    pub async fn partner(&self, actor: &Actor, id: PartnerId) -> Result<Partner> {
        authorize(actor, Action::ReadPartners)?;
        self.store.partner(self.id, id).await
    }

    /// The partners directory, by name.
    pub async fn partners(&self, actor: &Actor) -> Result<Vec<Partner>> {
        authorize(actor, Action::ReadPartners)?;
        self.store.partners(self.id).await
    }

    /// The directory as Open Referral HSDS 3.0 organisations and services.
    pub async fn partners_hsds(&self, actor: &Actor, lang: Lang) -> Result<HsdsExport> {
        authorize(actor, Action::ReadPartners)?;
        Ok(hsds_export(&self.store.partners(self.id).await?, lang))
    }

    /// The active partners serving the signal's domains, best match first
    /// (for whoever may read the signal).
    pub async fn partner_suggestions(
        &self,
        actor: &Actor,
        signal: SignalId,
    ) -> Result<Vec<PartnerSuggestion>> {
        authorize(actor, Action::ReadPartners)?;
        let signal = self
            .scoped_signal(actor, Action::ReadSignals, signal)
            .await?;
        Ok(suggest_partners(
            &signal,
            &self.store.partners(self.id).await?,
        ))
    }

    /// Refers a signal to an active partner: coordinators any open signal,
    /// a volunteer an open one they recorded. Needs the person's consent
    /// (`given`); only an acute signal may go without, with a reason.
    pub async fn refer(&self, actor: &Actor, input: NewReferral) -> Result<Referral> {
        let signal = self
            .scoped_signal(actor, Action::Refer, input.signal)
            .await?;
        let partner = self.store.partner(self.id, input.partner).await?;
        let clock = self.clock();
        let r = Referral::create(
            ReferralId::generate(clock),
            input,
            &signal,
            &partner,
            clock,
            actor,
        )?;
        let entry = JournalEntry::new(
            clock,
            actor,
            "referral.created",
            ReferralId::ENTITY,
            r.id,
            detail(&r),
        );
        self.store
            .insert_referral(self.id, &r, signal.version, &entry)
            .await?;
        Ok(r)
    }

    /// Moves a referral along its lifecycle (coordinators, admins). Illegal
    /// transitions are a `Conflict`; closing needs an outcome.
    pub async fn change_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        change: ReferralChange,
    ) -> Result<Referral> {
        authorize(actor, Action::ManageReferrals)?;
        let current = self.store.referral(self.id, id).await?;
        let signal = self.store.signal(self.id, current.signal_id).await?;
        let next = current.changed(change, &signal, self.clock())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "referral.status_changed",
            ReferralId::ENTITY,
            id,
            json!({ "from": current.status, "to": next.status, "outcome": next.outcome, "followUp": next.follow_up }),
        );
        self.store
            .update_referral(
                self.id,
                &next,
                current.version,
                Some(signal.version),
                &entry,
            )
            .await?;
        Ok(next)
    }

    /// Sets (or clears) an open referral's follow-up date (coordinators, admins).
    pub async fn set_follow_up(
        &self,
        actor: &Actor,
        id: ReferralId,
        date: Option<NaiveDate>,
    ) -> Result<Referral> {
        authorize(actor, Action::ManageReferrals)?;
        let current = self.store.referral(self.id, id).await?;
        let next = current.with_follow_up(date, self.clock())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "referral.follow_up_set",
            ReferralId::ENTITY,
            id,
            json!({ "followUp": next.follow_up }),
        );
        self.store
            .update_referral(self.id, &next, current.version, None, &entry)
            .await?;
        Ok(next)
    }

    /// One referral (coordinators, admins).
    pub async fn referral(&self, actor: &Actor, id: ReferralId) -> Result<Referral> {
        authorize(actor, Action::ManageReferrals)?;
        self.store.referral(self.id, id).await
    }

    /// Referrals, oldest first, optionally of one signal and only open ones
    /// (coordinators, admins).
    pub async fn referrals(
        &self,
        actor: &Actor,
        signal: Option<SignalId>,
        open_only: bool,
    ) -> Result<Vec<Referral>> {
        authorize(actor, Action::ManageReferrals)?;
        let q = ReferralQuery {
            signal,
            open_only,
            follow_up_by: None,
        };
        self.store.referrals(self.id, &q).await
    }

    /// Open referrals with a follow-up on or before `on` (default today),
    /// earliest first, with the signal's urgency and do-not-contact flag
    /// (coordinators, admins).
    pub async fn follow_ups_due(
        &self,
        actor: &Actor,
        on: Option<NaiveDate>,
    ) -> Result<Vec<FollowUpDue>> {
        authorize(actor, Action::ManageReferrals)?;
        let q = ReferralQuery {
            signal: None,
            open_only: true,
            follow_up_by: Some(on.unwrap_or_else(|| self.clock().today())),
        };
        let referrals = self.store.referrals(self.id, &q).await?;
        let partners = self.store.partners(self.id).await?;
        let mut out = Vec::with_capacity(referrals.len());
        for referral in referrals {
            let signal = self.store.signal(self.id, referral.signal_id).await?;
            let partner_name = partners
                .iter()
                .find(|p| p.id == referral.partner_id)
                .map_or_else(|| referral.partner_id.to_string(), |p| p.name.to_string());
            out.push(FollowUpDue {
                partner_name,
                urgency: signal.urgency,
                do_not_contact: signal.do_not_contact,
                referral,
            });
        }
        Ok(out)
    }

    /// Sets the hub's retention period and suppression threshold
    /// (coordinators, admins).
    pub async fn set_signal_policy(
        &self,
        actor: &Actor,
        policy: SignalPolicy,
    ) -> Result<SignalPolicy> {
        authorize(actor, Action::ManageHubSettings)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "hub.signal_policy_set",
            "hub",
            self.id,
            detail(&policy),
        );
        self.store
            .set_signal_policy(self.id, &policy, &entry)
            .await?;
        Ok(policy)
    }

    /// The hub's signal policy (the defaults until one is set).
    pub async fn signal_policy(&self, actor: &Actor) -> Result<SignalPolicy> {
        authorize(actor, Action::ReadAggregates)?;
        Ok(self.store.signal_policy(self.id).await?.unwrap_or_default())
    }

    /// Erases the personal fields of signals closed longer ago than the
    /// retention period (admins). The coded facts stay for statistics.
    pub async fn purge_signals(&self, actor: &Actor) -> Result<PurgeReport> {
        authorize(actor, Action::PurgeSignals)?;
        let policy = self.store.signal_policy(self.id).await?.unwrap_or_default();
        let now = self.clock().now();
        let closed_before = policy.purge_before(now);
        let due = self.store.purge_candidates(self.id, closed_before).await?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "signals.purged",
            SignalId::ENTITY,
            format!("{} signals", due.len()),
            json!({ "closedBefore": closed_before, "signals": due }),
        );
        // With nothing due the store writes nothing (no journal entry) and
        // only retries its on-disk clean-up.
        self.store
            .erase_signal_personal(self.id, &due, now, &entry)
            .await?;
        Ok(PurgeReport {
            closed_before,
            erased: due,
        })
    }

    /// Signals by domain and urgency per month, referrals by partner, status
    /// and outcome, and median days to referral and closure, for signals
    /// recorded in `period`. Coordinators and admins get exact counts;
    /// researchers get them with small-cell suppression (see `docs/privacy.md`).
    pub async fn signal_statistics(
        &self,
        actor: &Actor,
        period: Period,
    ) -> Result<SignalStatistics> {
        authorize(actor, Action::ReadSignalStatistics)?;
        let threshold = match actor.role() {
            Role::Researcher => Some(
                self.store
                    .signal_policy(self.id)
                    .await?
                    .unwrap_or_default()
                    .suppression_threshold(),
            ),
            _ => None,
        };
        let counts = self.store.signal_counts(self.id, period).await?;
        let partners = self.store.partners(self.id).await?;
        Ok(SignalStatistics::publish(
            period, &counts, &partners, threshold,
        ))
    }
}
