// "Sync": downloads the journal since the last sync as a JSON file (the shop
// has no reliable internet; the file is imported into the hub's database
// with import_journal, in Rust, Python or JavaScript). The batch is the
// library's (hub.exportJournal): entries in journal order plus the personal
// fields of signals, which the journal itself never holds. Importing is
// idempotent, so "from the beginning" may be sent again safely.
import { app, notify } from "./app.js";
import { announce, clearErrors, showError } from "./status.js";
import { t } from "./i18n.js";
import { lastSyncedSeq, save } from "./persist.js";

const $ = (id) => document.getElementById(id);

export function setupSync() {
  $("sync").addEventListener("click", () => download());
}

/** Whether this build of the package exports journals. */
export function canSync(hub) {
  return typeof hub?.exportJournal === "function";
}

function offerFile(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the journal after the last synced position and downloads it. */
export async function download() {
  clearErrors();
  const hub = app.hub;
  if (!canSync(hub)) {
    showError(new Error(t("sync.unavailable")));
    return;
  }
  const after = $("sync-all").checked ? 0 : lastSyncedSeq(hub);
  let batch;
  try {
    batch = await hub.exportJournal(app.actor, after);
  } catch (error) {
    showError(error);
    return;
  }
  const file = `kringloop-${hub.slug}-journal-${batch.afterSeq}-${batch.upToSeq}.json`;
  offerFile(file, JSON.stringify(batch, null, 2));
  // The next download starts after this one; importing twice is harmless,
  // so a lost file is re-sent with "from the beginning".
  try {
    await save(hub, { lastSyncedSeq: Math.max(lastSyncedSeq(hub), batch.upToSeq) });
  } catch (error) {
    showError(error);
  }
  await notify();
  const el = $("sync");
  el.dataset.lastFile = file;
  el.dataset.entries = String(batch.entries.length);
  announce(batch.entries.length === 0 ? t("sync.empty", { file }) : t("sync.done", { n: batch.entries.length, file }));
}
