//! `Hub` operations on signals and referrals: recording signals, the
//! partners directory (and its HSDS export), referrals with the consent
//! rule, follow-ups, the retention purge and the statistics. The rules, the
//! roles and the journalling of every read of personal fields are the
//! core's; this file only converts.

use crate::convert::{self, output};
#[cfg(feature = "shop")]
use crate::convert::{ReferralsFilter, StockOnHandOptions};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::{NewPartner, NewReferral, NewSignal, SignalUpdate};
#[cfg(feature = "shop")]
use kringloop::{ReferralChange, SignalPolicy};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Records a signal (volunteers, coordinators, admins); returns it with
    /// the personal fields just given. The journal gets the coded facts and
    /// the names of the personal fields, never their values.
    #[wasm_bindgen(js_name = recordSignal, unchecked_return_type = "Promise<SignalView>")]
    pub fn record_signal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewSignal")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewSignal = convert::input(input, "input")?;
            output(&hub.record_signal(&actor, input).await?)
        })
    }

    /// One signal with its personal fields: coordinators and admins any, a
    /// volunteer only an open one they recorded. The read is journalled.
    #[wasm_bindgen(unchecked_return_type = "Promise<SignalView>")]
    pub fn signal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::signal_id(id)?;
            output(&hub.signal(&actor, id).await?)
        })
    }

    /// Signals' coded facts (no personal fields, no read entry), oldest
    /// first: coordinators and admins all, a volunteer their own open ones.
    #[wasm_bindgen(unchecked_return_type = "Promise<Signal[]>")]
    pub fn signals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignalsFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let filter = convert::signal_filter(filter)?;
            output(&hub.signals(&actor, filter).await?)
        })
    }

    /// Like `signals`, with the personal fields; every signal read is
    /// journalled.
    #[wasm_bindgen(js_name = signalViews, unchecked_return_type = "Promise<SignalView[]>")]
    pub fn signal_views(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignalsFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let filter = convert::signal_filter(filter)?;
            output(&hub.signal_views(&actor, filter).await?)
        })
    }

    /// Changes an open signal's domains, urgency, consent (asked now, by the
    /// actor) or do-not-contact flag: coordinators any, a volunteer their own.
    #[wasm_bindgen(js_name = updateSignal, unchecked_return_type = "Promise<Signal>")]
    pub fn update_signal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SignalUpdate")] change: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::signal_id(id)?;
            let change: SignalUpdate = convert::input(change, "change")?;
            output(&hub.update_signal(&actor, id, change).await?)
        })
    }

    /// Closes a signal (coordinators, admins); a `conflict` while one of its
    /// referrals is open.
    #[wasm_bindgen(js_name = closeSignal, unchecked_return_type = "Promise<Signal>")]
    pub fn close_signal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::signal_id(id)?;
            output(&hub.close_signal(&actor, id).await?)
        })
    }

    /// Adds a partner with its services to the directory (coordinators, admins).
    #[wasm_bindgen(js_name = registerPartner, unchecked_return_type = "Promise<Partner>")]
    pub fn register_partner(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewPartner")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewPartner = convert::input(input, "input")?;
            output(&hub.register_partner(&actor, input).await?)
        })
    }

    /// One partner (every role: the directory holds no personal data).
    #[wasm_bindgen(unchecked_return_type = "Promise<Partner>")]
    pub fn partner(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::partner_id(id)?;
            output(&hub.partner(&actor, id).await?)
        })
    }

    /// The partners directory, by name.
    #[wasm_bindgen(unchecked_return_type = "Promise<Partner[]>")]
    pub fn partners(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.partners(&actor).await?)
        })
    }

    /// The active partners serving the signal's domains, best match first
    /// (for whoever may read the signal).
    #[wasm_bindgen(js_name = partnerSuggestions, unchecked_return_type = "Promise<PartnerSuggestion[]>")]
    pub fn partner_suggestions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = signalId, unchecked_param_type = "string")] signal_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::signal_id(signal_id)?;
            output(&hub.partner_suggestions(&actor, id).await?)
        })
    }

    /// Refers a signal to an active partner: coordinators any open signal, a
    /// volunteer an open one they recorded. Needs the person's consent
    /// (`given`); only an acute signal may go without, with a
    /// `consentException` reason. A refusal names the field (`consent`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Referral>")]
    pub fn refer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewReferral")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewReferral = convert::input(input, "input")?;
            output(&hub.refer(&actor, input).await?)
        })
    }
}

