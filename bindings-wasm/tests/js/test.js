// Tests of the BUILT packages (bindings-wasm/pkg and, at the end,
// bindings-wasm/pkg-programme and bindings-wasm/pkg-offline) from JavaScript, as a web
// page uses it. Results go into #results (one PASS/FAIL line per test) and
// #summary ("N passed, M failed"), which scripts/wasm-test.sh greps.
import init, { Hub, labels, vocabularies } from "../../pkg/kringloop_wasm.js";

const results = [];
const NOW = "2026-03-02T12:00:00Z";
const anna = { name: "anna", role: "coordinator" };
const admin = { name: "beheer", role: "admin" };
const researcher = { name: "onderzoek", role: "researcher" };
const kees = { name: "kees", role: "volunteer" };

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

/** A hub with four lots: 3 coats (€ 3), 3 pans (€ 2), 4 cups (€ 1,50), a clock (€ 19,99 → € 20). */
async function shop() {
  const hub = await Hub.open("memory:", "oude-bieb", { now: NOW });
  const [coat, pan, cup, clock] = await hub.takeInBatch(kees, [
    { category: "clothing", description: "winterjas", condition: "b", quantity: 3, weightGrams: 1000 },
    { category: "household", description: "steelpan", condition: "b", quantity: 3, weightGrams: 800 },
    { category: "crockery", description: "kopje", condition: "b", quantity: 4, weightGrams: 200 },
    { category: "other", description: "klok", condition: "a", weightGrams: 500, priceOverride: 1999 },
  ]);
  return { hub, coat, pan, cup, clock, items: [coat, pan, cup, clock] };
}

const line = (item, quantity) => ({ itemId: item.id, quantity });
const unknownId = "01890000-0000-7000-8000-000000000000";

async function stockSnapshot(hub, items) {
  const views = [];
  for (const it of items) views.push(await hub.item(admin, it.id), await hub.moves(admin, it.id));
  const year = { from: "2026-01-01", to: "2026-12-31" };
  return JSON.stringify([
    await hub.journal(admin), views, await hub.stockOnHand(admin), await hub.salesReport(admin, year),
    await hub.cashUps(admin, year), await hub.pricingPolicy(admin),
  ]);
}

/** The `js` blocks of a "## heading" section of docs/web.md, as one program. */
async function docsProgram(heading, minBlocks) {
  const text = await (await fetch("../../../docs/web.md")).text();
  const start = text.indexOf(`\n## ${heading}\n`);
  ok(start >= 0, `section "${heading}" in docs/web.md`);
  const end = text.indexOf("\n## ", start + 1);
  const section = text.slice(start, end);
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  ok(blocks.length >= minBlocks, `js blocks in "${heading}": ${blocks.length}`);
  return blocks.join("\n");
}

