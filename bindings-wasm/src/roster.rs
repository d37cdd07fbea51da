//! `Hub` operations on opening hours, roster gaps and VOG expiry.

use crate::convert::{self, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::OpeningSlot;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Replaces the weekly opening hours and staffing needs (coordinators,
    /// admins); returns them sorted.
    #[wasm_bindgen(js_name = setOpeningHours, unchecked_return_type = "Promise<OpeningSlot[]>")]
    pub fn set_opening_hours(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "OpeningSlot[]")] slots: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let slots: Vec<OpeningSlot> = convert::input(slots, "slots")?;
            output(&hub.set_opening_hours(&actor, slots).await?)
        })
    }

    /// The weekly opening hours (every role may read).
    #[wasm_bindgen(js_name = openingHours, unchecked_return_type = "Promise<OpeningSlot[]>")]
    pub fn opening_hours(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.opening_hours(&actor).await?)
        })
    }

    /// Where the roster falls short of the staffing needs in `{ from, to }`
    /// (at most 92 days).
    #[wasm_bindgen(js_name = rosterGaps, unchecked_return_type = "Promise<RosterGap[]>")]
    pub fn roster_gaps(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.roster_gaps(&actor, period).await?)
        })
    }
}

// The office calls: not in the offline package `kringloop-offline` (feature
// `offline` without `shop`), which keeps the shop floor's calls (docs/web.md).
#[cfg(feature = "shop")]
#[wasm_bindgen]
impl Hub {
    /// Volunteers (not left) whose VOG is missing, expired, or expires within
    /// `withinDays` (0–3650). Coordinators and admins see everyone; a
    /// volunteer only their own.
    #[wasm_bindgen(js_name = vogExpiring, unchecked_return_type = "Promise<VogStatus[]>")]
    pub fn vog_expiring(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = withinDays, unchecked_param_type = "number")] within_days: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let within_days: u32 = convert::input(within_days, "within_days")?;
            output(&hub.vog_expiring(&actor, within_days).await?)
        })
    }
}
