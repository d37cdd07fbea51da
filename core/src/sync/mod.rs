//! Journal sync between hubs: a hub that was offline (the browser till)
//! exports what it recorded as a [`SyncBatch`]; any hub imports it
//! idempotently, applying each entry through the same store operations a
//! live call uses and recording what cannot apply as a [`SyncConflict`]
//! instead of merging it. The protocol is described in `docs/sync.md`.
//!
//! This module holds the batch format and the decoding of journal entries
//! into typed changes ([`Replay`]); the hub runs them (`Hub::import_journal`).

mod batch;
mod conflict;
mod decode;
mod replay;

pub use batch::{BATCH_FORMAT, MAX_BATCH_ENTRIES, PersonalFields, SyncBatch};
pub use conflict::{ImportReport, SyncConflict};
pub use replay::Replay;
