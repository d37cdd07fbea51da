//! The instruments of volunteer development and their scales.

use crate::code_list;

code_list! {
    /// An instrument a volunteer's development is assessed on.
    pub enum Instrument: "instrument" {
        /// The Participatieladder: one step, 1 to 6.
        ParticipationLadder = ("participation_ladder", "Participatieladder", "participation ladder"),
        /// The Zelfredzaamheid-Matrix: 13 domains, each 1 to 5.
        SelfSufficiency = ("self_sufficiency", "Zelfredzaamheid-Matrix", "self-sufficiency matrix"),
        /// Skills the hub names, each 1 to 5.
        Skills = ("skills", "vaardigheden", "skills"),
    }
}

code_list! {
    /// The six steps of the Participatieladder.
    pub enum LadderStep: "ladder_step" {
        /// 1: isolated.
        Isolated = ("isolated", "1 geïsoleerd", "1 isolated"),
        /// 2: social contacts outside the home.
        SocialContacts = ("social_contacts", "2 sociale contacten buitenshuis", "2 social contacts outside the home"),
        /// 3: taking part in organised activities.
        OrganisedActivities = ("organised_activities", "3 deelname aan georganiseerde activiteiten", "3 taking part in organised activities"),
        /// 4: unpaid work.
        UnpaidWork = ("unpaid_work", "4 onbetaald werk", "4 unpaid work"),
        /// 5: paid work with support.
        PaidWorkWithSupport = ("paid_work_with_support", "5 betaald werk met ondersteuning", "5 paid work with support"),
        /// 6: paid work.
        PaidWork = ("paid_work", "6 betaald werk", "6 paid work"),
    }
}

code_list! {
    /// The 13 domains of the Zelfredzaamheid-Matrix (ZRM), each scored
    /// 1 acuut probleem … 5 volledig zelfredzaam.
    pub enum ZrmDomain: "zrm_domain" {
        /// Finances.
        Finances = ("finances", "financiën", "finances"),
        /// Work and education.
        WorkEducation = ("work_education", "werk & opleiding", "work and education"),
        /// Time use.
        TimeUse = ("time_use", "tijdsbesteding", "time use"),
        /// Housing.
        Housing = ("housing", "huisvesting", "housing"),
        /// Domestic relations.
        DomesticRelations = ("domestic_relations", "huiselijke relaties", "domestic relations"),
        /// Mental health.
        MentalHealth = ("mental_health", "geestelijke gezondheid", "mental health"),
        /// Physical health.
        PhysicalHealth = ("physical_health", "lichamelijke gezondheid", "physical health"),
        /// Substance use.
        SubstanceUse = ("substance_use", "middelengebruik", "substance use"),
        /// Basic activities of daily living.
        BasicAdl = ("basic_adl", "basale ADL", "basic ADL"),
        /// Instrumental activities of daily living.
        InstrumentalAdl = ("instrumental_adl", "instrumentele ADL", "instrumental ADL"),
        /// Social network.
        SocialNetwork = ("social_network", "sociaal netwerk", "social network"),
        /// Community participation.
        CommunityParticipation = ("community_participation", "maatschappelijke participatie", "community participation"),
        /// Justice.
        Justice = ("justice", "justitie", "justice"),
    }
}

code_list! {
    /// The recent course of a measure.
    pub enum TrajectoryClass: "trajectory_class" {
        /// Going up.
        Rising = ("rising", "stijgend", "rising"),
        /// Flat.
        Plateau = ("plateau", "vlak", "plateau"),
        /// Going down.
        Declining = ("declining", "dalend", "declining"),
        /// Too few assessments to say.
        InsufficientData = ("insufficient_data", "te weinig gegevens", "insufficient data"),
    }
}
