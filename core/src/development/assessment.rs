//! Assessments: a volunteer scored on one instrument on a date by an
//! assessor. Corrections are new records that name the one they correct,
//! so history is kept.

use super::{Instrument, LadderStep, ZrmDomain};
use crate::code_list::CodeList;
use crate::text::parse_optional;
use crate::{
    Actor, ActorName, AssessmentId, Clock, Error, Note, Result, Skill, Volunteer, VolunteerId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Most skills a hub names.
pub const MAX_SKILLS: usize = 30;

/// What one score measures, as a stable code: `ladder`, `zrm.<domain>` or
/// `skill.<name>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Measure(String);

impl Measure {
    /// The participation ladder step (1–6).
    pub fn ladder() -> Measure {
        Measure("ladder".into())
    }

    /// One domain of the self-sufficiency matrix (1–5).
    pub fn zrm(domain: ZrmDomain) -> Measure {
        Measure(format!("zrm.{}", domain.code()))
    }

    /// A hub-named skill (1–5).
    pub fn skill(skill: &Skill) -> Measure {
        Measure(format!("skill.{skill}"))
    }

    /// Parses `ladder`, `zrm.<domain>` or `skill.<name>`.
    pub fn parse(s: &str) -> Result<Measure> {
        let s = s.trim();
        if s == "ladder" {
            return Ok(Measure::ladder());
        }
        if let Some(d) = s.strip_prefix("zrm.") {
            return ZrmDomain::parse(d).map(Measure::zrm);
        }
        if let Some(k) = s.strip_prefix("skill.") {
            return Skill::parse(k).map(|k| Measure::skill(&k));
        }
        Err(Error::validation(
            "measure",
            format!("{s:?} is not a measure: use ladder, zrm.<domain> or skill.<name>"),
        ))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The instrument it belongs to.
    pub fn instrument(&self) -> Instrument {
        if self.0 == "ladder" {
            Instrument::ParticipationLadder
        } else if self.0.starts_with("zrm.") {
            Instrument::SelfSufficiency
        } else {
            Instrument::Skills
        }
    }

    /// The highest value on its scale (6 for the ladder, 5 otherwise).
    pub fn scale_max(&self) -> u8 {
        match self.instrument() {
            Instrument::ParticipationLadder => 6,
            _ => 5,
        }
    }
}

impl std::fmt::Display for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
}

impl TryFrom<String> for Measure {
    type Error = Error;
    fn try_from(s: String) -> Result<Measure> {
        Measure::parse(&s)
    }
}

impl From<Measure> for String {
    fn from(m: Measure) -> String {
        m.0
    }
}

/// One score of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// What it measures.
    pub measure: Measure,
    /// The value on the measure's scale.
    pub value: u8,
}

/// A dated assessment of a volunteer on one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Id.
    pub id: AssessmentId,
    /// Who was assessed.
    pub volunteer_id: VolunteerId,
    /// The day of the assessment.
    pub on: NaiveDate,
    /// Who assessed.
    pub assessor: ActorName,
    /// The instrument.
    pub instrument: Instrument,
    /// The scores, by measure.
    pub scores: Vec<Score>,
    /// A note.
    pub note: Option<Note>,
    /// The earlier assessment this one corrects.
    pub corrects: Option<AssessmentId>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Input for a score: the measure within the instrument (`step` for the
/// ladder, a domain code for the matrix, a skill name) and its value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewScore {
    /// `step`, a ZRM domain code or a skill name.
    pub measure: String,
    /// The value (ladder 1–6, otherwise 1–5).
    pub value: u8,
}

/// Input for an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAssessment {
    /// Who is assessed.
    pub volunteer: VolunteerId,
    /// The day (default today; not before the volunteer joined, not in the future).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// The instrument.
    pub instrument: Instrument,
    /// The scores (at least one; the ladder exactly one).
    pub scores: Vec<NewScore>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// The earlier assessment this corrects (same volunteer and instrument).
    #[serde(default)]
    pub corrects: Option<AssessmentId>,
}

