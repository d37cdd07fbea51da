//! `Hub` operations on shifts, hours and milestones.

use crate::convert::{self, CancelOptions, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::NewShift;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Puts a shift on the roster (coordinators, admins). The volunteer must
    /// be prospect or active and hold the role; overlapping shifts are
    /// refused with `conflict`.
    #[wasm_bindgen(js_name = planShift, unchecked_return_type = "Promise<Shift>")]
    pub fn plan_shift(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewShift")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewShift = convert::input(input, "input")?;
            output(&hub.plan_shift(&actor, input).await?)
        })
    }

    /// Records a shift that was worked without being planned (coordinators,
    /// admins); it cannot lie in the future.
    #[wasm_bindgen(js_name = recordShift, unchecked_return_type = "Promise<Shift>")]
    pub fn record_shift(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewShift")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewShift = convert::input(input, "input")?;
            output(&hub.record_shift(&actor, input).await?)
        })
    }

    /// Marks a planned shift as worked, optionally with the times actually
    /// worked `{ start, end }` (coordinators, admins).
    #[wasm_bindgen(js_name = completeShift, unchecked_return_type = "Promise<Shift>")]
    pub fn complete_shift(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompleteShiftOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::shift_id(id)?;
            let actual = convert::actual_span(options)?;
            output(&hub.complete_shift(&actor, id, actual).await?)
        })
    }

    /// Cancels a planned shift, optionally with a `reason` (coordinators, admins).
    #[wasm_bindgen(js_name = cancelShift, unchecked_return_type = "Promise<Shift>")]
    pub fn cancel_shift(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CancelShiftOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::shift_id(id)?;
            let o: CancelOptions = convert::options(options, "options")?;
            output(&hub.cancel_shift(&actor, id, o.reason.as_deref()).await?)
        })
    }

    /// The roster: live shifts in `{ from, to }` (cancelled ones too with
    /// `includeCancelled`), optionally of one `volunteerId`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Shift[]>")]
    pub fn shifts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ShiftQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let (period, volunteer, include_cancelled) = convert::shift_query(query)?;
            output(
                &hub.shifts(&actor, period, volunteer, include_cancelled)
                    .await?,
            )
        })
    }
}

// The office calls: not in the offline package `kringloop-offline` (feature
// `offline` without `shop`), which keeps the shop floor's calls (docs/web.md).
#[cfg(feature = "shop")]
#[wasm_bindgen]
impl Hub {
    /// Worked hours per volunteer in `{ from, to }`. Coordinators and admins
    /// see everyone; a volunteer only their own row.
    #[wasm_bindgen(js_name = hoursByVolunteer, unchecked_return_type = "Promise<HoursByVolunteer[]>")]
    pub fn hours_by_volunteer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.hours_by_volunteer(&actor, period).await?)
        })
    }

    /// Worked hours per role in `{ from, to }` (no names; every role may read).
    #[wasm_bindgen(js_name = hoursByRole, unchecked_return_type = "Promise<HoursByRole[]>")]
    pub fn hours_by_role(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.hours_by_role(&actor, period).await?)
        })
    }

    /// Hour milestones (50/100/250/500/1000) passed within `{ from, to }`.
    #[wasm_bindgen(unchecked_return_type = "Promise<MilestoneReached[]>")]
    pub fn milestones(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.milestones(&actor, period).await?)
        })
    }
}
