//! Hub operations on volunteer development: the hub's skills, assessments,
//! trajectories, cohort curves, coaching suggestions and coaching.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, Assessment, AssessmentId, Coaching, CoachingId, CoachingOutcome, CohortCurve,
    JournalEntry, Measure, NewAssessment, NewCoaching, Period, Result, Role, Skill, Trajectory,
    TrajectoryClass, TrajectoryParams, VolunteerId, VolunteerStatus, authorize, check_skills,
    classify, measure_points,
};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

/// A volunteer the coordinator might coach, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoachingSuggestion {
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Their name.
    pub display_name: String,
    /// Their participation-ladder trajectory.
    pub trajectory: Trajectory,
    /// Why, in plain English.
    pub reason: String,
}

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Names the hub's skills, scored 1–5 in assessments (coordinators, admins).
    pub async fn set_skills(&self, actor: &Actor, names: Vec<String>) -> Result<Vec<Skill>> {
        authorize(actor, Action::ManageHubSettings)?;
        let skills = check_skills(&names)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "hub.skills_set",
            "hub",
            self.id,
            detail(&skills),
        );
        self.store.set_skills(self.id, &skills, &entry).await?;
        Ok(skills)
    }

    /// The hub's skills.
    pub async fn skills(&self, actor: &Actor) -> Result<Vec<Skill>> {
        authorize(actor, Action::ReadAggregates)?;
        self.store.skills(self.id).await
    }

    /// Records an assessment (coordinators, admins): dated, on one
    /// instrument, scores on its scale, not before the volunteer joined.
    /// A correction names the assessment it replaces; history is kept.
    pub async fn record_assessment(
        &self,
        actor: &Actor,
        input: NewAssessment,
    ) -> Result<Assessment> {
        authorize(actor, Action::RecordAssessment)?;
        let volunteer = self.store.volunteer(self.id, input.volunteer).await?;
        let skills = self.store.skills(self.id).await?;
        let corrected = match input.corrects {
            Some(id) => Some(self.store.assessment(self.id, id).await?),
            None => None,
        };
        let a = Assessment::record(
            AssessmentId::generate(self.clock()),
            input,
            &volunteer,
            &skills,
            corrected.as_ref(),
            self.clock(),
            actor,
        )?;
        let action = if a.corrects.is_some() {
            "assessment.corrected"
        } else {
            "assessment.recorded"
        };
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            action,
            AssessmentId::ENTITY,
            a.id,
            detail(&a),
        );
        self.store.insert_assessment(self.id, &a, &entry).await?;
        Ok(a)
    }

    /// A volunteer's assessments by date: coordinators any, a volunteer their own.
    pub async fn assessments(
        &self,
        actor: &Actor,
        volunteer: VolunteerId,
    ) -> Result<Vec<Assessment>> {
        authorize(actor, Action::ReadDevelopment)?.permits(
            actor,
            Action::ReadDevelopment,
            volunteer,
        )?;
        self.store.volunteer(self.id, volunteer).await?;
        self.store.assessments(self.id, Some(volunteer)).await
    }

    /// The recent course of one measure of a volunteer as of today (see
    /// `docs/development.md` for the method; `params` default to 12 months,
    /// 3 points, 0.05 per month).
    pub async fn trajectory(
        &self,
        actor: &Actor,
        volunteer: VolunteerId,
        measure: &Measure,
        params: Option<TrajectoryParams>,
    ) -> Result<Trajectory> {
        let params = params.unwrap_or_default().check()?;
        let all = self.assessments(actor, volunteer).await?;
        let points = measure_points(&all, measure);
        Ok(classify(
            measure.clone(),
            &points,
            self.clock().today(),
            params,
        ))
    }

    /// Average curves of `measure` per cohort (quarter of joining) and month
    /// of membership, for volunteers who joined in `joined`. Only
    /// coordinators and admins see every mean: for researchers and
    /// volunteers, means behind fewer scores than the threshold are hidden
    /// (a cohort of one would show one volunteer's scores).
    pub async fn cohort_curve(
        &self,
        actor: &Actor,
        measure: &Measure,
        joined: Period,
    ) -> Result<CohortCurve> {
        authorize(actor, Action::ReadAggregates)?;
        let threshold = match actor.role() {
            Role::Researcher | Role::Volunteer => Some(
                self.store
                    .signal_policy(self.id)
                    .await?
                    .unwrap_or_default()
                    .suppression_threshold(),
            ),
            _ => None,
        };
        let counts = self.store.cohort_counts(self.id, measure, joined).await?;
        Ok(CohortCurve::publish(
            measure.clone(),
            joined,
            &counts,
            threshold,
        ))
    }

    /// Active volunteers whose participation ladder plateaued after a rise,
    /// or declined, and who have no open coaching trajectory — with the
    /// reason (coordinators, admins).
    pub async fn coaching_suggestions(
        &self,
        actor: &Actor,
        params: Option<TrajectoryParams>,
    ) -> Result<Vec<CoachingSuggestion>> {
        authorize(actor, Action::ManageCoaching)?;
        let params = params.unwrap_or_default().check()?;
        let today = self.clock().today();
        let volunteers = self
            .store
            .volunteers(self.id, Some(VolunteerStatus::Active))
            .await?;
        let assessments = self.store.assessments(self.id, None).await?;
        let open = self.store.coachings(self.id, None, true).await?;
        let ladder = Measure::ladder();
        let mut out = Vec::new();
        for v in volunteers {
            if open.iter().any(|c| c.volunteer_id == v.id) {
                continue;
            }
            let own: Vec<Assessment> = assessments
                .iter()
                .filter(|a| a.volunteer_id == v.id)
                .cloned()
                .collect();
            let t = classify(
                ladder.clone(),
                &measure_points(&own, &ladder),
                today,
                params,
            );
            let reason = match (t.class, t.after_rise) {
                (TrajectoryClass::Declining, _) => format!(
                    "participation ladder declining ({:+.2} steps a month over {} assessments)",
                    t.slope_per_month.unwrap_or_default(),
                    t.points
                ),
                (TrajectoryClass::Plateau, true) => format!(
                    "participation ladder flat at step {} after rising: the rise has stopped",
                    t.latest.unwrap_or_default()
                ),
                _ => continue,
            };
            out.push(CoachingSuggestion {
                volunteer_id: v.id,
                display_name: v.display_name.to_string(),
                trajectory: t,
                reason,
            });
        }
        Ok(out)
    }

    /// Opens a coaching trajectory (coordinators, admins); one open per volunteer.
    pub async fn open_coaching(&self, actor: &Actor, input: NewCoaching) -> Result<Coaching> {
        authorize(actor, Action::ManageCoaching)?;
        let volunteer = self.store.volunteer(self.id, input.volunteer).await?;
        let coach = self.store.volunteer(self.id, input.coach).await?;
        let c = Coaching::open(
            CoachingId::generate(self.clock()),
            input,
            &volunteer,
            &coach,
            self.clock(),
        )?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "coaching.opened",
            CoachingId::ENTITY,
            c.id,
            json!({ "volunteer": c.volunteer_id, "coach": c.coach_id, "openedOn": c.opened_on }),
        );
        self.store.insert_coaching(self.id, &c, &entry).await?;
        Ok(c)
    }

    /// Adds a dated session (with the coach's note) to an open trajectory.
    pub async fn add_coaching_session(
        &self,
        actor: &Actor,
        id: CoachingId,
        on: Option<NaiveDate>,
        note: Option<&str>,
    ) -> Result<Coaching> {
        authorize(actor, Action::ManageCoaching)?;
        let current = self.store.coaching(self.id, id).await?;
        let next = current.with_session(on, note, self.clock())?;
        // The journal records that a session took place, not the note.
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "coaching.session_added",
            CoachingId::ENTITY,
            id,
            json!({ "sessions": next.sessions.len() }),
        );
        self.store
            .update_coaching(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    /// Closes an open trajectory with an outcome.
    pub async fn close_coaching(
        &self,
        actor: &Actor,
        id: CoachingId,
        outcome: CoachingOutcome,
        on: Option<NaiveDate>,
    ) -> Result<Coaching> {
        authorize(actor, Action::ManageCoaching)?;
        let current = self.store.coaching(self.id, id).await?;
        let next = current.closed(outcome, on, self.clock())?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "coaching.closed",
            CoachingId::ENTITY,
            id,
            json!({ "outcome": next.outcome, "closedOn": next.closed_on }),
        );
        self.store
            .update_coaching(self.id, &next, current.version, &entry)
            .await?;
        Ok(next)
    }

    fn coaching_for(&self, actor: &Actor, c: Coaching) -> Coaching {
        match actor.role() {
            Role::Coordinator | Role::Admin => c,
            _ => c.without_notes(),
        }
    }

    /// One coaching trajectory: coordinators any, a volunteer their own
    /// (without the coach's notes).
    pub async fn coaching(&self, actor: &Actor, id: CoachingId) -> Result<Coaching> {
        let scope = authorize(actor, Action::ReadCoaching)?;
        let c = self.store.coaching(self.id, id).await?;
        scope.permits(actor, Action::ReadCoaching, c.volunteer_id)?;
        Ok(self.coaching_for(actor, c))
    }

    /// Coaching trajectories, of one volunteer or all (a volunteer: their
    /// own, without notes), optionally only open ones.
    pub async fn coachings(
        &self,
        actor: &Actor,
        volunteer: Option<VolunteerId>,
        open_only: bool,
    ) -> Result<Vec<Coaching>> {
        let scope = authorize(actor, Action::ReadCoaching)?;
        let volunteer = match (scope, volunteer) {
            (crate::Scope::All, v) => v,
            (crate::Scope::Own(own), None) => Some(own),
            (crate::Scope::Own(own), Some(v)) => {
                scope.permits(actor, Action::ReadCoaching, v)?;
                Some(own)
            }
        };
        let all = self.store.coachings(self.id, volunteer, open_only).await?;
        Ok(all
            .into_iter()
            .map(|c| self.coaching_for(actor, c))
            .collect())
    }
}