impl NewAssessment {
    /// A participation-ladder assessment at `step`.
    pub fn ladder(volunteer: VolunteerId, on: NaiveDate, step: LadderStep) -> NewAssessment {
        let value = LadderStep::ALL
            .iter()
            .position(|s| *s == step)
            .map_or(1, |i| i as u8 + 1);
        NewAssessment {
            volunteer,
            on: Some(on),
            instrument: Instrument::ParticipationLadder,
            scores: vec![NewScore {
                measure: "step".into(),
                value,
            }],
            note: None,
            corrects: None,
        }
    }
}

fn score_error(i: usize, reason: String) -> Error {
    Error::validation(format!("scores[{i}]"), reason)
}

impl Assessment {
    /// Validates an assessment of `volunteer` against the hub's `skills`;
    /// `corrected` is the assessment named by `corrects`, if any.
    pub fn record(
        id: AssessmentId,
        input: NewAssessment,
        volunteer: &Volunteer,
        skills: &[Skill],
        corrected: Option<&Assessment>,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<Assessment> {
        let today = clock.today();
        let on = input.on.unwrap_or(today);
        if on > today {
            return Err(Error::validation("on", format!("{on} is in the future")));
        }
        if on < volunteer.start_date {
            return Err(Error::validation(
                "on",
                format!(
                    "{on} is before {} joined on {}",
                    volunteer.display_name, volunteer.start_date
                ),
            ));
        }
        if let Some(c) = corrected
            && (c.volunteer_id != volunteer.id || c.instrument != input.instrument)
        {
            return Err(Error::validation(
                "corrects",
                "a correction is of the same volunteer and instrument",
            ));
        }
        if input.scores.is_empty() {
            return Err(Error::validation("scores", "give at least one score"));
        }
        if input.instrument == Instrument::ParticipationLadder && input.scores.len() != 1 {
            return Err(Error::validation(
                "scores",
                "the participation ladder has exactly one score (its step)",
            ));
        }
        let mut scores: Vec<Score> = Vec::with_capacity(input.scores.len());
        for (i, s) in input.scores.iter().enumerate() {
            let name = s.measure.trim();
            let measure = match input.instrument {
                Instrument::ParticipationLadder if name == "step" => Measure::ladder(),
                Instrument::ParticipationLadder => {
                    return Err(score_error(
                        i,
                        format!("the ladder's measure is \"step\", not {name:?}"),
                    ));
                }
                Instrument::SelfSufficiency => ZrmDomain::parse(name)
                    .map(Measure::zrm)
                    .map_err(|e| score_error(i, e.to_string()))?,
                Instrument::Skills => {
                    let skill = Skill::parse(name).map_err(|e| score_error(i, e.to_string()))?;
                    if !skills.contains(&skill) {
                        return Err(score_error(
                            i,
                            format!("{skill:?} is not one of the hub's skills"),
                        ));
                    }
                    Measure::skill(&skill)
                }
            };
            if !(1..=measure.scale_max()).contains(&s.value) {
                return Err(score_error(
                    i,
                    format!("{} is outside the scale 1–{}", s.value, measure.scale_max()),
                ));
            }
            if scores.iter().any(|o| o.measure == measure) {
                return Err(score_error(i, format!("{measure} is scored twice")));
            }
            scores.push(Score {
                measure,
                value: s.value,
            });
        }
        crate::order::sort_by(&mut scores, |a, b| a.measure.cmp(&b.measure));
        Ok(Assessment {
            id,
            volunteer_id: volunteer.id,
            on,
            assessor: actor.name().clone(),
            instrument: input.instrument,
            scores,
            note: parse_optional(input.note.as_deref(), |s| Note::parse(s))?,
            corrects: corrected.map(|c| c.id),
            recorded_at: clock.now(),
        })
    }
}

/// Validates a hub's list of skills: 1–30 names, no repeats.
pub fn check_skills(names: &[String]) -> Result<Vec<Skill>> {
    if names.is_empty() || names.len() > MAX_SKILLS {
        return Err(Error::validation(
            "skills",
            format!("name 1 to {MAX_SKILLS} skills"),
        ));
    }
    let mut out: Vec<Skill> = Vec::with_capacity(names.len());
    for n in names {
        let s = Skill::parse(n)?;
        if out.contains(&s) {
            return Err(Error::validation("skills", format!("{s} is named twice")));
        }
        out.push(s);
    }
    Ok(out)
}
