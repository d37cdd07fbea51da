//! Who may do what. Every [`Hub`](crate::Hub) operation names an [`Action`]
//! and asks [`authorize`] before it touches anything; the matrix below is the
//! single source of truth (rendered in `docs/access.md`).

use crate::{ActorName, Error, Result, VolunteerId, code_list};
use serde::Serialize;

code_list! {
    /// The role an actor acts in.
    pub enum Role: "role" {
        /// A volunteer: reads the roster and their own record.
        Volunteer = ("volunteer", "vrijwilliger", "volunteer"),
        /// A coordinator: manages volunteers, shifts and coaching.
        Coordinator = ("coordinator", "coördinator", "coordinator"),
        /// A researcher: aggregates only, never personal data.
        Researcher = ("researcher", "onderzoeker", "researcher"),
        /// An administrator: everything, including hub settings and the journal.
        Admin = ("admin", "beheerder", "administrator"),
    }
}

code_list! {
    /// Everything a caller can ask the hub to do, for permission checks.
    pub enum Action: "action" {
        /// Register a new volunteer.
        RegisterVolunteer = ("register_volunteer", "vrijwilliger inschrijven", "register a volunteer"),
        /// Change a volunteer's details.
        UpdateVolunteer = ("update_volunteer", "vrijwilliger wijzigen", "update a volunteer"),
        /// Change a volunteer's status.
        ChangeVolunteerStatus = ("change_volunteer_status", "status vrijwilliger wijzigen", "change a volunteer's status"),
        /// Read one volunteer's record.
        ReadVolunteer = ("read_volunteer", "vrijwilliger inzien", "read a volunteer"),
        /// List all volunteers.
        ListVolunteers = ("list_volunteers", "vrijwilligers opsommen", "list volunteers"),
        /// Plan a shift or record a worked one.
        ManageShifts = ("manage_shifts", "diensten beheren", "manage shifts"),
        /// Read the roster (shifts with names) and its gaps.
        ReadRoster = ("read_roster", "rooster inzien", "read the roster"),
        /// Hours per volunteer, milestones, VOG expiry: personal figures.
        ReadVolunteerReports = ("read_volunteer_reports", "persoonsoverzichten inzien", "read per-volunteer reports"),
        /// Hours per role and other aggregates without names.
        ReadAggregates = ("read_aggregates", "totalen inzien", "read aggregates"),
        /// Set the hub's opening hours and staffing needs.
        ManageHubSettings = ("manage_hub_settings", "hubinstellingen beheren", "manage hub settings"),
        /// Read the journal of changes.
        ReadJournal = ("read_journal", "logboek inzien", "read the journal"),
        /// Take in donated goods.
        IntakeGoods = ("intake_goods", "goederen innemen", "take in goods"),
        /// Sell at the till and refund.
        Sell = ("sell", "afrekenen", "sell at the till"),
        /// Record a discard, recycling, transfer, correction or markdown.
        RecordStockMove = ("record_stock_move", "voorraadmutatie boeken", "record a stock move"),
        /// Count the till at the end of the day.
        CashUp = ("cash_up", "kas opmaken", "cash up a till"),
        /// Look up items, their stock, moves and sales.
        ReadStock = ("read_stock", "voorraad inzien", "read stock and sales"),
        /// Record a signal picked up from a visitor.
        RecordSignal = ("record_signal", "signaal vastleggen", "record a signal"),
        /// Read signals; with their personal fields, every read is journalled.
        ReadSignals = ("read_signals", "signalen inzien", "read signals"),
        /// Change a signal's domains, urgency, consent or do-not-contact flag.
        UpdateSignal = ("update_signal", "signaal wijzigen", "update a signal"),
        /// Refer a signal to a partner.
        Refer = ("refer", "doorverwijzen", "refer a signal"),
        /// Move referrals through their lifecycle, set follow-ups, close signals.
        ManageReferrals = ("manage_referrals", "doorverwijzingen beheren", "manage referrals"),
        /// Read the partners directory and its HSDS export.
        ReadPartners = ("read_partners", "partners inzien", "read the partners directory"),
        /// Add and change partners.
        ManagePartners = ("manage_partners", "partners beheren", "manage partners"),
        /// Signal and referral statistics (suppressed for researchers).
        ReadSignalStatistics = ("read_signal_statistics", "signaalstatistiek inzien", "read signal statistics"),
        /// Erase the personal fields of signals past their retention period.
        PurgeSignals = ("purge_signals", "signalen opschonen", "purge signals"),
        /// Create and change activities, their schedules and sessions.
        ManageActivities = ("manage_activities", "activiteiten beheren", "manage activities"),
        /// Read activities, schedules and sessions with their attendance.
        ReadActivities = ("read_activities", "activiteiten inzien", "read activities"),
        /// Record (or correct) the attendance of a session.
        RecordAttendance = ("record_attendance", "aanwezigheid vastleggen", "record attendance"),
        /// Register residents (with consent) as named participants, list or forget them.
        ManageResidents = ("manage_residents", "bewoners beheren", "manage residents"),
        /// Write down a resident's idea.
        SubmitIdea = ("submit_idea", "idee vastleggen", "submit an idea"),
        /// Read residents' ideas (contacts only for coordinators).
        ReadIdeas = ("read_ideas", "ideeën inzien", "read ideas"),
        /// Move ideas through their pipeline.
        ManageIdeas = ("manage_ideas", "ideeën beheren", "manage ideas"),
        /// Record or correct the daily tally at the big table.
        RecordTally = ("record_tally", "turven aan de stamtafel", "record the table tally"),
        /// Record an assessment of a volunteer (or correct one).
        RecordAssessment = ("record_assessment", "meting vastleggen", "record an assessment"),
        /// Read a volunteer's assessments and trajectories.
        ReadDevelopment = ("read_development", "ontwikkeling inzien", "read a volunteer's development"),
        /// Open, follow and close coaching trajectories; see coaching suggestions.
        ManageCoaching = ("manage_coaching", "coaching beheren", "manage coaching"),
        /// Read coaching trajectories (a volunteer their own, without notes).
        ReadCoaching = ("read_coaching", "coaching inzien", "read coaching"),
        /// Plan courses, enrol and withdraw volunteers, record attendance and completion.
        ManageCourses = ("manage_courses", "cursussen beheren", "manage courses"),
        /// Read courses and their enrolments (a volunteer: the courses and their own enrolments).
        ReadCourses = ("read_courses", "cursussen inzien", "read courses"),
        /// The conflict register: coordinators and admins only.
        ManageConflicts = ("manage_conflicts", "conflicten beheren", "manage conflicts"),
        /// Export the journal as a sync batch (personal fields of signals included).
        ExportJournal = ("export_journal", "logboek exporteren voor synchronisatie", "export the journal for sync"),
        /// Import another hub's sync batch.
        ImportJournal = ("import_journal", "synchronisatiebestand inlezen", "import a sync batch"),
        /// Read the conflicts that imports recorded.
        ReadSyncConflicts = ("read_sync_conflicts", "synchronisatieconflicten inzien", "read sync conflicts"),
        /// The hub report for the municipality (suppressed for researchers).
        ReadHubReport = ("read_hub_report", "wijkrapportage inzien", "read the hub report"),
        /// Research tables: one row per fact, people only under pseudonymous keys.
        ReadResearchTables = ("read_research_tables", "onderzoekstabellen inzien", "read research tables"),
    }
}

