//! The JavaScript `Hub` class: opening a hub, its clock, and the journal.
//! The operations live beside it in `volunteers.rs`, `shifts.rs`,
//! `roster.rs`, `stock.rs`, `signals.rs` and `sync.rs` (the shop and the
//! offline package) and `activities.rs`, `development.rs` and `report.rs`
//! (the programme package); every one calls the core [`kringloop::Hub`] and
//! nothing else.

use crate::convert::{self, JournalOptions, OpenOptions, output};
use crate::errors::to_js;
use js_sys::Promise;
use kringloop::hub::JOURNAL_PAGE_MAX;
use kringloop::{Clock, Error, FixedClock, MemoryStore, SystemClock};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// One hub (a shop with its activities) in a store. Open it with
/// `await Hub.open("memory:", "oude-bieb")`; every operation takes the acting
/// `actor` first and returns a Promise that rejects with a `KringloopError`.
#[wasm_bindgen]
pub struct Hub {
    core: kringloop::Hub<MemoryStore>,
    clock: Option<Arc<FixedClock>>,
}

#[wasm_bindgen]
impl Hub {
    /// Opens (and on first use creates) the hub `slug` in the store at `url`.
    /// In the browser only `memory:` is available. Option `now` (RFC 3339,
    /// e.g. `"2026-03-02T12:00:00Z"`) fixes the hub's clock; move it later
    /// with `setNow`.
    #[wasm_bindgen(unchecked_return_type = "Hub")]
    pub async fn open(
        url: String,
        slug: String,
        #[wasm_bindgen(unchecked_optional_param_type = "HubOptions")] options: Option<JsValue>,
    ) -> Result<Hub, JsValue> {
        Self::open_core(&url, &slug, options).await.map_err(to_js)
    }

    async fn open_core(url: &str, slug: &str, options: Option<JsValue>) -> kringloop::Result<Hub> {
        let options: OpenOptions = convert::options(options, "options")?;
        let (clock, fixed) = clock(options.now.as_deref())?;
        // A statically dispatched in-memory hub: the module links only the
        // store methods the bound operations call.
        let core = kringloop::Hub::open_in_memory(url, slug, clock).await?;
        Ok(Hub { core, clock: fixed })
    }

    /// Moves the fixed clock of a hub opened with `{ now }` to `iso`
    /// (RFC 3339). A hub on the system clock refuses with `validation`.
    #[wasm_bindgen(js_name = setNow)]
    pub fn set_now(&self, iso: &str) -> Result<(), JsValue> {
        let clock = self.clock.as_ref().ok_or_else(|| {
            to_js(Error::validation(
                "now",
                "this hub runs on the system clock; open it with { now } to set the time",
            ))
        })?;
        clock.set(convert::instant("now", iso).map_err(to_js)?);
        Ok(())
    }

    /// The hub's slug, e.g. `"oude-bieb"`.
    #[wasm_bindgen(getter)]
    pub fn slug(&self) -> String {
        self.core.slug().as_str().to_string()
    }

    /// The hub's id (a UUID).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.core.id().to_string()
    }

    /// Journal entries after position `after` (default 0), oldest first, at
    /// most `limit` (1–10 000, default 10 000). Admins only.
    #[wasm_bindgen(unchecked_return_type = "Promise<JournalRecord[]>")]
    pub fn journal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JournalOptions")] options: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let o: JournalOptions = convert::options(options, "options")?;
            let limit = o.limit.unwrap_or(JOURNAL_PAGE_MAX);
            output(&hub.journal(&actor, o.after.unwrap_or(0), limit).await?)
        })
    }
}

impl Hub {
    /// Wraps a core hub opened on `fixed` (if any) as the JavaScript class.
    #[cfg(feature = "offline")]
    pub(crate) fn from_core(
        core: kringloop::Hub<MemoryStore>,
        fixed: Option<Arc<FixedClock>>,
    ) -> Hub {
        Hub { core, clock: fixed }
    }

    /// A handle on the core hub for a call's future (cheap: `Arc`s inside).
    pub(crate) fn core(&self) -> kringloop::Hub<MemoryStore> {
        self.core.clone()
    }
}

/// A hub's clock, and the same clock as a [`FixedClock`] when it is one
/// (so `setNow` can move it).
pub(crate) type Clocks = (Arc<dyn Clock>, Option<Arc<FixedClock>>);

/// The hub's clock from option `now`: fixed at that instant, else the
/// system clock.
pub(crate) fn clock(now: Option<&str>) -> kringloop::Result<Clocks> {
    Ok(match now {
        Some(now) => {
            let fixed = Arc::new(FixedClock::new(convert::instant("now", now)?));
            (fixed.clone(), Some(fixed))
        }
        None => (Arc::new(SystemClock), None),
    })
}

/// Runs a core call as a JavaScript Promise; a core error rejects it with a
/// `KringloopError`.
///
/// The future is boxed at once, so the Promise machinery of
/// `wasm-bindgen-futures` (spawning, waking, resolving) is compiled once for
/// `dyn Future` instead of once per method: about 1 KB less per method.
pub(crate) fn promise<F>(work: F) -> Promise
where
    F: Future<Output = kringloop::Result<JsValue>> + 'static,
{
    run(Box::pin(work))
}

/// The one, non-generic body of [`promise`].
fn run(work: Pin<Box<dyn Future<Output = kringloop::Result<JsValue>>>>) -> Promise {
    future_to_promise(async move { work.await.map_err(to_js) })
}
