//! The conflict register: conflicts between volunteers, their escalation on
//! Glasl's nine-step ladder, the intervention, status and dated follow-ups.
//! Coordinator-only: a volunteer cannot read conflicts, not even their own.

use crate::{ConflictId, Description, Error, Note, Result, VolunteerId, code_list};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Most parties one conflict has.
pub const MAX_PARTIES: usize = 20;

code_list! {
    /// Who deals with a conflict.
    pub enum Intervention: "intervention" {
        /// The parties themselves.
        AmongThemselves = ("among_themselves", "onderling", "among themselves"),
        /// The coordinator.
        Coordinator = ("coordinator", "coördinator", "coordinator"),
        /// A mediator.
        Mediator = ("mediator", "mediator", "mediator"),
        /// Someone outside the hub.
        External = ("external", "extern", "external"),
    }
}

code_list! {
    /// Where a conflict stands.
    pub enum ConflictStatus: "conflict_status" {
        /// Open.
        Open = ("open", "open", "open"),
        /// Being mediated.
        InMediation = ("in_mediation", "in bemiddeling", "in mediation"),
        /// Resolved (final).
        Resolved = ("resolved", "opgelost", "resolved"),
        /// Escalated beyond the hub's means.
        Escalated = ("escalated", "geëscaleerd", "escalated"),
    }
}

code_list! {
    /// The three phases of Glasl's escalation ladder.
    pub enum GlaslPhase: "glasl_phase" {
        /// Steps 1–3: both can still win.
        WinWin = ("win_win", "winnen-winnen (1–3)", "win-win (1–3)"),
        /// Steps 4–6: one wins, one loses.
        WinLose = ("win_lose", "winnen-verliezen (4–6)", "win-lose (4–6)"),
        /// Steps 7–9: both lose.
        LoseLose = ("lose_lose", "verliezen-verliezen (7–9)", "lose-lose (7–9)"),
    }
}

/// The phase of a Glasl step (1–9).
pub fn glasl_phase(step: u8) -> GlaslPhase {
    match step {
        0..=3 => GlaslPhase::WinWin,
        4..=6 => GlaslPhase::WinLose,
        _ => GlaslPhase::LoseLose,
    }
}

fn check_step(step: u8) -> Result<u8> {
    if (1..=9).contains(&step) {
        Ok(step)
    } else {
        Err(Error::validation(
            "step",
            format!("{step} is not a step of Glasl's ladder (1–9)"),
        ))
    }
}

/// A dated follow-up of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConflictFollowUp {
    /// The day.
    pub on: NaiveDate,
    /// What happened.
    pub note: Note,
    /// The escalation step then.
    pub step: u8,
    /// The status then.
    pub status: ConflictStatus,
}

/// A conflict between volunteers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Id.
    pub id: ConflictId,
    /// The volunteers involved (two or more, sorted).
    pub parties: Vec<VolunteerId>,
    /// When it arose.
    pub on: NaiveDate,
    /// What it is about.
    pub description: Description,
    /// The escalation step on Glasl's ladder (1–9), now.
    pub step: u8,
    /// Its phase.
    pub phase: GlaslPhase,
    /// Who deals with it.
    pub intervention: Intervention,
    /// Where it stands.
    pub status: ConflictStatus,
    /// Follow-ups, by date.
    pub follow_ups: Vec<ConflictFollowUp>,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// Input for a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewConflict {
    /// The volunteers involved (at least two).
    pub parties: Vec<VolunteerId>,
    /// When it arose (default today; not in the future).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// What it is about.
    pub description: String,
    /// Glasl step (1–9).
    pub step: u8,
    /// Who deals with it.
    pub intervention: Intervention,
}

/// A follow-up: a note, and optionally a new step, intervention or status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewConflictFollowUp {
    /// The day (default today; not before the last follow-up, not in the future).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// What happened.
    pub note: String,
    /// A new step.
    #[serde(default)]
    pub step: Option<u8>,
    /// A new intervention.
    #[serde(default)]
    pub intervention: Option<Intervention>,
    /// A new status (a resolved conflict stays resolved).
    #[serde(default)]
    pub status: Option<ConflictStatus>,
}

impl Conflict {
    /// Validates a new conflict.
    pub fn register(id: ConflictId, input: NewConflict, today: NaiveDate) -> Result<Conflict> {
        let mut parties = input.parties;
        crate::order::sort_by(&mut parties, Ord::cmp);
        parties.dedup();
        if parties.len() < 2 || parties.len() > MAX_PARTIES {
            return Err(Error::validation(
                "parties",
                format!("a conflict is between 2 to {MAX_PARTIES} different volunteers"),
            ));
        }
        let on = input.on.unwrap_or(today);
        if on > today {
            return Err(Error::validation("on", format!("{on} is in the future")));
        }
        let step = check_step(input.step)?;
        Ok(Conflict {
            id,
            parties,
            on,
            description: Description::parse(&input.description)?,
            step,
            phase: glasl_phase(step),
            intervention: input.intervention,
            status: ConflictStatus::Open,
            follow_ups: Vec::new(),
            version: 1,
        })
    }

    /// Adds a follow-up; a resolved conflict takes none.
    pub fn followed_up(&self, input: NewConflictFollowUp, today: NaiveDate) -> Result<Conflict> {
        if self.status == ConflictStatus::Resolved {
            return Err(Error::Conflict(format!("conflict {} is resolved", self.id)));
        }
        let on = input.on.unwrap_or(today);
        let last = self.follow_ups.last().map_or(self.on, |f| f.on);
        if on > today || on < last {
            return Err(Error::validation(
                "on",
                format!("{on} is not between {last} and today ({today})"),
            ));
        }
        let mut next = self.clone();
        if let Some(s) = input.step {
            next.step = check_step(s)?;
            next.phase = glasl_phase(next.step);
        }
        if let Some(i) = input.intervention {
            next.intervention = i;
        }
        if let Some(s) = input.status {
            next.status = s;
        }
        next.follow_ups.push(ConflictFollowUp {
            on,
            note: Note::parse(&input.note)?,
            step: next.step,
            status: next.status,
        });
        next.version += 1;
        Ok(next)
    }
}