/// How far a permission reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    /// Not allowed.
    Deny,
    /// Allowed only for the actor's own volunteer record.
    Own,
    /// Allowed.
    All,
}

/// The permission matrix: what `role` may do for `action`. Rendered as a
/// table by [`matrix_markdown`] and published in `docs/access.md` (a test
/// keeps the two equal).
pub fn grant(role: Role, action: Action) -> Grant {
    use Action::*;
    use Grant::*;
    match (role, action) {
        (Role::Admin, _) => All,
        (Role::Coordinator, ReadJournal | PurgeSignals | ReadResearchTables) => Deny,
        (Role::Coordinator, _) => All,
        (Role::Volunteer, ReadVolunteer | ReadVolunteerReports) => Own,
        (Role::Volunteer, ReadSignals | UpdateSignal | Refer) => Own,
        (Role::Volunteer, ReadDevelopment | ReadCoaching | ReadCourses) => Own,
        (Role::Volunteer, ReadRoster | ReadAggregates | RecordSignal | ReadPartners) => All,
        (Role::Volunteer, IntakeGoods | Sell | RecordStockMove | CashUp | ReadStock) => All,
        (
            Role::Volunteer,
            ReadActivities | RecordAttendance | ManageResidents | SubmitIdea | ReadIdeas
            | RecordTally,
        ) => All,
        (Role::Volunteer, _) => Deny,
        (
            Role::Researcher,
            ReadAggregates | ReadSignalStatistics | ReadPartners | ReadHubReport
            | ReadResearchTables,
        ) => All,
        (Role::Researcher, _) => Deny,
    }
}

