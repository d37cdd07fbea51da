// Starts the page: loads the WebAssembly package (kringloop.js says which),
// restores the hub saved in
// this browser (or opens and seeds a demo hub on a first visit), sets up
// the sections and the actor and language switches, and marks the page
// ready (<body data-ready="true">; window.kringloopPage.readyMs is the time
// from navigation to ready).
import { Hub, init, packageName } from "./kringloop.js";
import { app, notify, onChange } from "./app.js";
import { applyStatic, currentLang, onLangChange, setLang, t } from "./i18n.js";
import { canPersist, load, scheduleSave } from "./persist.js";
import { COORDINATOR, seed } from "./seed.js";
import { announce, showError } from "./status.js";
import { refreshTill, renderTill, setupTill } from "./till.js";
import { renderIntake, setupIntake, suggest } from "./intake.js";
import { refreshPartners, renderSignal, setupSignal } from "./signal.js";
import { refreshCheckin, renderCheckin, setupCheckin } from "./checkin.js";
import { setupSync } from "./sync.js";

const $ = (id) => document.getElementById(id);

/** Opens the hub: restored from IndexedDB when a snapshot is stored, else a seeded demo. */
async function openHub() {
  let record;
  try {
    record = await load(app.slug);
  } catch (error) {
    showError(error); // no IndexedDB (private mode): run from memory
  }
  if (record && record.snapshot && typeof Hub.restore === "function") {
    try {
      return { hub: await Hub.restore(record.snapshot), restored: true };
    } catch (error) {
      // A snapshot the library refuses is kept as it is (not overwritten
      // by the demo); this visit runs without saving.
      showError(error);
      return { hub: await fresh(), restored: false, keepStored: true };
    }
  }
  return { hub: await fresh(), restored: false };
}

async function fresh() {
  const hub = await Hub.open("memory:", app.slug);
  await seed(hub);
  return hub;
}

async function loadVolunteers() {
  const list = await app.hub.volunteers(COORDINATOR);
  app.volunteers = new Map(list.map((v) => [v.id, v]));
  app.actors = [
    ...list
      .filter((v) => v.status === "active" || v.status === "prospect")
      .map((v) => {
        const coordinator = v.roles.includes("coordinator");
        return {
          key: v.id,
          label: () => `${v.displayName} (${t(coordinator ? "roleCoordinator" : "roleVolunteer")})`,
          actor: { name: v.displayName, role: coordinator ? "coordinator" : "volunteer", volunteerId: v.id },
        };
      }),
    {
      key: "researcher",
      label: () => `${t("researcher")} (${t("roleResearcher")})`,
      actor: { name: "onderzoeker", role: "researcher" },
    },
  ];
}

function renderActors() {
  const select = $("actor");
  const chosen = select.value || app.actors[0]?.key;
  select.replaceChildren(...app.actors.map((a) => new Option(a.label(), a.key)));
  select.value = chosen;
  app.actor = app.actors.find((a) => a.key === select.value)?.actor ?? app.actors[0]?.actor;
}

async function refreshAll() {
  await refreshTill();
  await refreshCheckin();
  await refreshPartners();
}

function renderSaved() {
  const el = $("saved");
  if (el.dataset.state !== "idle") el.textContent = t(`saved.${el.dataset.state}`, { n: el.dataset.saves });
}

function renderAll() {
  renderActors();
  renderSaved();
  renderTill();
  renderIntake();
  suggest();
  renderSignal();
  renderCheckin();
}

async function main() {
  applyStatic();
  announce(t("loading"));
  await init();
  const { hub, restored, keepStored } = await openHub();
  app.hub = hub;
  await loadVolunteers();
  renderActors();
  setupTill();
  setupIntake();
  setupSignal();
  setupCheckin();
  setupSync();
  onChange(refreshAll);
  if (!keepStored) {
    onChange(() => scheduleSave(app.hub).catch(showError));
    if (!restored) await scheduleSave(hub).catch(showError); // the seeded demo
  }
  $("actor").addEventListener("change", async () => {
    renderActors();
    await refreshAll();
    await suggest();
  });
  $("lang").addEventListener("click", () => setLang(currentLang() === "nl" ? "en" : "nl"));
  onLangChange(renderAll);
  await refreshAll();
  await suggest();
  announce(`${t("ready", { slug: hub.slug })} ${t(restored ? "restored" : "seeded")}`);
  if (!canPersist(hub)) $("saved").dataset.state = "unavailable";
  renderSaved();
  $("package").textContent = packageName;
  const readyMs = Math.round(performance.now());
  window.kringloopPage = { app, Hub, readyMs, restored, notify, packageName };
  document.body.dataset.restored = String(restored);
  document.body.dataset.ready = "true";
}

document.addEventListener("kringloop:saved", renderSaved);

main().catch((error) => {
  showError(error);
  document.body.dataset.ready = "failed";
});
