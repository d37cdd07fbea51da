//! `Hub` operations on the hub report (the municipality's view of one
//! period): the figures as a plain object, and the core's Markdown and HTML
//! renderings of them. Who sees what (exact, small counts hidden, refused)
//! and the rendering are the core's; this file only converts. Built into the
//! package `kringloop-programme` (feature `programme`).

use crate::convert::{self, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::{HubReport, MemoryStore, Result};
use wasm_bindgen::prelude::*;

/// What a report call resolves to.
#[derive(Clone, Copy)]
enum Form {
    /// The figures (`HubReport`).
    Figures,
    /// `HubReport::to_markdown`.
    Markdown,
    /// `HubReport::to_html`.
    Html,
}

#[wasm_bindgen]
impl Hub {
    /// The hub report of `{ from, to }`: volunteers, hours, ladder movement, courses, activities, the big table, signals, referrals, sales and reuse. Coordinators and admins get exact figures; researchers get counts of people from 1 to the threshold − 1 as `null`; volunteers are refused (`forbidden`).
    #[wasm_bindgen(js_name = hubReport, unchecked_return_type = "Promise<HubReport>")]
    pub fn hub_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        promise(report(self.core(), actor, period, None, Form::Figures))
    }

    /// The hub report of `{ from, to }` as Markdown, in Dutch (`"nl"`, the default) or English (`"en"`); as `hubReport` for who sees what.
    #[wasm_bindgen(js_name = hubReportMarkdown, unchecked_return_type = "Promise<string>")]
    pub fn hub_report_markdown(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<JsValue>,
    ) -> Promise {
        promise(report(self.core(), actor, period, lang, Form::Markdown))
    }

    /// The hub report of `{ from, to }` as one standalone HTML page (inline CSS and SVG charts, no script, no URL), in Dutch (`"nl"`, the default) or English (`"en"`); as `hubReport` for who sees what.
    #[wasm_bindgen(js_name = hubReportHtml, unchecked_return_type = "Promise<string>")]
    pub fn hub_report_html(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<JsValue>,
    ) -> Promise {
        promise(report(self.core(), actor, period, lang, Form::Html))
    }
}

/// The one body of the three report calls (so the core's report is
/// compiled into one future, not three): reads the arguments, asks the
/// core, and writes the figures or their rendering.
async fn report(
    hub: kringloop::Hub<MemoryStore>,
    actor: JsValue,
    period: JsValue,
    lang: Option<JsValue>,
    form: Form,
) -> Result<JsValue> {
    let actor = convert::actor(actor)?;
    let period = convert::period(period)?;
    let lang = convert::lang(lang)?;
    let report: HubReport = hub.hub_report(&actor, period).await?;
    Ok(match form {
        Form::Figures => output(&report)?,
        Form::Markdown => JsValue::from_str(&report.to_markdown(lang)),
        Form::Html => JsValue::from_str(&report.to_html(lang)),
    })
}
