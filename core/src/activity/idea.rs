//! Residents' ideas from the walk-in evening, and what became of them.

use super::IdeaStatus;
use crate::text::parse_optional;
use crate::{
    ActivityId, Actor, ActorName, Clock, Contact, Error, IdeaId, IdeaText, IdeaTitle, Reason,
    Result,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A resident's idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Idea {
    /// Id.
    pub id: IdeaId,
    /// Short title.
    pub title: IdeaTitle,
    /// The idea in the resident's words.
    pub text: IdeaText,
    /// The day it was brought in.
    pub submitted_on: NaiveDate,
    /// How to reach the resident (only with their consent).
    pub contact: Option<Contact>,
    /// Where it stands.
    pub status: IdeaStatus,
    /// Every status change, oldest first.
    pub history: Vec<IdeaChange>,
    /// The activity it became, if any.
    pub activity_id: Option<ActivityId>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// One status change of an idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdeaChange {
    /// The day.
    pub on: NaiveDate,
    /// From.
    pub from: IdeaStatus,
    /// To.
    pub to: IdeaStatus,
    /// Why (required when declined).
    pub reason: Option<Reason>,
    /// Who.
    pub by: ActorName,
}

/// Input for a new idea.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewIdea {
    /// Short title.
    pub title: String,
    /// The idea.
    pub text: String,
    /// The day it was brought in (default today; not in the future).
    #[serde(default)]
    pub submitted_on: Option<NaiveDate>,
    /// Phone or e-mail of the resident.
    #[serde(default)]
    pub contact: Option<String>,
    /// The resident agreed that the contact is kept (required with a contact).
    #[serde(default)]
    pub contact_consent: bool,
}

/// A status change of an idea.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdeaStatusChange {
    /// The new status.
    pub status: IdeaStatus,
    /// Why (required when declining).
    #[serde(default)]
    pub reason: Option<String>,
    /// The activity the idea became (when adopted or realised).
    #[serde(default)]
    pub activity: Option<ActivityId>,
    /// The day (default today; not in the future, not before the last change).
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

impl Idea {
    /// Validates a new idea.
    pub fn submit(id: IdeaId, input: NewIdea, clock: &dyn Clock) -> Result<Idea> {
        let today = clock.today();
        let submitted_on = input.submitted_on.unwrap_or(today);
        if submitted_on > today {
            return Err(Error::validation(
                "submitted_on",
                format!("{submitted_on} is in the future"),
            ));
        }
        let contact = parse_optional(input.contact.as_deref(), |s| Contact::parse(s))?;
        if contact.is_some() && !input.contact_consent {
            return Err(Error::validation(
                "contact_consent",
                "a resident's contact is kept only with their consent",
            ));
        }
        Ok(Idea {
            id,
            title: IdeaTitle::parse(&input.title)?,
            text: IdeaText::parse(&input.text)?,
            submitted_on,
            contact,
            status: IdeaStatus::New,
            history: Vec::new(),
            activity_id: None,
            version: 1,
        })
    }

    /// Moves the idea along its transition table; jumping (say `new` to
    /// `realised`) is a `Conflict`, declining needs a reason, and only an
    /// adopted or realised idea links to an activity.
    pub fn changed(
        &self,
        change: IdeaStatusChange,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Idea> {
        let to = change.status;
        if !self.status.can_become(to) {
            return Err(Error::Conflict(format!(
                "an idea cannot go from {} to {to}",
                self.status
            )));
        }
        let reason = parse_optional(change.reason.as_deref(), |s| Reason::parse(s))?;
        if to == IdeaStatus::Declined && reason.is_none() {
            return Err(Error::validation(
                "reason",
                "declining an idea needs a reason",
            ));
        }
        if change.activity.is_some() && !matches!(to, IdeaStatus::Adopted | IdeaStatus::Realised) {
            return Err(Error::validation(
                "activity",
                format!("only an adopted or realised idea links to an activity, not a {to} one"),
            ));
        }
        let today = clock.today();
        let on = change.on.unwrap_or(today);
        let last = self.history.last().map_or(self.submitted_on, |h| h.on);
        if on > today || on < last {
            return Err(Error::validation(
                "on",
                format!("{on} is not between {last} and today ({today})"),
            ));
        }
        let mut next = self.clone();
        next.history.push(IdeaChange {
            on,
            from: self.status,
            to,
            reason,
            by: actor.name().clone(),
        });
        next.status = to;
        if change.activity.is_some() {
            next.activity_id = change.activity;
        }
        next.version += 1;
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_list::CodeList;

    #[test]
    fn idea_transitions_cover_every_pair() {
        use IdeaStatus::*;
        let legal = [
            (New, Discussed),
            (New, Declined),
            (Discussed, Adopted),
            (Discussed, Declined),
            (Adopted, Realised),
            (Adopted, Declined),
        ];
        for a in IdeaStatus::ALL {
            for b in IdeaStatus::ALL {
                assert_eq!(a.can_become(*b), legal.contains(&(*a, *b)), "{a} -> {b}");
            }
        }
    }
}
