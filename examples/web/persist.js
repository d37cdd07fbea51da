// Keeps the hub in this browser: the hub as one snapshot (await
// hub.snapshot(): its whole journal with its signals' personal fields, a
// JSON text written by the library) in IndexedDB, one
// object store, one record per hub slug: { slug, hubId, snapshot,
// lastSyncedSeq, savedAt }. Saved after every successful change (coalesced to one write
// per burst of changes), restored on load with Hub.restore. A write is one
// IndexedDB transaction: if it fails, the previous record stays as it was.
const DB_NAME = "kringloop";
const DB_VERSION = 1;
const STORE = "hubs";

let db = null;
let pending = null;
let saves = 0;
/** The hub's record as last written (or read): lastSyncedSeq lives here. */
let current = { slug: "", hubId: null, snapshot: null, lastSyncedSeq: 0, savedAt: null };

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function open() {
  if (db) return db;
  const req = indexedDB.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: "slug" });
  };
  db = await request(req);
  return db;
}

/** Whether this build of the package can take snapshots at all. */
export function canPersist(hub) {
  return typeof hub?.snapshot === "function";
}

/** The stored record of hub `slug`, or `undefined` on a first visit. */
export async function load(slug) {
  const tx = (await open()).transaction(STORE, "readonly");
  const record = await request(tx.objectStore(STORE).get(slug));
  current = record ?? { slug, hubId: null, snapshot: null, lastSyncedSeq: 0, savedAt: null };
  return record;
}

/**
 * The journal position the last sync download of `hub` ended at (0: never
 * synced; also for a hub other than the stored one, e.g. a new demo).
 */
export function lastSyncedSeq(hub) {
  return current.hubId === hub.id ? current.lastSyncedSeq ?? 0 : 0;
}

async function write(record) {
  const tx = (await open()).transaction(STORE, "readwrite");
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
  tx.objectStore(STORE).put(record);
  await done;
}

function setState(state) {
  const el = document.getElementById("saved");
  if (!el) return;
  el.dataset.state = state;
  el.dataset.saves = String(saves);
  document.dispatchEvent(new CustomEvent("kringloop:saved", { detail: { state, saves } }));
}

/**
 * Saves `hub` now (snapshot + lastSyncedSeq). Resolves true once the
 * transaction committed; on failure it rejects and the stored record is
 * the previous one (a failed transaction writes nothing).
 */
export async function save(hub, { lastSyncedSeq } = {}) {
  if (!canPersist(hub)) {
    // nothing to store: keep the sync position for this visit only
    if (lastSyncedSeq !== undefined) current = { ...current, hubId: hub.id, lastSyncedSeq };
    setState("unavailable");
    return false;
  }
  setState("pending");
  let record;
  try {
    record = {
      slug: hub.slug,
      hubId: hub.id,
      snapshot: await hub.snapshot(),
      lastSyncedSeq: lastSyncedSeq ?? (current.hubId === hub.id ? current.lastSyncedSeq ?? 0 : 0),
      savedAt: new Date().toISOString(),
    };
    await write(record);
  } catch (error) {
    setState("failed");
    throw error;
  }
  current = record;
  saves += 1;
  setState("saved");
  return true;
}

/**
 * Schedules a save at the end of the current burst of changes (one write
 * for several calls in a row). Resolves when that write finished.
 */
export function scheduleSave(hub) {
  if (!canPersist(hub)) {
    setState("unavailable");
    return Promise.resolve(false);
  }
  if (!pending) {
    setState("pending");
    pending = Promise.resolve().then(async () => {
      pending = null;
      return save(hub);
    });
  }
  return pending;
}

/** Removes the stored hub (a fresh demo on the next load). */
export async function forget(slug) {
  const tx = (await open()).transaction(STORE, "readwrite");
  tx.objectStore(STORE).delete(slug);
  await new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
