//! Imports a sync batch (a journal file downloaded from the browser page,
//! `examples/web/`) into a hub on SQLite and prints the import report as
//! JSON. Importing the same file again applies nothing more: every entry is
//! reported as seen.
//!
//! ```text
//! cargo run -p kringloop --example sync_import -- hub.db batch.json [slug]
//! ```
//!
//! The receiving hub is `slug` in the file (default: the batch's own slug;
//! created on first use), acting as an admin named `sync`.

use kringloop::{Actor, Hub, Role, SyncBatch};
use std::error::Error;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(db), Some(file)) = (args.first(), args.get(1)) else {
        return Err("usage: sync_import <hub.db> <batch.json> [slug]".into());
    };
    let batch = SyncBatch::from_json(&std::fs::read_to_string(file)?)?;
    let slug = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| batch.hub_slug.clone());
    let hub = Hub::open(&format!("sqlite:{db}"), &slug).await?;
    let admin = Actor::new("sync", Role::Admin)?;
    let report = hub.import_journal(&admin, &batch).await?;
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}