/** Runs a docs program with `console.log` captured; returns the printed lines. */
async function runDocs(program, label) {
  const lines = [];
  const print = { log: (...args) => lines.push(args.join(" ")) };
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction("Hub", "labels", "vocabularies", "console", program)(Hub, labels, vocabularies, print);
  for (const l of lines) results.push(`INFO ${label}: ${l}`);
  return lines;
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

  await test("stock: intake single and batch, price tags, markdown and discard", async () => {
    const hub = await Hub.open("memory:", "oude-bieb", { now: NOW });
    const coat = await hub.takeIn(kees, {
      category: "clothing", description: "winterjas", condition: "b", weightGrams: 1200, donor: "household",
    });
    eq(coat, {
      id: coat.id, category: "clothing", description: "winterjas", condition: "b", quantity: 1,
      weightGrams: 1200, donor: "household", intakeDate: "2026-03-02", priceOverride: null,
    }, "item");
    const view = await hub.item(kees, coat.id);
    eq([view.onHand, view.manualPrice, view.description], [1, null, "winterjas"], "view");
    eq(view.tag, { base: 300, percentOff: 0, colour: "white", price: 300 }, "tag");
    const [books, dress] = await hub.takeInBatch(kees, [
      { category: "books", description: "roman", condition: "a", quantity: 10, weightGrams: 300 },
      { category: "clothing", description: "jurk", condition: "a", weightGrams: 400, intakeDate: "2026-01-26" },
    ]);
    eq((await hub.item(kees, dress.id)).tag, { base: 500, percentOff: 25, colour: "yellow", price: 400 }, "five weeks: yellow");
    const md = await hub.recordMove(kees, { itemId: books.id, kind: "markdown", unitPrice: 150 });
    eq([md.kind, md.quantity, md.unitPrice], ["markdown", 0, 150], "markdown move");
    const d = await hub.recordMove(kees, { itemId: books.id, kind: "discard", quantity: 2 });
    eq([d.kind, d.quantity, d.date, d.actor], ["discard", -2, "2026-03-02", "kees"], "discard move");
    const bv = await hub.item(kees, books.id);
    eq([bv.onHand, bv.manualPrice], [8, 150], "after moves");
    eq(bv.tag, { base: 150, percentOff: 0, colour: null, price: 150 }, "manual price tag");
    eq((await hub.moves(kees, books.id)).map((m) => [m.kind, m.quantity]), [["intake", 10], ["markdown", 0], ["discard", -2]], "ledger");
    eq((await hub.ageing(kees, { weeks: 4 })).map((v) => v.description), ["jurk"], "ageing");
    eq(labels("condition").map((l) => l.code), ["a", "b", "c"], "condition codes");
    for (const v of ["category", "condition", "donor_kind", "move_kind", "payment_method", "tag_colour", "bucket"]) {
      ok(vocabularies().includes(v), `vocabulary ${v}`);
    }
  });

  await test("stock: checkout by card and cash (Dutch rounding), city pass, oversell refused", async () => {
    const { hub, coat, pan, cup, clock, items } = await shop();
    const card = await hub.checkout(kees, { till: "kassa-1", payment: "card", lines: [line(coat, 1), line(pan, 1)] });
    eq([card.subtotal, card.discount, card.rounding, card.total], [500, 0, 0, 500], "card totals");
    eq([card.till, card.at, card.date, card.cityPass, card.reverses], ["kassa-1", NOW, "2026-03-02", false, null], "card header");
    eq(card.lines[0], { itemId: coat.id, category: "clothing", quantity: 1, unitPrice: 300, lineTotal: 300, net: 300, weightGrams: 1000 }, "line");
    const basket = (payment) => ({ till: "kassa-1", payment, cityPass: true, lines: [line(coat, 1), line(pan, 1), line(cup, 1)] });
    const cash = await hub.checkout(kees, basket("cash"));
    eq([cash.subtotal, cash.discount, cash.rounding, cash.total], [650, 163, -2, 485], "cash with pass: 4,87 → 4,85");
    eq(cash.lines.reduce((a, l) => a + l.net, 0), 485, "nets add up");
    const passCard = await hub.checkout(kees, basket("card"));
    eq([passCard.discount, passCard.rounding, passCard.total], [163, 0, 487], "card with pass");
    eq(await hub.sale(kees, cash.id), cash, "read back");
    const before = await stockSnapshot(hub, items);
    await rejects(hub.checkout(kees, { till: "kassa-1", payment: "cash", lines: [line(clock, 1), line(cup, 3)] }), "conflict");
    await rejects(hub.checkout(kees, { till: "kassa-1", payment: "cash", lines: [line(coat, 1)] }), "conflict");
    eq(await stockSnapshot(hub, items), before, "a refused sale changed something");
    const policy = await hub.pricingPolicy(anna);
    await hub.setPricingPolicy(anna, { ...policy, roundingStep: 1 });
    const up = await hub.checkout(kees, { till: "kassa-1", payment: "cash", lines: [line(clock, 1)] });
    eq([up.subtotal, up.rounding, up.total], [1999, 1, 2000], "cash 19,99 → 20,00");
  });

  await test("stock: refund, over-refund, cash-up twice, reports", async () => {
    const { hub, coat, pan, cup, items } = await shop();
    const cash = await hub.checkout(kees, { till: "kassa-1", payment: "cash", cityPass: true, lines: [line(coat, 1), line(pan, 1), line(cup, 1)] });
    const card = await hub.checkout(kees, { till: "kassa-2", payment: "card", lines: [line(coat, 2)] });
    const back = await hub.refund(kees, { saleId: cash.id, till: "kassa-1", payment: "cash", lines: [line(coat, 1)] });
    eq([back.reverses, back.cityPass, back.subtotal, back.discount, back.total], [cash.id, true, -300, -76, -225], "refund");
    eq(back.lines[0].quantity, -1, "negative line");
    eq((await hub.moves(kees, coat.id)).at(-1).kind, "return", "return move");
    const before = await stockSnapshot(hub, items);
    await rejects(hub.refund(kees, { saleId: cash.id, till: "kassa-1", payment: "cash", lines: [line(coat, 1)] }), "conflict");
    await rejects(hub.refund(kees, { saleId: cash.id, till: "kassa-1", payment: "cash", lines: [line(cup, 2)] }), "conflict");
    await rejects(hub.refund(kees, { saleId: back.id, till: "kassa-1", payment: "cash" }), "conflict");
    await rejects(hub.refund(kees, { saleId: unknownId, till: "kassa-1", payment: "cash" }), "not_found");
    eq(await stockSnapshot(hub, items), before, "a refused refund changed something");
    const whole = await hub.refund(kees, { saleId: card.id, till: "kassa-2", payment: "card" });
    eq([whole.total, whole.lines[0].quantity], [-600, -2], "whole refund");
    const cu = await hub.cashUp(kees, { till: "kassa-1", openingFloat: 5000, counted: 5255 });
    eq([cu.cashSales, cu.cashRefunds, cu.expected, cu.difference, cu.date], [485, 225, 5260, -5, "2026-03-02"], "cash-up");
    await rejects(hub.cashUp(kees, { till: "kassa-1", openingFloat: 5000, counted: 5260 }), "conflict");
    const march = { from: "2026-03-01", to: "2026-03-31" };
    eq(await hub.cashUps(anna, march), [cu], "cash-ups");
    const rows = await hub.salesReport(researcher, march);
    eq(rows.reduce((a, r) => a + r.revenue, 0), 485 + 600 - 225 - 600, "revenue");
    eq(rows.map((r) => r.category), ["clothing", "crockery", "household"], "categories in order");
    eq((await hub.salesReport(researcher, { ...march, bucket: "month" }))[0].periodStart, "2026-03-01", "month bucket");
    const stock = await hub.stockOnHand(researcher);
    eq(stock.find((r) => r.category === "clothing"), { category: "clothing", colour: "white", items: 1, units: 3, weightGrams: 3000, value: 900 }, "coats back on the shelf");
    ok((await hub.stockOnHand(researcher, { on: "2026-04-06" })).every((r) => r.colour === "yellow"), "later: yellow");
  });

  await test("stock: forbidden roles and bad input change nothing", async () => {
    const { hub, coat, cup, items } = await shop();
    const sold = await hub.checkout(kees, { till: "kassa-1", payment: "card", lines: [line(cup, 1)] });
    const before = await stockSnapshot(hub, items);
    const atlas = (extra = {}) => ({ category: "books", description: "atlas", condition: "a", weightGrams: 900, ...extra });
    const basket = (lines, extra = {}) => ({ till: "kassa-1", payment: "cash", lines, ...extra });
    await rejects(hub.checkout(researcher, basket([line(coat, 1)])), "forbidden");
    await rejects(hub.takeIn(researcher, atlas()), "forbidden");
    await rejects(hub.recordMove(researcher, { itemId: coat.id, kind: "discard", quantity: 1 }), "forbidden");
    await rejects(hub.refund(researcher, { saleId: sold.id, till: "kassa-1", payment: "card" }), "forbidden");
    await rejects(hub.cashUp(researcher, { till: "kassa-1", openingFloat: 0, counted: 0 }), "forbidden");
    await rejects(hub.setPricingPolicy(kees, await hub.pricingPolicy(kees)), "forbidden");
    await rejects(hub.takeIn(kees, atlas({ quantity: 0 })), "validation", "quantity");
    const batch = await rejects(hub.takeInBatch(kees, [atlas(), atlas({ quantity: 0 })]), "validation", "quantity");
    ok(batch.message.includes("item 2"), `batch message: ${batch.message}`);
    await rejects(hub.checkout(kees, basket([line(coat, 0)])), "validation", "quantity");
    const nf = await rejects(hub.checkout(kees, basket([line(coat, 1), { itemId: unknownId, quantity: 1 }])), "not_found");
    eq([nf.entity, nf.id], ["item", unknownId], "not_found details");
    await rejects(hub.item(kees, unknownId), "not_found");
    await rejects(hub.recordMove(kees, { itemId: unknownId, kind: "discard", quantity: 1 }), "not_found");
    await rejects(hub.sale(kees, unknownId), "not_found");
    await rejects(hub.takeIn(kees, atlas({ priceOverride: -100 })), "validation", "priceOverride");
    await rejects(hub.recordMove(kees, { itemId: coat.id, kind: "markdown", unitPrice: -1 }), "validation", "unitPrice");
    await rejects(hub.takeIn(kees, atlas({ priceOverride: 2.5 })), "validation", "input");
    await rejects(hub.checkout(kees, basket([])), "validation", "lines");
    await rejects(hub.takeInBatch(kees, []), "validation", "items");
    await rejects(hub.checkout(kees, basket([line(coat, 1)], { citypass: true })), "validation", "basket");
    await rejects(hub.item(kees, "jas"), "validation", "itemId");
    await rejects(hub.recordMove(kees, { itemId: coat.id, kind: "transfer", quantity: 4 }), "conflict");
    await rejects(hub.salesReport(researcher, { from: "2026-03-31", to: "2026-03-01" }), "validation", "period");
    await rejects(hub.ageing(kees, { weeks: 4, limit: 0 }), "validation", "limit");
    eq(await stockSnapshot(hub, items), before, "state after refused calls");
  });

  await test("stock: reuse impact factors (defaults, set, forbidden, duplicates) and report", async () => {
    const { hub, coat, cup } = await shop();
    const march = { from: "2026-03-01", to: "2026-03-31" };
    const standard = await hub.impactFactors(researcher);
    eq(standard.map((f) => f.category), ["books", "clothing", "crockery", "toys", "furniture", "electronics", "household", "other"], "default categories");
    eq([standard[1].gramsCo2ePerKg, standard[1].sourceDate], [6100, "2021-01-01"], "clothing default");
    ok(standard[1].source.includes("HUMANA"), "clothing source");
    eq(standard[4].gramsCo2ePerKg, 1450, "furniture default");
    eq(await hub.impactFactors(kees), standard, "every role reads");
    const mine = { category: "clothing", gramsCo2ePerKg: 8000, source: " eigen meting 2025 ", sourceDate: "2025-06-01" };
    const set = await hub.setImpactFactors(anna, [mine, standard[0]]);
    eq(set, [standard[0], { ...mine, source: "eigen meting 2025" }], "set: sorted, trimmed");
    eq(await hub.impactFactors(anna), set, "read back");
    eq(await hub.setImpactFactors(admin, standard), standard, "defaults back");
    const before = JSON.stringify([await hub.impactFactors(admin), await hub.journal(admin)]);
    await rejects(hub.setImpactFactors(kees, standard), "forbidden");
    const dup = await rejects(hub.setImpactFactors(anna, [standard[1], standard[1]]), "validation", "impactFactors");
    ok(dup.message.includes("two factors for clothing"), `duplicate message: ${dup.message}`);
    await rejects(hub.setImpactFactors(anna, [{ ...mine, gramsCo2ePerKg: 200000 }]), "validation", "gramsCo2ePerKg");
    await rejects(hub.setImpactFactors(anna, [{ ...mine, source: "x" }]), "validation", "source");
    await rejects(hub.setImpactFactors(anna, [{ ...mine, gramsCo2ePerKg: 1.5 }]), "validation", "factors");
    await rejects(hub.setImpactFactors(anna, [{ ...mine, grams: 1 }]), "validation", "factors");
    eq(JSON.stringify([await hub.impactFactors(admin), await hub.journal(admin)]), before, "state after refused calls");

    eq(await hub.reuseImpact(researcher, march), [], "nothing sold yet");
    const sale = await hub.checkout(kees, { till: "kassa-1", payment: "card", lines: [line(coat, 2), line(cup, 1)] });
    await hub.refund(kees, { saleId: sale.id, till: "kassa-1", payment: "card", lines: [line(coat, 1)] });
    eq(await hub.reuseImpact(kees, march), [
      { category: "clothing", weightGrams: 1000, gramsCo2e: 6100, source: standard[1].source },
      { category: "crockery", weightGrams: 200, gramsCo2e: 200, source: standard[2].source },
    ], "impact after a sale and a return");
    await hub.setImpactFactors(anna, [standard[1]]);
    eq((await hub.reuseImpact(researcher, march))[1], { category: "crockery", weightGrams: 200, gramsCo2e: null, source: null }, "no factor: null");
    await rejects(hub.reuseImpact(researcher, { from: "2026-03-31", to: "2026-03-01" }), "validation", "period");
  });

  await test("docs/web.md stock section runs as written", async () => {
    const lines = await runDocs(await docsProgram("Stock, pricing and the till", 5), "docs");
    eq(lines, [
      "1 300 white 0",
      "intake 4", "discard -1", "1999",
      "650 163 -2 485", "1999 0", "conflict", "-225 true", "5260 -5",
      "clothing white 1 300", "crockery white 2 300",
      "2026-03-02 clothing -1 0", "2026-03-02 crockery 112 1", "2026-03-02 household 149 1", "2026-03-02 other 1999 1",
      "clothing 6100 2021-01-01",
      "clothing 0 0", "crockery 200 200", "household 800 800", "other 500 500",
      "crockery 240",
    ], "printed lines");
  });

  await test("signals: record, read back, scope, consent rule, lifecycle", async () => {
    const { hub, bea } = await fresh();
    const cor = await hub.registerVolunteer(anna, { displayName: "Cor", status: "active" });
    const asBea = { name: "bea", role: "volunteer", volunteerId: bea.id };
    const asCor = { name: "cor", role: "volunteer", volunteerId: cor.id };
    const wij = await hub.registerPartner(anna, {
      name: "WIJ Lewenborg", services: [{ name: "Schuldhulp", domains: ["money_debt"] }],
    });
    const view = await hub.recordSignal(asBea, {
      domains: ["money_debt"], summary: " Zorgen over de huur ", person: "Karin", doNotContact: undefined,
    });
    eq([view.signal.consent, view.signal.recordedByVolunteer, view.personal.summary], ["not_asked", bea.id, "Zorgen over de huur"], "recorded");
    eq(await hub.signal(anna, view.signal.id), view, "read back as coordinator");
    await rejects(hub.signal(asCor, view.signal.id), "forbidden");
    eq(await hub.signals(asCor), [], "another volunteer lists none");
    const noConsent = await rejects(hub.refer(asBea, { signal: view.signal.id, partner: wij.id }), "validation", "consent");
    ok(noConsent.message.includes("consent"), `message: ${noConsent.message}`);
    const acute = await hub.recordSignal(anna, { domains: ["housing", "money_debt"], urgency: "acute", summary: "Uitzetting morgen", consent: "refused" });
    await rejects(hub.refer(anna, { signal: acute.signal.id, partner: wij.id }), "validation", "consent");
    const urgent = await hub.refer(anna, { signal: acute.signal.id, partner: wij.id, consentException: "uitzetting morgen", request: true });
    eq([urgent.status, urgent.consentException], ["requested", "uitzetting morgen"], "acute with a reason");
    eq((await hub.changeReferral(anna, urgent.id, { status: "accepted" })).status, "accepted", "lifecycle step");
    await rejects(hub.changeReferral(anna, urgent.id, { status: "completed", outcome: "got_help" }), "conflict");
    await rejects(hub.changeReferral(anna, urgent.id, { status: "in_progress", outcome: "got_help" }), "validation", "outcome");
    eq((await hub.setFollowUp(anna, urgent.id, "2026-03-04")).followUp, "2026-03-04", "follow-up");
    eq((await hub.followUpsDue(anna, { on: "2026-03-04" })).map((d) => d.partnerName), ["WIJ Lewenborg"], "due");
    eq((await hub.setFollowUp(anna, urgent.id, null)).followUp, null, "follow-up cleared");
    eq((await hub.referrals(anna, { signalId: acute.signal.id })).map((x) => x.id), [urgent.id], "referrals of a signal");
    await rejects(hub.closeSignal(anna, acute.signal.id), "conflict");
    for (const v of ["signal_domain", "urgency", "consent", "referral_status", "referral_outcome"]) {
      ok(vocabularies().includes(v), `vocabulary ${v}`);
    }
  });

  await test("signals: suggestions, HSDS, statistics with hidden cells, policy, purge", async () => {
    const hub = await Hub.open("memory:", "oude-bieb", { now: NOW });
    const wij = await hub.registerPartner(anna, {
      name: "WIJ Lewenborg", phone: "050 123 4567",
      services: [{ name: "Schuldhulp", domains: ["money_debt"] }, { name: "Buurtwerk", domains: ["loneliness"] }],
    });
    await hub.registerPartner(anna, { name: "Voedselbank", services: [{ name: "Pakket", domains: ["food"] }] });
    const { signal } = await hub.recordSignal(kees, { domains: ["loneliness", "money_debt"], summary: "Alleen en schulden", consent: "given" });
    const sug = await hub.partnerSuggestions(anna, signal.id);
    eq(sug.map((x) => [x.partner.name, x.matched, x.services.length]), [["WIJ Lewenborg", ["loneliness", "money_debt"], 2]], "suggestions");
    const hsds = await hub.partnersHsds(researcher);
    eq([hsds.organizations.length, hsds.services.length], [2, 3], "HSDS organizations and services");
    const org = hsds.organizations.find((o) => o.id === wij.id);
    eq([org.name, org.phones[0].number, "email" in org], ["WIJ Lewenborg", "050 123 4567", false], "HSDS organization");
    ok(hsds.services.every((x) => x.attributes.length > 0 && x.organization_id), "HSDS services carry domains");
    const r = await hub.refer(anna, { signal: signal.id, partner: wij.id, request: true });
    const march = { from: "2026-03-01", to: "2026-03-31" };
    const stats = await hub.signalStatistics(researcher, march);
    const col = stats.byDomain.columns.indexOf("money_debt");
    eq([stats.threshold, stats.byDomain.cells[0][col], stats.byDomain.total], [10, null, null], "researcher: hidden");
    eq(stats.byDomain.cells[0][stats.byDomain.columns.indexOf("food")], 0, "zeros are shown");
    eq(stats.referralsByStatus.rows, ["WIJ Lewenborg"], "referral rows");
    const exact = await hub.signalStatistics(anna, march);
    eq([exact.threshold, exact.byDomain.cells[0][col], exact.byDomain.total, exact.daysToReferral.n], [null, 1, 2, 1], "coordinator: exact");
    await rejects(hub.signalStatistics(kees, march), "forbidden");
    eq(await hub.signalPolicy(researcher), { retentionMonths: 12, suppressionThreshold: 10 }, "default policy");
    eq(await hub.setSignalPolicy(anna, { retentionMonths: 1, suppressionThreshold: 2 }), { retentionMonths: 1, suppressionThreshold: 2 }, "policy set");
    await rejects(hub.setSignalPolicy(anna, { retentionMonths: 1000 }), "validation", "policy");
    for (const status of ["accepted", "in_progress"]) await hub.changeReferral(anna, r.id, { status });
    await hub.changeReferral(anna, r.id, { status: "completed", outcome: "got_help" });
    await hub.closeSignal(anna, signal.id);
    await rejects(hub.purgeSignals(anna), "forbidden");
    hub.setNow("2026-05-01T12:00:00Z");
    eq((await hub.purgeSignals(admin)).erased, [signal.id], "purged");
    const after = await hub.signal(anna, signal.id);
    eq([after.personal, after.signal.personalErasedAt], [null, "2026-05-01T12:00:00Z"], "personal fields erased");
    ok(!JSON.stringify(await hub.journal(admin)).includes("schulden"), "the journal holds no personal fields");
  });

  await test("docs/web.md signals section runs as written", async () => {
    const lines = await runDocs(await docsProgram("Signals and referrals", 3), "signals docs");
    eq(lines, [
      "not_asked 2026-03-02 Karin",
      "validation consent",
      "money_debt requested",
      "conflict",
      "1 WIJ Lewenborg high",
      "closed",
      "10 2026-03 hidden",
      "1 WIJ Lewenborg",
      "WIJ Lewenborg money and debt, paperwork",
      '{"retentionMonths":6,"suppressionThreshold":10}',
    ], "printed lines");
  });

  // Research tables in the shop package: pseudonymous rows, batch by batch.
  await test("research tables: shifts, sales and signals as pseudonymous rows, batch by batch", async () => {
    const { hub, coat, pan } = await shop();
    const bea = await hub.registerVolunteer(anna, {
      displayName: "Bea Bakker", status: "active", contact: "bea@example.org", roles: ["cashier"],
    });
    for (const date of ["2026-02-23", "2026-02-24", "2026-02-26", "2026-03-02"]) {
      await hub.recordShift(anna, { volunteerId: bea.id, role: "cashier", date, start: "10:00", end: "12:00", note: "sleutel bij Bea" });
    }
    const sale = await hub.checkout(kees, { till: "kassa-1", payment: "card", lines: [line(coat, 1), line(pan, 2)] });
    const signal = await hub.recordSignal(anna, {
      domains: ["money_debt"], summary: "Zorgen over de huur", person: "Karin", contact: "06-12345678", consent: "given",
    });
    const wij = await hub.registerPartner(anna, { name: "WIJ Lewenborg", services: [{ name: "Schuldhulp", domains: ["money_debt"] }] });
    await hub.refer(anna, { signal: signal.signal.id, partner: wij.id, request: true });

    const table = await hub.researchTable(researcher, "shifts");
    eq(table.name, "shifts", "name");
    eq(table.columns.slice(0, 3), [
      { name: "shift_key", type: "string" }, { name: "volunteer_key", type: "string" }, { name: "date", type: "date32" },
    ], "columns");
    const first = await table.nextBatch(3);
    const rest = await table.nextBatch(3);
    eq([first.rows, rest.rows, await table.nextBatch(3)], [3, 1, undefined], "pages of 3");
    const keys = [...first.columns.shift_key, ...rest.columns.shift_key];
    eq(new Set(keys).size, 4, "each shift once");
    ok(keys.every((k) => /^[0-9a-f]{16}$/.test(k)), `keys: ${keys}`);
    const rows = (b) => b.columns.date.map((d, i) => [d, b.columns.minutes[i], b.columns.status[i], b.columns.shift_key[i]]);
    const byDate = [...rows(first), ...rows(rest)].sort();
    eq(byDate.map((r) => r.slice(0, 3)), [
      ["2026-02-23", 120, "worked"], ["2026-02-24", 120, "worked"], ["2026-02-26", 120, "worked"], ["2026-03-02", 120, "worked"],
    ], "dates, ints and codes");
    const period = await (await hub.researchTable(admin, "shifts", { from: "2026-02-24", to: "2026-02-26" })).readAll();
    eq(rows(period).sort(), byDate.slice(1, 3), "a period, the same keys");

    const volunteers = await (await hub.researchTable(researcher, "volunteers")).readAll();
    const beaKey = [...new Set([...first.columns.volunteer_key, ...rest.columns.volunteer_key])];
    eq(beaKey.length, 1, "one volunteer's shifts");
    ok(volunteers.columns.volunteer_key.includes(beaKey[0]), "shifts join volunteers");
    const lines = await (await hub.researchTable(researcher, "sale_lines")).readAll();
    eq([lines.rows, lines.columns.quantity, lines.columns.payment, lines.columns.refund], [2, [1, 2], ["card", "card"], [false, false]], "sale lines");
    const moves = await (await hub.researchTable(researcher, "stock_moves")).readAll();
    const sold = moves.columns.sale_key.filter((k) => k !== null);
    ok(sold.length === 2 && sold.every((k) => k === lines.columns.sale_key[0]), `moves join sale lines: ${sold}`);
    const signals = await (await hub.researchTable(researcher, "signals")).readAll();
    const referrals = await (await hub.researchTable(researcher, "referrals")).readAll();
    eq([signals.rows, signals.columns.consent, referrals.rows], [1, ["given"], 1], "a signal and its referral");
    eq(referrals.columns.signal_key, signals.columns.signal_key, "referrals join signals");
    const text = JSON.stringify([volunteers, first, rest, lines, moves, signals, referrals]);
    for (const secret of ["Bea", "bea@example.org", "sleutel", "Karin", "06-12345678", "huur", "WIJ", "Schuldhulp",
      "kassa-1", "winterjas", "anna", "kees", bea.id, sale.id, signal.signal.id, wij.id, coat.id]) {
      ok(!text.includes(secret), `no ${secret} in any value`);
    }
    await rejects(hub.researchTable(anna, "volunteers"), "forbidden");
    await rejects(hub.researchTable(researcher, "people"), "validation", "researchTable");
    await rejects(hub.researchTable(researcher, "shifts", { from: "2026-03-01", to: "2026-02-01" }), "validation", "period");
    await rejects(table.nextBatch(0), "validation", "maxRows");
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

  // The second package, built from the same crate with the feature `programme`.
  await test("programme package (pkg-programme): activities, sessions, attendance, reports", async () => {
    const programme = await import("../../pkg-programme/kringloop_wasm.js");
    await programme.default();
    const hub = await programme.Hub.open("memory:", "oude-bieb", { now: NOW });
    ok(hub.planShift === undefined && hub.checkout === undefined, "no shop operations");
    const bea = await hub.registerVolunteer(anna, { displayName: "Bea", status: "active" });
    const cafe = await hub.createActivity(anna, { name: "Breicafé", kind: "craft", leaders: [bea.id], capacity: 10 });
    await hub.setSchedule(anna, cafe.id, {
      recurrence: { freq: "weekly", every: 1, weekdays: ["monday"] },
      startsOn: "2026-02-02", span: { start: "10:00", end: "12:00" },
    });
    const feb = { from: "2026-02-01", to: "2026-02-28", activityId: cafe.id };
    eq(await hub.generateSessions(anna, feb), 4, "generated");
    eq(await hub.generateSessions(anna, feb), 0, "generated again");
    const sessions = await hub.sessions(anna, feb);
    await rejects(hub.recordAttendance(anna, sessions[0].id, { headcount: 11 }), "validation");
    await hub.recordAttendance(anna, sessions[0].id, { headcount: 8, firstTimers: 2 });
    await hub.cancelSession(anna, sessions[1].id, "holiday");
    await rejects(hub.recordAttendance(anna, sessions[1].id, { headcount: 3 }), "conflict");
    const idea = await hub.submitIdea(anna, { title: "Repaircafé", text: "Elke maand." });
    await rejects(hub.changeIdea(anna, idea.id, { status: "realised" }), "conflict");
    await hub.recordTally(anna, { date: "2026-02-10", visitors: 9, conversations: 4 });
    await rejects(hub.recordTally(anna, { date: "2026-02-10", visitors: 9, conversations: 4 }), "conflict");
    const report = await hub.activityReport(anna, { from: "2026-02-01", to: "2026-02-28" });
    const m = report.months[0];
    eq([m.held, m.cancelled, m.planned, m.attendance, m.firstTimers, m.averageAttendance, m.capacityUse],
      [1, 1, 2, 8, 2, 8, 0.8], "report month");
    eq(programme.labels("idea_status").map((l) => l.code), ["new", "discussed", "adopted", "realised", "declined"], "idea_status");

    // The hub report of the same month: exact for a coordinator, small counts of people
    // hidden (null) for a researcher, refused for a volunteer; HTML without script or URL.
    const feb2 = { from: "2026-02-01", to: "2026-02-28" };
    const figures = await hub.hubReport(anna, feb2);
    eq([figures.activities.sessionsHeld, figures.activities.sessionsCancelled, figures.activities.attendance,
      figures.activities.firstTimers, figures.table.visitors, figures.threshold], [1, 1, 8, 2, 9, null], "hub report");
    const published = await hub.hubReport(researcher, feb2);
    eq([published.threshold, published.activities.attendance, published.table.visitors, published.table.conversations],
      [10, null, null, 4], "hub report for researchers");
    await rejects(hub.hubReport(kees, feb2), "forbidden");
    ok((await hub.hubReportMarkdown(researcher, feb2)).startsWith("# Wijkrapportage oude-bieb"), "markdown");
    const page = await hub.hubReportHtml(anna, feb2, "en");
    ok(page.startsWith("<!DOCTYPE html>") && page.includes("<h1>Hub report oude-bieb</h1>"), "html");
    ok(!page.includes("http") && !page.includes("<script"), "html without URL or script");
    ok(!("researchTable" in programme.Hub.prototype), "no research tables in the programme package");
  });

  // The third package: the shop floor's calls plus persistence and import, without the office's
  // calls. Its restore rebuilds every change the shop package records, office changes included.
  await test("offline package (pkg-offline): no office calls; restores a hub whose journal holds office changes", async () => {
    const offline = await import("../../pkg-offline/kringloop_wasm.js");
    await offline.default();
    const office = [
      "updateVolunteer", "changeVolunteerStatus", "hoursByVolunteer", "hoursByRole", "milestones", "vogExpiring",
      "setPricingPolicy", "setImpactFactors", "impactFactors", "reuseImpact", "cashUps", "ageing",
      "updatePartner", "setPartnerStatus", "partnersHsds", "changeReferral", "setFollowUp", "referral",
      "referrals", "followUpsDue", "setSignalPolicy", "signalPolicy", "purgeSignals", "signalStatistics",
      "researchTable",
    ];
    const floor = [
      "registerVolunteer", "volunteer", "volunteers", "planShift", "recordShift", "completeShift", "cancelShift",
      "shifts", "setOpeningHours", "openingHours", "rosterGaps", "takeIn", "takeInBatch", "item", "moves",
      "recordMove", "pricingPolicy", "checkout", "refund", "sale", "cashUp", "stockOnHand", "inStock",
      "suggestPrice", "salesReport", "recordSignal", "signal", "signals", "signalViews", "updateSignal",
      "closeSignal", "registerPartner", "partner", "partners", "partnerSuggestions", "refer", "exportJournal",
      "journal", "snapshot", "importJournal", "syncConflicts",
    ];
    for (const m of office) {
      ok(typeof offline.Hub.prototype[m] === "undefined", `offline has no ${m}`);
      ok(typeof Hub.prototype[m] === "function", `shop has ${m}`);
    }
    for (const m of floor) ok(typeof offline.Hub.prototype[m] === "function", `offline has ${m}`);
    ok(typeof offline.Hub.restore === "function" && typeof Hub.restore === "undefined", "restore");

    // Office changes, made with the shop package, in the journal of a till.
    const { hub, items: [coat, pan] } = await shop();
    const bea = await hub.registerVolunteer(anna, { displayName: "Bea", status: "active", roles: ["cashier"] });
    await hub.changeVolunteerStatus(anna, bea.id, "paused", { reason: "vakantie" });
    await hub.setPricingPolicy(anna, { ...(await hub.pricingPolicy(anna)), roundingStep: 10 });
    await hub.setImpactFactors(anna, [(await hub.impactFactors(anna))[0]]);
    await hub.setSignalPolicy(anna, { retentionMonths: 6 });
    const wij = await hub.registerPartner(anna, { name: "WIJ", services: [{ name: "Schuldhulp", domains: ["money_debt"] }] });
    await hub.updatePartner(anna, wij.id, { name: "WIJ Lewenborg", services: [{ name: "Schuldhulp", domains: ["money_debt"] }] });
    const { signal } = await hub.recordSignal(anna, { domains: ["money_debt"], summary: "Huur", person: "Karin", consent: "given" });
    const r = await hub.refer(anna, { signal: signal.id, partner: wij.id, request: true });
    await hub.changeReferral(anna, r.id, { status: "accepted" });
    await hub.setFollowUp(anna, r.id, "2026-03-09");
    await hub.checkout(kees, { till: "kassa-1", lines: [line(coat, 1), line(pan, 2)], payment: "cash" });
    await hub.cashUp(kees, { till: "kassa-1", openingFloat: 5000, counted: 5000 });
    const old = await hub.recordSignal(anna, { domains: ["loneliness"], summary: "Alleen", person: "Joop" });
    await hub.closeSignal(anna, old.signal.id);
    const LATER = "2026-10-05T12:00:00Z"; // more than the 6 months of retention later
    hub.setNow(LATER);
    eq((await hub.purgeSignals(admin)).erased, [old.signal.id], "purged");
    const batch = await hub.exportJournal(admin, 0);
    ok(batch.entries.length >= 14, `entries: ${batch.entries.length}`);

    const again = await offline.Hub.restore(JSON.stringify(batch), { now: LATER });
    const rebuilt = await again.exportJournal(admin, 0);
    eq(rebuilt.entries.slice(0, batch.entries.length), batch.entries, "the same journal");
    eq(rebuilt.personal, batch.personal, "the same personal fields");
    eq((await again.volunteer(anna, bea.id)).status, "paused", "office status change");
    eq((await again.partner(anna, wij.id)).name, "WIJ Lewenborg", "office partner update");
    eq((await again.pricingPolicy(anna)).roundingStep, 10, "office pricing policy");
    eq(await again.signal(anna, signal.id), await hub.signal(anna, signal.id), "signal");
    eq(await again.signal(anna, old.signal.id), await hub.signal(anna, old.signal.id), "purged signal");
    eq(await again.item(admin, pan.id), await hub.item(admin, pan.id), "item");
    // The floor goes on from there, and a hub that cannot be rebuilt says so.
    const sale = await again.checkout(kees, { till: "kassa-1", lines: [line(pan, 1)], payment: "card" });
    eq(sale.lines.length, 1, "sells on");
    await rejects(offline.Hub.restore("{}"), "validation");
    const cut = { ...batch, entries: batch.entries.filter((e) => e.action !== "partner.registered") };
    const refused = await rejects(offline.Hub.restore(JSON.stringify(cut)), "validation", "snapshot");
    ok(refused.message.includes("partner.updated"), `message: ${refused.message}`);
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
