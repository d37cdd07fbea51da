//! `Hub` operations on activities: activities and their schedules,
//! sessions and attendance, residents, ideas, the table tally and the
//! activity report. The rules, the roles and the journalling are the core's;
//! this file only converts. Built into the package `kringloop-programme`
//! (feature `programme`).

use crate::convert::{self, ActivitiesOptions, IdeasFilter, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::{
    IdeaStatusChange, NewActivity, NewAttendance, NewIdea, NewResident, NewSchedule, NewTally,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Creates an activity (coordinators, admins); its leaders must be registered volunteers.
    #[wasm_bindgen(js_name = createActivity, unchecked_return_type = "Promise<Activity>")]
    pub fn create_activity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewActivity")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewActivity = convert::input(input, "input")?;
            output(&hub.create_activity(&actor, input).await?)
        })
    }

    /// Replaces an activity's details (coordinators, admins).
    #[wasm_bindgen(js_name = updateActivity, unchecked_return_type = "Promise<Activity>")]
    pub fn update_activity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewActivity")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(id)?;
            let input: NewActivity = convert::input(input, "input")?;
            output(&hub.update_activity(&actor, id, input).await?)
        })
    }

    /// Pauses, resumes or archives an activity (coordinators, admins).
    #[wasm_bindgen(js_name = setActivityStatus, unchecked_return_type = "Promise<Activity>")]
    pub fn set_activity_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivityStatus")] status: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(id)?;
            let status = convert::activity_status(status)?;
            output(&hub.set_activity_status(&actor, id, status).await?)
        })
    }

    /// One activity.
    #[wasm_bindgen(unchecked_return_type = "Promise<Activity>")]
    pub fn activity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(id)?;
            output(&hub.activity(&actor, id).await?)
        })
    }

    /// The activities by name; archived ones only with `{ includeArchived: true }`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Activity[]>")]
    pub fn activities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActivitiesOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let o: ActivitiesOptions = convert::options(options, "options")?;
            output(
                &hub.activities(&actor, o.include_archived.unwrap_or(false))
                    .await?,
            )
        })
    }

    /// Sets an activity's recurring schedule (coordinators, admins), replacing the current one from its start; planned sessions that no longer fit are cancelled.
    #[wasm_bindgen(js_name = setSchedule, unchecked_return_type = "Promise<ScheduleChange>")]
    pub fn set_schedule(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = activityId, unchecked_param_type = "string")] activity_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewSchedule")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(activity_id)?;
            let input: NewSchedule = convert::input(input, "input")?;
            output(&hub.set_schedule(&actor, id, input).await?)
        })
    }

    /// An activity's schedules, oldest first.
    #[wasm_bindgen(unchecked_return_type = "Promise<Schedule[]>")]
    pub fn schedules(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = activityId, unchecked_param_type = "string")] activity_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(activity_id)?;
            output(&hub.schedules(&actor, id).await?)
        })
    }

    /// Plans the sessions of the schedules in `{ from, to }` (of one activity with `activityId`); idempotent. Resolves to the number of sessions added.
    #[wasm_bindgen(js_name = generateSessions, unchecked_return_type = "Promise<number>")]
    pub fn generate_sessions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SessionsQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let (period, activity) = convert::sessions_query(query)?;
            output(&hub.generate_sessions(&actor, activity, period).await?)
        })
    }

    /// Adds a one-off session `{ date, start, end }` to an activity (coordinators, admins).
    #[wasm_bindgen(js_name = addSession, unchecked_return_type = "Promise<Session>")]
    pub fn add_session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = activityId, unchecked_param_type = "string")] activity_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewSession")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::activity_id(activity_id)?;
            let (date, span) = convert::new_session(input)?;
            output(&hub.add_session(&actor, id, date, span).await?)
        })
    }

    /// Cancels a planned session with a reason (coordinators, admins).
    #[wasm_bindgen(js_name = cancelSession, unchecked_return_type = "Promise<Session>")]
    pub fn cancel_session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] reason: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::session_id(id)?;
            let reason = convert::reason(reason)?;
            output(&hub.cancel_session(&actor, id, &reason).await?)
        })
    }

    /// Records who came to a session: a `validation` error above the activity's capacity, a `conflict` for a cancelled session.
    #[wasm_bindgen(js_name = recordAttendance, unchecked_return_type = "Promise<Session>")]
    pub fn record_attendance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewAttendance")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::session_id(id)?;
            let input: NewAttendance = convert::input(input, "input")?;
            output(&hub.record_attendance(&actor, id, input).await?)
        })
    }

    /// One session.
    #[wasm_bindgen(unchecked_return_type = "Promise<Session>")]
    pub fn session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::session_id(id)?;
            output(&hub.session(&actor, id).await?)
        })
    }

    /// The sessions in `{ from, to }` (of one activity with `activityId`), by date and time.
    #[wasm_bindgen(unchecked_return_type = "Promise<Session[]>")]
    pub fn sessions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SessionsQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let (period, activity) = convert::sessions_query(query)?;
            output(&hub.sessions(&actor, activity, period).await?)
        })
    }

    /// Registers a resident who takes part (their contact only with their consent).
    #[wasm_bindgen(js_name = registerResident, unchecked_return_type = "Promise<Resident>")]
    pub fn register_resident(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewResident")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewResident = convert::input(input, "input")?;
            output(&hub.register_resident(&actor, input).await?)
        })
    }

    /// The residents; contact details for coordinators and admins only.
    #[wasm_bindgen(unchecked_return_type = "Promise<Resident[]>")]
    pub fn residents(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.residents(&actor).await?)
        })
    }

    /// Erases a resident's personal fields (the right to be forgotten); their attendance stays, anonymous.
    #[wasm_bindgen(js_name = forgetResident, unchecked_return_type = "Promise<void>")]
    pub fn forget_resident(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::resident_id(id)?;
            hub.forget_resident(&actor, id).await?;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Submits a resident's idea (status `new`).
    #[wasm_bindgen(js_name = submitIdea, unchecked_return_type = "Promise<Idea>")]
    pub fn submit_idea(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewIdea")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewIdea = convert::input(input, "input")?;
            output(&hub.submit_idea(&actor, input).await?)
        })
    }

    /// Moves an idea along `new → discussed → adopted → realised`, or to `declined` with a reason (coordinators, admins); an illegal step is a `conflict`.
    #[wasm_bindgen(js_name = changeIdea, unchecked_return_type = "Promise<Idea>")]
    pub fn change_idea(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IdeaStatusChange")] change: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::idea_id(id)?;
            let change: IdeaStatusChange = convert::input(change, "change")?;
            output(&hub.change_idea(&actor, id, change).await?)
        })
    }

    /// One idea (the submitter's contact for coordinators and admins only).
    #[wasm_bindgen(unchecked_return_type = "Promise<Idea>")]
    pub fn idea(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::idea_id(id)?;
            output(&hub.idea(&actor, id).await?)
        })
    }

    /// The ideas, oldest first, optionally of one status (`{ status }`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Idea[]>")]
    pub fn ideas(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "IdeasFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let f: IdeasFilter = convert::options(filter, "filter")?;
            output(&hub.ideas(&actor, f.status).await?)
        })
    }

    /// Records the day's tally at the table (visitors, conversations); a second one for the same day is a `conflict` (use `correctTally`).
    #[wasm_bindgen(js_name = recordTally, unchecked_return_type = "Promise<TableTally>")]
    pub fn record_tally(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewTally")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewTally = convert::input(input, "input")?;
            output(&hub.record_tally(&actor, input).await?)
        })
    }

    /// Corrects a day's tally (a new version).
    #[wasm_bindgen(js_name = correctTally, unchecked_return_type = "Promise<TableTally>")]
    pub fn correct_tally(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewTally")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewTally = convert::input(input, "input")?;
            output(&hub.correct_tally(&actor, input).await?)
        })
    }

    /// The tallies of the days in `{ from, to }`.
    #[wasm_bindgen(unchecked_return_type = "Promise<TableTally[]>")]
    pub fn tallies(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.tallies(&actor, period).await?)
        })
    }

    /// Sessions, attendance and capacity use per activity and month, ideas by status and the weekly tally for `{ from, to }`; small counts hidden for researchers.
    #[wasm_bindgen(js_name = activityReport, unchecked_return_type = "Promise<ActivityReport>")]
    pub fn activity_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.activity_report(&actor, period).await?)
        })
    }
}