/// The permission matrix as a Markdown table (one row per action, one
/// column per role), as published in `docs/access.md`.
pub fn matrix_markdown() -> String {
    use crate::code_list::CodeList;
    let mut out = String::from("| action |");
    for r in Role::ALL {
        out.push_str(&format!(" {} |", r.code()));
    }
    out.push_str("\n| --- |");
    for _ in Role::ALL {
        out.push_str(" --- |");
    }
    out.push('\n');
    for a in Action::ALL {
        out.push_str(&format!("| `{}` |", a.code()));
        for r in Role::ALL {
            let cell = match grant(*r, *a) {
                Grant::All => "yes",
                Grant::Own => "own",
                Grant::Deny => "no",
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

/// Someone acting on the hub: a name for the journal, a role, and for
/// volunteers the volunteer record that is theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    name: ActorName,
    role: Role,
    volunteer: Option<VolunteerId>,
}

impl Actor {
    /// An actor with a validated name and a role.
    pub fn new(name: impl AsRef<str>, role: Role) -> Result<Actor> {
        Ok(Actor {
            name: ActorName::parse(name)?,
            role,
            volunteer: None,
        })
    }

    /// Links the actor to their own volunteer record (for `own` grants).
    pub fn with_volunteer(mut self, id: VolunteerId) -> Actor {
        self.volunteer = Some(id);
        self
    }

    /// The actor's name.
    pub fn name(&self) -> &ActorName {
        &self.name
    }

    /// The actor's role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The actor's own volunteer record, if linked.
    pub fn volunteer(&self) -> Option<VolunteerId> {
        self.volunteer
    }
}

/// The scope an authorised call may act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Any record of the hub.
    All,
    /// Only this volunteer's own records.
    Own(VolunteerId),
}

impl Scope {
    /// Checks that `subject` is within the scope; outside it is `Forbidden`.
    pub fn permits(self, actor: &Actor, action: Action, subject: VolunteerId) -> Result<()> {
        match self {
            Scope::All => Ok(()),
            Scope::Own(own) if own == subject => Ok(()),
            Scope::Own(_) => Err(forbidden(actor.role, action)),
        }
    }
}

fn forbidden(role: Role, action: Action) -> Error {
    Error::Forbidden {
        role: role.code().to_string(),
        action: action.code().to_string(),
    }
}

/// Checks the matrix for `actor` and `action`. `Own` grants need a linked
/// volunteer record; without one they are denied.
pub fn authorize(actor: &Actor, action: Action) -> Result<Scope> {
    match grant(actor.role, action) {
        Grant::All => Ok(Scope::All),
        Grant::Own => actor
            .volunteer
            .map(Scope::Own)
            .ok_or_else(|| forbidden(actor.role, action)),
        Grant::Deny => Err(forbidden(actor.role, action)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;
    use crate::code_list::CodeList;

    #[test]
    fn matrix_is_total_and_matches_the_docs() {
        // Every pair has an answer; spot-check the documented rows.
        for r in Role::ALL {
            for a in Action::ALL {
                let _ = grant(*r, *a);
            }
        }
        assert_eq!(
            grant(Role::Volunteer, Action::RegisterVolunteer),
            Grant::Deny
        );
        assert_eq!(grant(Role::Volunteer, Action::ReadVolunteer), Grant::Own);
        assert_eq!(grant(Role::Volunteer, Action::ReadRoster), Grant::All);
        assert_eq!(grant(Role::Researcher, Action::ReadRoster), Grant::Deny);
        assert_eq!(grant(Role::Researcher, Action::ReadAggregates), Grant::All);
        assert_eq!(grant(Role::Coordinator, Action::ReadJournal), Grant::Deny);
        assert_eq!(grant(Role::Admin, Action::ReadJournal), Grant::All);
    }

    #[test]
    fn docs_show_the_matrix_the_code_enforces() {
        let doc = include_str!("../../docs/access.md");
        assert!(
            doc.contains(&matrix_markdown()),
            "docs/access.md is out of date; paste this table:\n{}",
            matrix_markdown()
        );
    }

    #[test]
    fn own_grants_need_a_linked_record() {
        let clock = FixedClock::at_date(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let me = VolunteerId::generate(&clock);
        let other = VolunteerId::generate(&clock);
        let anon = Actor::new("bea", Role::Volunteer).unwrap();
        assert!(authorize(&anon, Action::ReadVolunteer).is_err());
        let bea = anon.with_volunteer(me);
        let scope = authorize(&bea, Action::ReadVolunteer).unwrap();
        assert!(scope.permits(&bea, Action::ReadVolunteer, me).is_ok());
        let e = scope
            .permits(&bea, Action::ReadVolunteer, other)
            .unwrap_err();
        assert_eq!(e.code().as_str(), "forbidden");
    }
}