// The office calls: not in the offline package `kringloop-offline` (feature
// `offline` without `shop`), which keeps the shop floor's calls (docs/web.md).
#[cfg(feature = "shop")]
#[wasm_bindgen]
impl Hub {
    /// Replaces a partner's details and services (coordinators, admins);
    /// services passed with the `id` of an existing one keep it.
    #[wasm_bindgen(js_name = updatePartner, unchecked_return_type = "Promise<Partner>")]
    pub fn update_partner(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewPartner")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::partner_id(id)?;
            let input: NewPartner = convert::input(input, "input")?;
            output(&hub.update_partner(&actor, id, input).await?)
        })
    }

    /// Changes a partner's status (coordinators, admins).
    #[wasm_bindgen(js_name = setPartnerStatus, unchecked_return_type = "Promise<Partner>")]
    pub fn set_partner_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PartnerStatus")] status: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::partner_id(id)?;
            let status = convert::partner_status(status)?;
            output(&hub.set_partner_status(&actor, id, status).await?)
        })
    }

    /// The directory as Open Referral HSDS 3.0 organisations and services,
    /// labels in `lang` (`"nl"`, the default, or `"en"`).
    #[wasm_bindgen(js_name = partnersHsds, unchecked_return_type = "Promise<HsdsExport>")]
    pub fn partners_hsds(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let lang = convert::lang(lang)?;
            output(&hub.partners_hsds(&actor, lang).await?)
        })
    }

    /// Moves a referral along its lifecycle (coordinators, admins). An
    /// illegal transition is a `conflict`; closing needs an `outcome`.
    #[wasm_bindgen(js_name = changeReferral, unchecked_return_type = "Promise<Referral>")]
    pub fn change_referral(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ReferralChange")] change: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::referral_id(id)?;
            let change: ReferralChange = convert::input(change, "change")?;
            output(&hub.change_referral(&actor, id, change).await?)
        })
    }

    /// Sets (a date, today or later) or clears (`null`) an open referral's
    /// follow-up date (coordinators, admins).
    #[wasm_bindgen(js_name = setFollowUp, unchecked_return_type = "Promise<Referral>")]
    pub fn set_follow_up(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate | null")] date: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::referral_id(id)?;
            let date = convert::optional_date(date, "date")?;
            output(&hub.set_follow_up(&actor, id, date).await?)
        })
    }

    /// One referral (coordinators, admins).
    #[wasm_bindgen(unchecked_return_type = "Promise<Referral>")]
    pub fn referral(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::referral_id(id)?;
            output(&hub.referral(&actor, id).await?)
        })
    }

    /// Referrals, oldest first, optionally of one signal and only open ones
    /// (coordinators, admins).
    #[wasm_bindgen(unchecked_return_type = "Promise<Referral[]>")]
    pub fn referrals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReferralsFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let f: ReferralsFilter = convert::options(filter, "filter")?;
            let open_only = f.open_only.unwrap_or(false);
            output(&hub.referrals(&actor, f.signal_id, open_only).await?)
        })
    }

    /// Open referrals with a follow-up on or before `on` (default today),
    /// earliest first, with the signal's urgency and do-not-contact flag
    /// (coordinators, admins).
    #[wasm_bindgen(js_name = followUpsDue, unchecked_return_type = "Promise<FollowUpDue[]>")]
    pub fn follow_ups_due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "FollowUpsOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            // `{ on? }`: the same shape as the options of `stockOnHand`.
            let o: StockOnHandOptions = convert::options(options, "options")?;
            output(&hub.follow_ups_due(&actor, o.on).await?)
        })
    }

    /// Sets the hub's retention period and suppression threshold
    /// (coordinators, admins); returns it.
    #[wasm_bindgen(js_name = setSignalPolicy, unchecked_return_type = "Promise<SignalPolicy>")]
    pub fn set_signal_policy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<SignalPolicy>")] policy: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let policy: SignalPolicy = convert::input(policy, "policy")?;
            output(&hub.set_signal_policy(&actor, policy).await?)
        })
    }

    /// The hub's signal policy (the defaults until one is set).
    #[wasm_bindgen(js_name = signalPolicy, unchecked_return_type = "Promise<SignalPolicy>")]
    pub fn signal_policy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.signal_policy(&actor).await?)
        })
    }

    /// Erases the personal fields of signals closed longer ago than the
    /// retention period (admins); the coded facts stay for statistics.
    #[wasm_bindgen(js_name = purgeSignals, unchecked_return_type = "Promise<PurgeReport>")]
    pub fn purge_signals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.purge_signals(&actor).await?)
        })
    }

    /// Signals by domain and urgency per month, referrals by partner, status
    /// and outcome, and median days to referral and closure, for signals
    /// recorded in `{ from, to }`. Coordinators and admins get exact counts;
    /// researchers get small counts hidden (`null`).
    #[wasm_bindgen(js_name = signalStatistics, unchecked_return_type = "Promise<SignalStatistics>")]
    pub fn signal_statistics(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.signal_statistics(&actor, period).await?)
        })
    }
}
