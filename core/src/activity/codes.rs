//! The vocabularies of activities, sessions and ideas.

use crate::code_list;

code_list! {
    /// What kind of activity.
    pub enum ActivityKind: "activity_kind" {
        /// Crafts: crochet, knitting, repair.
        Craft = ("craft", "handwerk", "craft"),
        /// Creative: painting, drawing.
        Creative = ("creative", "creatief", "creative"),
        /// Music: the walk-in choir.
        Music = ("music", "muziek", "music"),
        /// Film night.
        Film = ("film", "film", "film"),
        /// The walk-in evening where residents bring ideas.
        IdeaEvening = ("idea_evening", "ideeënavond", "idea evening"),
        /// A meeting.
        Meeting = ("meeting", "bijeenkomst", "meeting"),
        /// Anything else.
        Other = ("other", "overig", "other"),
    }
}

code_list! {
    /// Whether an activity still runs.
    pub enum ActivityStatus: "activity_status" {
        /// Runs; sessions can be planned.
        Active = ("active", "actief", "active"),
        /// Stopped; kept for history and reports.
        Archived = ("archived", "gearchiveerd", "archived"),
    }
}

code_list! {
    /// Which week of the month a monthly schedule means.
    pub enum Nth: "nth" {
        /// The first such weekday of the month.
        First = ("first", "eerste", "first"),
        /// The second.
        Second = ("second", "tweede", "second"),
        /// The third.
        Third = ("third", "derde", "third"),
        /// The fourth.
        Fourth = ("fourth", "vierde", "fourth"),
        /// The last such weekday of the month.
        Last = ("last", "laatste", "last"),
    }
}

code_list! {
    /// Where a session stands.
    pub enum SessionStatus: "session_status" {
        /// Planned (or held, once attendance is recorded).
        Planned = ("planned", "gepland", "planned"),
        /// Called off, with a reason.
        Cancelled = ("cancelled", "afgelast", "cancelled"),
    }
}

code_list! {
    /// Where a resident's idea stands.
    pub enum IdeaStatus: "idea_status" {
        /// Just brought in.
        New = ("new", "nieuw", "new"),
        /// Talked about at a walk-in evening.
        Discussed = ("discussed", "besproken", "discussed"),
        /// The hub will do it.
        Adopted = ("adopted", "aangenomen", "adopted"),
        /// Done: it became an activity or a change.
        Realised = ("realised", "gerealiseerd", "realised"),
        /// Not taken up (with a reason).
        Declined = ("declined", "afgewezen", "declined"),
    }
}

impl IdeaStatus {
    /// The transition table: `new → discussed | declined`,
    /// `discussed → adopted | declined`, `adopted → realised | declined`;
    /// `realised` and `declined` are final.
    pub fn can_become(self, to: IdeaStatus) -> bool {
        use IdeaStatus::*;
        matches!(
            (self, to),
            (New, Discussed | Declined)
                | (Discussed, Adopted | Declined)
                | (Adopted, Realised | Declined)
        )
    }
}
