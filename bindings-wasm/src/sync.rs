//! Journal sync and, with the cargo feature `offline` (package
//! `kringloop-offline`), persistence: the journal after a position as a
//! sync batch; and the hub as a snapshot (its whole journal with its
//! signals' personal fields, for IndexedDB) and back, the idempotent import
//! of another hub's batch and the conflicts imports recorded. The formats,
//! the replay and its rules are the core's (`docs/sync.md`); this file only
//! converts.
//!
//! Why a feature: restore and import re-apply journal entries through the
//! core's replay, which adds about 50 KB (gzipped) to the module, more than
//! the shop package's 250 KB budget leaves; the offline package makes room
//! by leaving out the office's calls (`docs/web.md`, "Persistence and
//! sync").

use crate::convert::{self, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// The journal after position `afterSeq` (default 0: everything) as a
    /// sync batch, with the personal fields of the signals recorded in it
    /// (coordinators, admins). Send the next one after its `upToSeq`.
    #[wasm_bindgen(js_name = exportJournal, unchecked_return_type = "Promise<SyncBatch>")]
    pub fn export_journal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = afterSeq, unchecked_optional_param_type = "number")]
        after_seq: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let after: i64 = convert::options(after_seq, "afterSeq")?;
            output(&hub.export_journal(&actor, after).await?)
        })
    }
}

#[cfg(feature = "offline")]
mod offline {
    use crate::convert::{self, RestoreOptions, output};
    use crate::errors::to_js;
    use crate::hub::{Hub, clock, promise};
    use js_sys::{JSON, Promise};
    use kringloop::{Error, SyncBatch};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    impl Hub {
        /// Everything this hub recorded (its whole journal, with the personal
        /// fields of its signals) as one JSON text, for `Hub.restore`. Keep it
        /// like a database file. Taking it writes nothing.
        #[wasm_bindgen(unchecked_return_type = "Promise<string>")]
        pub fn snapshot(&self) -> Promise {
            let hub = self.core();
            promise(async move { Ok(JsValue::from_str(&hub.snapshot().await?)) })
        }

        /// Rebuilds a hub from its `snapshot` on a fresh in-memory store: the
        /// same id and slug, every change re-applied in order, so new changes go
        /// on from there. Option `now` fixes the clock as in `Hub.open`. A text
        /// that is not a whole snapshot, or an entry that does not apply,
        /// rejects with `validation` (`field` `snapshot`).
        #[wasm_bindgen(unchecked_return_type = "Hub")]
        pub async fn restore(
            snapshot: String,
            #[wasm_bindgen(unchecked_optional_param_type = "RestoreOptions")] options: Option<
                JsValue,
            >,
        ) -> Result<Hub, JsValue> {
            Self::restore_core(&snapshot, options).await.map_err(to_js)
        }

        async fn restore_core(snapshot: &str, options: Option<JsValue>) -> kringloop::Result<Hub> {
            let o: RestoreOptions = convert::options(options, "options")?;
            let (clock, fixed) = clock(o.now.as_deref())?;
            let core = kringloop::Hub::restore(snapshot, clock).await?;
            Ok(Hub::from_core(core, fixed))
        }

        /// Imports another hub's batch (a `SyncBatch` object, or its JSON text)
        /// (coordinators, admins). Entries already here are skipped, so a batch
        /// imported twice changes nothing more; entries that cannot apply are
        /// recorded as conflicts. Resolves to `{ sourceHub, applied, seen,
        /// conflicts, upToSeq }`.
        #[wasm_bindgen(js_name = importJournal, unchecked_return_type = "Promise<ImportReport>")]
        pub fn import_journal(
            &self,
            #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
            #[wasm_bindgen(unchecked_param_type = "SyncBatch | string")] batch: JsValue,
        ) -> Promise {
            let hub = self.core();
            promise(async move {
                let actor = convert::actor(actor)?;
                let batch = read_batch(batch)?;
                output(&hub.import_journal(&actor, &batch).await?)
            })
        }

        /// The conflicts imports recorded in this hub, oldest first
        /// (coordinators, admins).
        #[wasm_bindgen(js_name = syncConflicts, unchecked_return_type = "Promise<SyncConflict[]>")]
        pub fn sync_conflicts(
            &self,
            #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        ) -> Promise {
            let hub = self.core();
            promise(async move {
                let actor = convert::actor(actor)?;
                output(&hub.sync_conflicts(&actor).await?)
            })
        }
    }

    /// A batch from its JSON text or from the object `JSON.parse` made of it,
    /// parsed and checked by the core ([`SyncBatch::from_json`]).
    fn read_batch(value: JsValue) -> kringloop::Result<SyncBatch> {
        let text = match value.as_string() {
            Some(text) => text,
            None => JSON::stringify(&value)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| {
                    Error::validation("batch", "expected a sync batch object or its JSON text")
                })?,
        };
        SyncBatch::from_json(&text)
    }
}
