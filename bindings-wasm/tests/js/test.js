// Tests of the BUILT package (bindings-wasm/pkg) from JavaScript, as a web
// page uses it. Results go into #results (one PASS/FAIL line per test) and
// #summary ("N passed, M failed"), which scripts/wasm-test.sh greps.
import init, { Hub, labels, vocabularies } from "../../pkg/kringloop_wasm.js";

const results = [];
const NOW = "2026-03-02T12:00:00Z";
const anna = { name: "anna", role: "coordinator" };
const admin = { name: "beheer", role: "admin" };
const researcher = { name: "onderzoek", role: "researcher" };

async function test(name, fn) {
  try {
    await fn();
    results.push(`PASS ${name}`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: got ${a}, want ${b}`);
}

function ok(cond, what) {
  if (!cond) throw new Error(what);
}

/** Awaits a rejection that must be a real Error with `code` (and `field`). */
async function rejects(promise, code, field) {
  let error;
  try {
    const v = await promise;
    throw new Error(`expected a ${code} error, got ${JSON.stringify(v)}`);
  } catch (e) {
    error = e;
  }
  ok(error instanceof Error, `not an Error: ${error}`);
  if (error.message.startsWith("expected a ")) throw error;
  eq(error.name, "KringloopError", "name");
  eq(error.code, code, `code (${error.message})`);
  if (field !== undefined) eq(error.field, field, "field");
  ok(error.message.length > 0, "message");
  return error;
}

async function fresh() {
  const hub = await Hub.open("memory:", "oude-bieb", { now: NOW });
  const bea = await hub.registerVolunteer(anna, {
    displayName: "Bea", status: "active", startDate: "2025-01-06",
    roles: ["cashier", "shop_floor"], vogDate: "2023-03-20",
  });
  return { hub, bea };
}

async function snapshot(hub) {
  return JSON.stringify([
    await hub.journal(admin),
    await hub.volunteers(anna),
    await hub.shifts(admin, { from: "2026-01-01", to: "2026-12-31", includeCancelled: true }),
    await hub.openingHours(admin),
  ]);
}

async function run() {
  await init();

  await test("open a memory hub with a fixed clock", async () => {
    const hub = await Hub.open("memory:", "oude-bieb", { now: NOW });
    eq(hub.slug, "oude-bieb", "slug");
    eq(hub.id.length, 36, "id length");
    const v = await hub.registerVolunteer(anna, { displayName: "Cor" });
    eq(v.startDate, "2026-03-02", "today from the fixed clock");
    hub.setNow("2026-04-01T08:00:00Z");
    eq((await hub.registerVolunteer(anna, { displayName: "Dirk" })).startDate, "2026-04-01", "moved clock");
    hub.free();
  });

  await test("open without options uses the system clock", async () => {
    const hub = await Hub.open("memory:", "live");
    const v = await hub.registerVolunteer(anna, { displayName: "Eva" });
    ok(/^\d{4}-\d{2}-\d{2}$/.test(v.startDate), `start date ${v.startDate}`);
    try { hub.setNow(NOW); throw new Error("setNow did not throw"); } catch (e) {
      ok(e instanceof Error && e.code === "validation" && e.field === "now", `setNow: ${e}`);
    }
  });

  await test("unsupported store URL is a validation error", async () => {
    await rejects(Hub.open("sqlite:hub.db", "x"), "validation", "url");
    await rejects(Hub.open("memory:", "x", { now: "tomorrow" }), "validation", "now");
  });

  await test("labels and vocabularies", async () => {
    const roles = labels("volunteer_role");
    eq(roles.length, 7, "roles");
    eq(roles[1], { code: "cashier", nl: "kassa", en: "cashier" }, "cashier");
    ok(vocabularies().includes("shift_status"), "vocabularies");
    try { labels("colours"); throw new Error("no throw"); } catch (e) {
      ok(e instanceof Error && e.code === "validation" && e.field === "vocabulary", `labels: ${e}`);
    }
  });

  await test("volunteers: register, read, update, status, list", async () => {
    const { hub, bea } = await fresh();
    eq(bea.roles, ["shop_floor", "cashier"], "roles");
    eq(bea.contact, null, "contact null");
    eq(await hub.volunteer(anna, bea.id), bea, "read back");
    const me = { name: "bea", role: "volunteer", volunteerId: bea.id };
    eq((await hub.volunteer(me, bea.id)).id, bea.id, "own record");
    const u = await hub.updateVolunteer(anna, bea.id, { contact: "bea@example.nl", skills: ["kassa"] });
    eq([u.contact, u.version], ["bea@example.nl", 2], "update");
    eq((await hub.updateVolunteer(anna, bea.id, { contact: null })).contact, null, "null clears");
    eq((await hub.updateVolunteer(anna, bea.id, { skills: ["naaien"], contact: undefined })).version, 4, "undefined is absent");
    const p = await hub.changeVolunteerStatus(anna, bea.id, "paused", { reason: "vakantie" });
    eq([p.status, p.statusSince, p.statusReason], ["paused", "2026-03-02", "vakantie"], "paused");
    eq((await hub.volunteers(anna, { status: "paused" })).length, 1, "filter");
    eq((await hub.volunteers(anna, { status: "active" })).length, 0, "filter active");
  });

  await test("shifts, roster gaps, hours, milestones, VOG, journal", async () => {
    const { hub, bea } = await fresh();
    const slots = await hub.setOpeningHours(anna, [
      { weekday: "tuesday", start: "10:00", end: "17:00", staffing: { cashier: 1 } },
    ]);
    eq(slots[0].staffing, { cashier: 1 }, "staffing is a plain object");
    const shift = (date, start, end) => ({ volunteerId: bea.id, role: "cashier", date, start, end });
    const planned = await hub.planShift(anna, shift("2026-03-03", "10:00", "13:00"));
    eq([planned.status, planned.start, planned.end], ["planned", "10:00", "13:00"], "planned");
    eq(await hub.rosterGaps(anna, { from: "2026-03-03", to: "2026-03-03" }), [
      { date: "2026-03-03", start: "13:00", end: "17:00", role: "cashier", required: 1, planned: 0, candidates: [] },
    ], "gaps");
    for (const day of ["2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]) {
      await hub.recordShift(anna, shift(day, "09:00", "17:00"));
    }
    hub.setNow("2026-03-03T18:00:00Z");
    const done = await hub.completeShift(anna, planned.id, { start: "10:00", end: "12:00" });
    eq([done.status, done.end], ["worked", "12:00"], "completed");
    const extra = await hub.planShift(anna, shift("2026-03-10", "10:00", "12:00"));
    eq((await hub.cancelShift(anna, extra.id, { reason: "ziek" })).status, "cancelled", "cancelled");
    const march = { from: "2026-03-01", to: "2026-03-31" };
    eq((await hub.shifts(anna, march)).length, 3, "live shifts");
    eq((await hub.shifts(anna, { ...march, volunteerId: bea.id, includeCancelled: true })).length, 4, "all shifts");
    eq(await hub.hoursByVolunteer(anna, march), [{ volunteerId: bea.id, displayName: "Bea", minutes: 1080, shifts: 3 }], "hours");
    eq(await hub.hoursByRole(researcher, march), [{ role: "cashier", minutes: 1080, shifts: 3 }], "hours by role");
    const m = await hub.milestones(anna, march);
    eq([m[0].milestoneHours, m[0].totalMinutes], [50, 7 * 480 + 120], "milestone");
    const vog = await hub.vogExpiring(anna, 30);
    eq([vog[0].state, vog[0].expiresOn], ["expiring", "2026-03-20"], "vog");
    const journal = await hub.journal(admin);
    eq(journal[0].action, "volunteer.registered", "first journal entry");
    eq(journal.at(-1).action, "shift.cancelled", "last journal entry");
    eq((await hub.journal(admin, { after: 1, limit: 2 })).map((r) => r.seq), [2, 3], "journal page");
  });

  await test("bad input: right code, real Error, nothing changed", async () => {
    const { hub, bea } = await fresh();
    const planned = await hub.planShift(anna, { volunteerId: bea.id, role: "cashier", date: "2026-03-03", start: "10:00", end: "13:00" });
    const before = await snapshot(hub);
    const shift = (start, end, date = "2026-03-03") => ({ volunteerId: bea.id, role: "cashier", date, start, end });
    await rejects(hub.registerVolunteer(anna, { displayName: "" }), "validation", "displayName");
    await rejects(hub.registerVolunteer(anna, { displayName: "Eva", shoeSize: 43 }), "validation", "input");
    await rejects(hub.registerVolunteer(anna, { displayName: "Eva", roles: ["juggler"] }), "validation");
    await rejects(hub.planShift(anna, shift("13:00", "10:00", "2026-03-04")), "validation");
    await rejects(hub.completeShift(anna, planned.id, { start: "13:00", end: "10:00" }), "validation", "end");
    await rejects(hub.hoursByRole(anna, { from: "2026-03-31", to: "2026-03-01" }), "validation", "period");
    await rejects(hub.planShift(anna, shift("12:00", "14:00")), "conflict");
    const unknown = "01890000-0000-7000-8000-000000000000";
    const nf = await rejects(hub.volunteer(anna, unknown), "not_found");
    eq([nf.entity, nf.id], ["volunteer", unknown], "not_found details");
    await rejects(hub.cancelShift(anna, unknown), "not_found");
    await rejects(hub.volunteer(anna, "bea"), "validation", "volunteerId");
    await rejects(hub.changeVolunteerStatus(anna, bea.id, "prospect", { reason: "x" }), "conflict");
    await rejects(hub.changeVolunteerStatus(anna, bea.id, "left"), "validation", "reason");
    await rejects(hub.registerVolunteer(researcher, { displayName: "Eva" }), "forbidden");
    await rejects(hub.volunteers(researcher), "forbidden");
    await rejects(hub.journal(anna), "forbidden");
    const other = { name: "bea", role: "volunteer", volunteerId: bea.id };
    await rejects(hub.planShift(other, shift("14:00", "15:00")), "forbidden");
    await rejects(hub.volunteers({ name: "x", role: "king" }), "validation", "actor");
    await rejects(hub.vogExpiring(anna, -1), "validation", "withinDays");
    await rejects(hub.journal(admin, { limit: 0 }), "validation", "limit");
    eq(await snapshot(hub), before, "state after refused calls");
  });

  await test("1000 volunteers and 1000 shifts in the memory store", async () => {
    const hub = await Hub.open("memory:", "bulk", { now: NOW });
    for (let i = 0; i < 1000; i++) {
      const v = await hub.registerVolunteer(anna, { displayName: `V${i}`, status: "active", roles: ["cashier"] });
      await hub.planShift(anna, { volunteerId: v.id, role: "cashier", date: "2026-03-03", start: "10:00", end: "13:00" });
    }
    eq((await hub.shifts(anna, { from: "2026-03-03", to: "2026-03-03" })).length, 1000, "shifts");
  });

  await test("README example (examples/web/readme-example.js)", async () => {
    const lines = [];
    const log = console.log;
    console.log = (...args) => { lines.push(args.join(" ")); log(...args); };
    try {
      await import("../../../examples/web/readme-example.js");
    } finally {
      console.log = log;
    }
    for (const line of lines) results.push(`INFO example: ${line}`);
    ok(lines.some((l) => l.startsWith("gap on 2026-03-02 13:00–17:00: cashier 0/1")), "gap line");
    ok(lines.some((l) => l.startsWith("refused: validation (displayName)")), "refusal line");
  });
}

function report() {
  const passed = results.filter((r) => r.startsWith("PASS")).length;
  const failed = results.filter((r) => r.startsWith("FAIL")).length;
  document.getElementById("results").textContent = results.join("\n");
  document.getElementById("summary").textContent = `${passed} passed, ${failed} failed`;
}

run()
  .catch((e) => results.push(`FAIL test page: ${e && e.stack ? e.stack : e}`))
  .finally(report);
