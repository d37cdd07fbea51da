//! `Hub` operations on volunteer development: skills, assessments,
//! trajectories, cohort curves, coaching, courses and the conflict register.
//! The rules, the roles and the journalling are the core's; this file only
//! converts. Built into the package `kringloop-programme` (feature
//! `programme`).

use crate::convert::{self, CoachingsFilter, ConflictsOptions, DatedNote, OnOptions, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::{
    Measure, NewAssessment, NewCoaching, NewConflict, NewConflictFollowUp, NewCourse,
    TrajectoryParams, VolunteerId,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Names the hub's skills, scored 1–5 in assessments (coordinators, admins).
    #[wasm_bindgen(js_name = setSkills, unchecked_return_type = "Promise<string[]>")]
    pub fn set_skills(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] names: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let names: Vec<String> = convert::input(names, "names")?;
            output(&hub.set_skills(&actor, names).await?)
        })
    }

    /// The hub's skills.
    #[wasm_bindgen(unchecked_return_type = "Promise<string[]>")]
    pub fn skills(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.skills(&actor).await?)
        })
    }

    /// Records an assessment (coordinators, admins): scores on the instrument's scale, a `validation` error naming `scores[i]` otherwise; `corrects` replaces an earlier one.
    #[wasm_bindgen(js_name = recordAssessment, unchecked_return_type = "Promise<Assessment>")]
    pub fn record_assessment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewAssessment")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewAssessment = convert::input(input, "input")?;
            output(&hub.record_assessment(&actor, input).await?)
        })
    }

    /// A volunteer's assessments by date: coordinators any, a volunteer their own.
    #[wasm_bindgen(unchecked_return_type = "Promise<Assessment[]>")]
    pub fn assessments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = volunteerId, unchecked_param_type = "string")]
        volunteer_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::volunteer_id(volunteer_id)?;
            output(&hub.assessments(&actor, id).await?)
        })
    }

    /// The recent course of one measure of a volunteer as of today (`params` default to 12 months, 3 points, 0.05 a month).
    #[wasm_bindgen(unchecked_return_type = "Promise<Trajectory>")]
    pub fn trajectory(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = volunteerId, unchecked_param_type = "string")]
        volunteer_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Measure")] measure: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TrajectoryParams")] params: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::volunteer_id(volunteer_id)?;
            let measure: Measure = convert::input(measure, "measure")?;
            let params: Option<TrajectoryParams> = convert::options(params, "params")?;
            output(&hub.trajectory(&actor, id, &measure, params).await?)
        })
    }

    /// Average curves of a measure per cohort (quarter of joining) and month of membership, for volunteers who joined in `{ from, to }`; small means hidden for researchers and volunteers.
    #[wasm_bindgen(js_name = cohortCurve, unchecked_return_type = "Promise<CohortCurve>")]
    pub fn cohort_curve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Measure")] measure: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] joined: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let measure: Measure = convert::input(measure, "measure")?;
            let joined = convert::period(joined)?;
            output(&hub.cohort_curve(&actor, &measure, joined).await?)
        })
    }

    /// Active volunteers whose participation ladder plateaued after a rise, or declined, without open coaching, with the reason (coordinators, admins).
    #[wasm_bindgen(js_name = coachingSuggestions, unchecked_return_type = "Promise<CoachingSuggestion[]>")]
    pub fn coaching_suggestions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TrajectoryParams")] params: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let params: Option<TrajectoryParams> = convert::options(params, "params")?;
            output(&hub.coaching_suggestions(&actor, params).await?)
        })
    }

    /// Opens a coaching trajectory (coordinators, admins); one open per volunteer.
    #[wasm_bindgen(js_name = openCoaching, unchecked_return_type = "Promise<Coaching>")]
    pub fn open_coaching(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewCoaching")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewCoaching = convert::input(input, "input")?;
            output(&hub.open_coaching(&actor, input).await?)
        })
    }

    /// Adds a session `{ on?, note? }` (default today) to an open coaching trajectory.
    #[wasm_bindgen(js_name = addCoachingSession, unchecked_return_type = "Promise<Coaching>")]
    pub fn add_coaching_session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CoachingSessionOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::coaching_id(id)?;
            let o: DatedNote = convert::options(options, "options")?;
            output(
                &hub.add_coaching_session(&actor, id, o.on, o.note.as_deref())
                    .await?,
            )
        })
    }

    /// Closes an open coaching trajectory with an outcome, on `{ on? }` (default today).
    #[wasm_bindgen(js_name = closeCoaching, unchecked_return_type = "Promise<Coaching>")]
    pub fn close_coaching(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CoachingOutcome")] outcome: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OnOptions")] options: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::coaching_id(id)?;
            let outcome = convert::coaching_outcome(outcome)?;
            let o: OnOptions = convert::options(options, "options")?;
            output(&hub.close_coaching(&actor, id, outcome, o.on).await?)
        })
    }

    /// One coaching trajectory: coordinators any, a volunteer their own (without the coach's notes).
    #[wasm_bindgen(unchecked_return_type = "Promise<Coaching>")]
    pub fn coaching(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::coaching_id(id)?;
            output(&hub.coaching(&actor, id).await?)
        })
    }

    /// Coaching trajectories `{ volunteerId?, openOnly? }` (a volunteer: their own, without notes).
    #[wasm_bindgen(unchecked_return_type = "Promise<Coaching[]>")]
    pub fn coachings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CoachingsFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let f: CoachingsFilter = convert::options(filter, "filter")?;
            output(
                &hub.coachings(&actor, f.volunteer_id, f.open_only.unwrap_or(false))
                    .await?,
            )
        })
    }

    /// Plans a course (coordinators, admins).
    #[wasm_bindgen(js_name = createCourse, unchecked_return_type = "Promise<Course>")]
    pub fn create_course(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewCourse")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewCourse = convert::input(input, "input")?;
            output(&hub.create_course(&actor, input).await?)
        })
    }

    /// One course (volunteers too).
    #[wasm_bindgen(unchecked_return_type = "Promise<Course>")]
    pub fn course(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::course_id(id)?;
            output(&hub.course(&actor, id).await?)
        })
    }

    /// All courses, by first session.
    #[wasm_bindgen(unchecked_return_type = "Promise<Course[]>")]
    pub fn courses(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.courses(&actor).await?)
        })
    }

    /// Enrols a volunteer (coordinators, admins): a place while there are places, otherwise the waiting list.
    #[wasm_bindgen(unchecked_return_type = "Promise<Enrolment>")]
    pub fn enrol(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
        #[wasm_bindgen(js_name = volunteerId, unchecked_param_type = "string")]
        volunteer_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            let volunteer = convert::volunteer_id(volunteer_id)?;
            output(&hub.enrol(&actor, course, volunteer).await?)
        })
    }

    /// Withdraws a volunteer from a course; the first on the waiting list moves up (`promoted`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Withdrawal>")]
    pub fn withdraw(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
        #[wasm_bindgen(js_name = volunteerId, unchecked_param_type = "string")]
        volunteer_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            let volunteer = convert::volunteer_id(volunteer_id)?;
            output(&hub.withdraw(&actor, course, volunteer).await?)
        })
    }

    /// A course's enrolments by request time: coordinators all, a volunteer their own.
    #[wasm_bindgen(unchecked_return_type = "Promise<Enrolment[]>")]
    pub fn enrolments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            output(&hub.enrolments(&actor, course).await?)
        })
    }

    /// Records who was present at the course session on `date` (enrolled volunteers only); resolves to the enrolments.
    #[wasm_bindgen(js_name = recordCourseAttendance, unchecked_return_type = "Promise<Enrolment[]>")]
    pub fn record_course_attendance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] present: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            let date = convert::input(date, "date")?;
            let present: Vec<VolunteerId> = convert::input(present, "present")?;
            output(
                &hub.record_course_attendance(&actor, course, date, &present)
                    .await?,
            )
        })
    }

    /// Marks enrolled volunteers as having completed the course (after its last session); resolves to the enrolments.
    #[wasm_bindgen(js_name = completeCourse, unchecked_return_type = "Promise<Enrolment[]>")]
    pub fn complete_course(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] volunteers: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            let volunteers: Vec<VolunteerId> = convert::input(volunteers, "volunteers")?;
            output(&hub.complete_course(&actor, course, &volunteers).await?)
        })
    }

    /// The before/after change in a measure for those who completed the course, or "insufficient data" below `minN` (default 5) participants (coordinators, admins).
    #[wasm_bindgen(js_name = courseEffect, unchecked_return_type = "Promise<CourseEffect>")]
    pub fn course_effect(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = courseId, unchecked_param_type = "string")] course_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Measure")] measure: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CourseEffectOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let course = convert::course_id(course_id)?;
            let measure: Measure = convert::input(measure, "measure")?;
            let min_n = convert::min_n(options)?;
            output(&hub.course_effect(&actor, course, &measure, min_n).await?)
        })
    }

    /// Registers a conflict between two or more volunteers (coordinators, admins only).
    #[wasm_bindgen(js_name = registerConflict, unchecked_return_type = "Promise<Conflict>")]
    pub fn register_conflict(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewConflict")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewConflict = convert::input(input, "input")?;
            output(&hub.register_conflict(&actor, input).await?)
        })
    }

    /// Adds a dated follow-up to a conflict, optionally with a new step, intervention or status.
    #[wasm_bindgen(js_name = followUpConflict, unchecked_return_type = "Promise<Conflict>")]
    pub fn follow_up_conflict(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewConflictFollowUp")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::conflict_id(id)?;
            let input: NewConflictFollowUp = convert::input(input, "input")?;
            output(&hub.follow_up_conflict(&actor, id, input).await?)
        })
    }

    /// One conflict (coordinators, admins only).
    #[wasm_bindgen(unchecked_return_type = "Promise<Conflict>")]
    pub fn conflict(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::conflict_id(id)?;
            output(&hub.conflict(&actor, id).await?)
        })
    }

    /// The conflict register by date, only unresolved ones with `{ unresolvedOnly: true }` (coordinators, admins only).
    #[wasm_bindgen(unchecked_return_type = "Promise<Conflict[]>")]
    pub fn conflicts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ConflictsOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let o: ConflictsOptions = convert::options(options, "options")?;
            output(
                &hub.conflicts(&actor, o.unresolved_only.unwrap_or(false))
                    .await?,
            )
        })
    }
}
