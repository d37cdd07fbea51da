//! `Hub` operations on volunteers: every package registers and lists them;
//! updates and status changes are in the shop package (`kringloop`) only
//! (office calls: not in `kringloop-offline` or `kringloop-programme`).

#[cfg(feature = "shop")]
use crate::convert::StatusOptions;
use crate::convert::{self, VolunteersFilter, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::NewVolunteer;
#[cfg(feature = "shop")]
use kringloop::VolunteerUpdate;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Registers a volunteer (coordinators, admins).
    #[wasm_bindgen(js_name = registerVolunteer, unchecked_return_type = "Promise<Volunteer>")]
    pub fn register_volunteer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewVolunteer")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewVolunteer = convert::input(input, "input")?;
            output(&hub.register_volunteer(&actor, input).await?)
        })
    }

    /// One volunteer: coordinators and admins any, a volunteer their own.
    #[wasm_bindgen(unchecked_return_type = "Promise<Volunteer>")]
    pub fn volunteer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::volunteer_id(id)?;
            output(&hub.volunteer(&actor, id).await?)
        })
    }

    /// All volunteers by name, optionally of one `status` (coordinators, admins).
    #[wasm_bindgen(unchecked_return_type = "Promise<Volunteer[]>")]
    pub fn volunteers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "VolunteersFilter")] filter: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let f: VolunteersFilter = convert::options(filter, "filter")?;
            output(&hub.volunteers(&actor, f.status).await?)
        })
    }
}

/// The volunteer changes of the shop package (the programme and the offline
/// package only register and list volunteers).
#[cfg(feature = "shop")]
#[wasm_bindgen]
impl Hub {
    /// Changes a volunteer's details (coordinators, admins). Omitted
    /// properties stay; `contact: null` or `vogDate: null` clears them.
    #[wasm_bindgen(js_name = updateVolunteer, unchecked_return_type = "Promise<Volunteer>")]
    pub fn update_volunteer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "VolunteerUpdate")] update: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::volunteer_id(id)?;
            let update: VolunteerUpdate = convert::input(update, "update")?;
            output(&hub.update_volunteer(&actor, id, update).await?)
        })
    }

    /// Moves a volunteer to status `to` (coordinators, admins), from `on`
    /// (default today). Pausing, leaving and returning need a `reason`.
    #[wasm_bindgen(js_name = changeVolunteerStatus, unchecked_return_type = "Promise<Volunteer>")]
    pub fn change_volunteer_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "VolunteerStatus")] to: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "StatusChangeOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::volunteer_id(id)?;
            let to = convert::volunteer_status(to)?;
            let o: StatusOptions = convert::options(options, "options")?;
            output(
                &hub.change_volunteer_status(&actor, id, to, o.reason.as_deref(), o.on)
                    .await?,
            )
        })
    }
}
