//! The vocabularies of signals and referrals.

use crate::code_list;

code_list! {
    /// What a signal is about (a signal may touch several domains).
    pub enum SignalDomain: "signal_domain" {
        /// Loneliness, social isolation.
        Loneliness = ("loneliness", "eenzaamheid", "loneliness"),
        /// Money trouble and debts.
        MoneyDebt = ("money_debt", "geldzorgen en schulden", "money and debt"),
        /// Housing: rent arrears, eviction, bad housing.
        Housing = ("housing", "wonen", "housing"),
        /// Physical health.
        PhysicalHealth = ("physical_health", "lichamelijke gezondheid", "physical health"),
        /// Mental health.
        MentalHealth = ("mental_health", "psychische gezondheid", "mental health"),
        /// Family and parenting.
        FamilyParenting = ("family_parenting", "gezin en opvoeding", "family and parenting"),
        /// Safety and (domestic) violence.
        SafetyViolence = ("safety_violence", "veiligheid en geweld", "safety and violence"),
        /// Addiction.
        Addiction = ("addiction", "verslaving", "addiction"),
        /// Work and daytime activities.
        WorkDaytime = ("work_daytime", "werk en dagbesteding", "work and daytime activities"),
        /// Letters, forms and paperwork.
        Paperwork = ("paperwork", "post en formulieren", "paperwork"),
        /// Food.
        Food = ("food", "voedsel", "food"),
        /// Anything else.
        Other = ("other", "overig", "other"),
    }
}

code_list! {
    /// How soon something must happen.
    pub enum Urgency: "urgency" {
        /// The usual pace.
        Normal = ("normal", "normaal", "normal"),
        /// Soon: within days.
        High = ("high", "hoog", "high"),
        /// Now: danger or crisis. A referral may then go ahead without
        /// consent, with a recorded reason.
        Acute = ("acute", "acuut", "acute"),
    }
}

code_list! {
    /// Whether the person agreed to be referred.
    pub enum Consent: "consent" {
        /// The person agreed.
        Given = ("given", "gegeven", "given"),
        /// The person declined.
        Refused = ("refused", "geweigerd", "refused"),
        /// Nobody asked yet.
        NotAsked = ("not_asked", "niet gevraagd", "not asked"),
    }
}

code_list! {
    /// Whether a signal still needs attention.
    pub enum SignalStatus: "signal_status" {
        /// Still being followed up.
        Open = ("open", "open", "open"),
        /// Done; its personal fields are erased after the retention period.
        Closed = ("closed", "gesloten", "closed"),
    }
}

code_list! {
    /// Whether a partner takes referrals (the HSDS service statuses).
    pub enum PartnerStatus: "partner_status" {
        /// Takes referrals.
        Active = ("active", "actief", "active"),
        /// Not taking referrals for now.
        Inactive = ("inactive", "inactief", "inactive"),
        /// Stopped for good.
        Defunct = ("defunct", "opgeheven", "defunct"),
        /// Closed for a while (holidays, capacity).
        TemporarilyClosed = ("temporarily_closed", "tijdelijk gesloten", "temporarily closed"),
    }
}

code_list! {
    /// Where a referral stands (the HL7 SDOH closed-loop Task statuses).
    pub enum ReferralStatus: "referral_status" {
        /// Written down, not yet sent.
        Draft = ("draft", "concept", "draft"),
        /// Sent to the partner.
        Requested = ("requested", "aangevraagd", "requested"),
        /// The partner took it on.
        Accepted = ("accepted", "geaccepteerd", "accepted"),
        /// The partner declined it (closed).
        Rejected = ("rejected", "afgewezen", "rejected"),
        /// The partner is working on it.
        InProgress = ("in_progress", "in behandeling", "in progress"),
        /// Paused; goes back to where it was.
        OnHold = ("on_hold", "gepauzeerd", "on hold"),
        /// Done (closed).
        Completed = ("completed", "afgerond", "completed"),
        /// Did not work out (closed).
        Failed = ("failed", "mislukt", "failed"),
        /// Called off (closed).
        Cancelled = ("cancelled", "geannuleerd", "cancelled"),
    }
}

code_list! {
    /// What came of a closed referral.
    pub enum ReferralOutcome: "referral_outcome" {
        /// The person got help.
        GotHelp = ("got_help", "geholpen", "got help"),
        /// The partner could not reach the person.
        CouldNotContact = ("could_not_contact", "geen contact gekregen", "could not contact"),
        /// The person did not qualify.
        NotEligible = ("not_eligible", "komt niet in aanmerking", "not eligible"),
        /// The partner had no room.
        NoCapacity = ("no_capacity", "geen capaciteit", "no capacity"),
        /// The person no longer wanted it.
        NoLongerInterested = ("no_longer_interested", "geen interesse meer", "no longer interested"),
        /// Passed on to another organisation.
        ReferredElsewhere = ("referred_elsewhere", "elders doorverwezen", "referred elsewhere"),
    }
}

impl ReferralStatus {
    /// Closed states: nothing follows them, and entering one needs an outcome.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ReferralStatus::Rejected
                | ReferralStatus::Completed
                | ReferralStatus::Failed
                | ReferralStatus::Cancelled
        )
    }
}
