// What the sections share: the open hub, who is acting, today's date, and
// two ways to call the hub. `change` runs a call that writes, shows a
// refusal in the error region, and afterwards tells the listeners (the
// sections refresh, persist.js saves a snapshot). `read` only shows errors.
import { clearErrors, showError } from "./status.js";

export const app = {
  /** The open `Hub`. */
  hub: null,
  /** The hub's slug (the IndexedDB key). */
  slug: "oude-bieb",
  /** The people this device may act as: `[{ key, label, actor }]`. */
  actors: [],
  /** The chosen actor (a plain `Actor` object). */
  actor: null,
  /** Volunteers by id (for names in lists), loaded by main.js. */
  volunteers: new Map(),
};

const changeListeners = [];

/** Calls `fn()` after every successful change. */
export function onChange(fn) {
  changeListeners.push(fn);
}

/** Today's date (`YYYY-MM-DD`) on the hub's clock: the browser's local date. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Runs `fn(hub, actor)`, a call that changes the hub. Resolves to its result,
 * or to `undefined` after showing the refusal.
 */
export async function change(fn) {
  clearErrors();
  let result;
  try {
    result = await fn(app.hub, app.actor);
  } catch (error) {
    showError(error);
    return undefined;
  }
  await notify();
  return result;
}

/** Tells the listeners that the hub changed (also after a partial success). */
export async function notify() {
  for (const fn of changeListeners) {
    try {
      await fn();
    } catch (error) {
      showError(error);
    }
  }
}

/** Runs `fn(hub, actor)`, a read; a refusal is shown and gives `fallback`. */
export async function read(fn, fallback) {
  try {
    return await fn(app.hub, app.actor);
  } catch (error) {
    showError(error);
    return fallback;
  }
}
