// The example shop page (examples/web/) in a real browser: Debian's Chromium
// driven by npm playwright-core (never a downloaded browser), through the
// page's own UI. Run by scripts/wasm-test.sh (step 6) after the packages are
// built; on its own:
//   node --test bindings-wasm/tests/page/page.test.mjs
// Env: CHROMIUM (default: `command -v chromium`), KRINGLOOP_PAGE_ARTIFACTS
// (where screenshots and downloads go; default a fresh temp folder),
// KRINGLOOP_IMPORT_CMD (optional: a command that imports a batch file given
// as its last argument into a SQLite hub and prints the import report as
// JSON; run twice to prove idempotence).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const executablePath =
  process.env.CHROMIUM || execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"]).toString().trim();
const artifacts = process.env.KRINGLOOP_PAGE_ARTIFACTS || mkdtempSync(join(tmpdir(), "kringloop-page-"));
const profile = mkdtempSync(join(tmpdir(), "kringloop-profile-"));

let server;
let context;
let page;
let base;
let downloaded; // the sync batch file
const outside = [];

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Opens (or reloads) the page and waits until it says it is ready; returns the timings. */
async function ready(action) {
  const started = Date.now();
  await action();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  const readyMs = await page.evaluate(() => window.kringloopPage.readyMs);
  return { readyMs, wallMs: Date.now() - started };
}

async function errorShown() {
  const p = page.locator("#errors p.error");
  await p.waitFor();
  return { code: await p.getAttribute("data-code"), field: await p.getAttribute("data-field"), text: await p.textContent() };
}

async function noError() {
  assert.equal(await page.locator("#errors p").count(), 0, `unexpected error: ${await page.locator("#errors").textContent()}`);
}

async function actAs(name) {
  const select = page.getByLabel(/^(Ik ben|I am)$/);
  const option = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(option);
  await page.waitForFunction((n) => window.kringloopPage.app.actor.name.startsWith(n), name);
}

/** Waits until the snapshot written after the last change is in IndexedDB. */
async function saved(atLeast) {
  await page.waitForFunction(
    (n) => {
      const el = document.getElementById("saved");
      return el.dataset.state === "saved" && Number(el.dataset.saves) >= n;
    },
    atLeast,
    { timeout: 10_000 },
  );
}

async function saves() {
  return Number(await page.locator("#saved").getAttribute("data-saves"));
}

function checkPng(path) {
  const bytes = readFileSync(path);
  assert.ok(statSync(path).size > 1000, `${path} is too small`);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${path} is not a PNG`);
}

before(async () => {
  const port = await freePort();
  server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], {
    stdio: "ignore",
  });
  base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/examples/web/index.html`);
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1024, height: 1366 }, // a tablet, portrait
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  // Only the page's own files: requests elsewhere are collected and fail the last test.
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) {
      outside.push(r.url());
    }
  });
});

after(async () => {
  await context?.close();
  server?.kill();
  rmSync(profile, { recursive: true, force: true });
  console.log(`page: screenshots and downloads in ${artifacts}`);
});

test("the page loads a seeded demo hub, in Dutch, and reports its load time", async () => {
  const t = await ready(() => page.goto(`${base}/examples/web/`));
  console.log(`page: navigation to ready ${t.readyMs} ms (performance.now at ready); goto to ready seen by the test ${t.wallMs} ms`);
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  assert.equal(await page.getAttribute("body", "data-restored"), "false");
  assert.equal(await page.evaluate(() => window.kringloopPage.packageName), "kringloop-offline");
  await page.getByRole("heading", { name: "Kassa" }).waitFor();
  // labels of code lists come from the package: the tag colour of a book taken in 5 weeks ago
  await page.locator("#stock tr", { hasText: "kinderboek" }).getByText(/geel/).waitFor();
  await noError();
  // every form control has a label
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((el) => el.type !== "hidden" && !(el.labels && el.labels.length > 0))
      .map((el) => el.id || el.name),
  );
  assert.deepEqual(unlabelled, []);
});

test("checkout through the till: basket, city pass, cash rounding, receipt", async () => {
  await page.getByRole("button", { name: "winterjas in het mandje" }).click();
  await page.getByRole("button", { name: "kopje in het mandje" }).click();
  await page.getByLabel("Stadjerspas (korting)").check();
  await page.getByLabel("contant").check();
  const before = await saves();
  await page.getByRole("button", { name: "Afrekenen" }).click();
  await page.locator("#receipt:not([hidden])").waitFor();
  await noError();
  // coat € 3,00 + cup € 1,50 = € 4,50; 25 % off (€ 1,13) = € 3,37; cash: € 3,35
  assert.equal(await page.locator("#receipt-total").getAttribute("data-cents"), "335");
  assert.match(await page.locator("#receipt").textContent(), /Korting Stadjerspas[\s\S]*Afronding[\s\S]*€ 3,35/);
  assert.match(await page.locator("#status").textContent(), /Verkocht: € 3,35 \(contant\)/);
  await page.locator("#sales-today tr", { hasText: "kleding" }).waitFor();
  // the last coat is gone from the shelf
  assert.equal(await page.locator("#stock tr", { hasText: "winterjas" }).count(), 0);
  await saved(before + 1);
  await page.locator("#till").screenshot({ path: join(artifacts, "till.png") });
  checkPng(join(artifacts, "till.png"));
});

test("a reload keeps the sale (IndexedDB, same browser profile)", async () => {
  const t = await ready(() => page.reload());
  console.log(`page: reload to ready ${t.readyMs} ms (restored from IndexedDB)`);
  assert.equal(await page.getAttribute("body", "data-restored"), "true");
  const clothing = page.locator("#sales-today tr", { hasText: "kleding" });
  await clothing.waitFor();
  assert.match(await clothing.textContent(), /1/);
  assert.equal(await page.locator("#stock tr", { hasText: "winterjas" }).count(), 0);
  assert.equal(await page.locator("#stock tr", { hasText: "kopje" }).locator("td").nth(3).textContent(), "3");
});

test("a failed IndexedDB write keeps the previous snapshot", async () => {
  const cups = () => page.locator("#stock tr", { hasText: "kopje" }).locator("td").nth(3).textContent();
  assert.equal(await cups(), "3");
  // the next write fails (as when the disk is full)
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("simulated: the disk is full", "QuotaExceededError");
    };
  });
  await page.getByRole("button", { name: "kopje in het mandje" }).click();
  await page.getByLabel("pin").check();
  await page.getByRole("button", { name: "Afrekenen" }).click();
  await page.waitForFunction(() => document.getElementById("saved").dataset.state === "failed");
  assert.equal(await cups(), "2", "the sale itself went through");
  assert.match(await page.locator("#errors").textContent(), /disk is full/);
  // a reload finds the last snapshot that was written: before that sale
  await ready(() => page.reload());
  assert.equal(await page.getAttribute("body", "data-restored"), "true");
  assert.equal(await cups(), "3");
});

test("forbidden and invalid actions show the library's error", async () => {
  // a volunteer may not complete shifts: the library's permission matrix
  await actAs("Bea");
  await page.getByRole("button", { name: /^Bea inchecken/ }).click();
  const forbidden = await errorShown();
  assert.equal(forbidden.code, "forbidden");
  assert.equal(await page.locator("#shifts tr[data-status='planned']").count(), 3, "nothing changed");
  // selling more than is on hand: the library's conflict, nothing sold
  await actAs("Anna");
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "steelpan in het mandje" }).click();
  await page.getByRole("button", { name: "Afrekenen" }).click();
  assert.equal((await errorShown()).code, "conflict");
  await page.getByRole("button", { name: "steelpan uit het mandje" }).click();
  // an intake of 0 grams: the library's validation, naming the field
  await page.getByLabel("Omschrijving").fill("lamp");
  await page.getByLabel("Gewicht per stuk (gram)").fill("0");
  await page.getByRole("button", { name: "Innemen" }).click();
  const invalid = await errorShown();
  assert.equal(invalid.code, "validation");
  assert.equal(invalid.field, "weightGrams");
  assert.equal(await page.locator("#stock tr", { hasText: "lamp" }).count(), 0);
  // checking in as the coordinator works
  await page.getByRole("button", { name: /^Bea inchecken/ }).click();
  await page.locator("#shifts tr[data-status='worked']").waitFor();
  await noError();
});

test("intake: suggested price and tag colour from the library, then taken in", async () => {
  await page.getByLabel("Categorie", { exact: true }).selectOption("books");
  await page.getByLabel("Staat").selectOption("a");
  const suggestion = page.locator("#intake-suggestion");
  await page.waitForFunction(() => document.getElementById("intake-suggestion").dataset.price !== "");
  const price = await suggestion.getAttribute("data-price");
  assert.equal(await suggestion.getAttribute("data-colour"), "white");
  assert.match(await suggestion.textContent(), /label wit/);
  await page.getByLabel("Omschrijving").fill("stripboek");
  await page.getByLabel("Gewicht per stuk (gram)").fill("250");
  await page.getByLabel("Aantal", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Innemen" }).click();
  const row = page.locator("#stock tr", { hasText: "stripboek" });
  await row.waitFor();
  await noError();
  assert.equal(await row.locator("td").nth(3).textContent(), "2");
  assert.equal(Number((await row.locator("td").nth(2).textContent()).replace(/[^0-9]/g, "")), Number(price));
});

test("a signal with consent is referred; without consent the library's consent error shows", async () => {
  await actAs("Bea");
  await page.locator("#domain-money_debt").check();
  await page.getByLabel("Urgentie").selectOption("high");
  await page.getByLabel("Voornaam of schuilnaam").fill("Karin");
  await page.getByLabel("Wat speelt er (kort)").fill("Zorgen over de huur");
  await page.getByLabel("Toestemming").selectOption("given");
  await page.getByLabel("Doorverwijzen naar").selectOption({ label: "WIJ Lewenborg" });
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await page.locator("#signal-result[data-referral-id]").waitFor();
  await noError();

  await page.locator("#domain-loneliness").check();
  await page.getByLabel("Wat speelt er (kort)").fill("Voelt zich alleen");
  await page.getByLabel("Toestemming").selectOption("not_asked");
  await page.getByLabel("Doorverwijzen naar").selectOption({ label: "WIJ Lewenborg" });
  await page.locator("#signal-form").screenshot({ path: join(artifacts, "signal.png") });
  checkPng(join(artifacts, "signal.png"));
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  const e = await errorShown();
  assert.equal(e.code, "validation");
  assert.equal(e.field, "consent");
  // the message is the library's: the page has no consent wording of its own
  const message = await page.evaluate(async () => {
    const { app } = window.kringloopPage;
    const [s] = (await app.hub.signals(app.actor, { openOnly: true })).slice(-1);
    try {
      await app.hub.refer(app.actor, { signal: s.id, partner: (await app.hub.partners(app.actor))[0].id });
      return null;
    } catch (err) {
      return err.message;
    }
  });
  assert.ok(message && e.text.includes(message), `${e.text} shows ${message}`);
  assert.equal(await page.locator("#signal-result[data-referral-id]").count(), 0);
  await actAs("Anna");
});

test("English switch: page text and the library's labels", async () => {
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.getByRole("heading", { name: "Till" }).waitFor();
  await page.locator("#sales-today tr", { hasText: "clothing" }).waitFor();
  assert.ok(await page.getByLabel("cash").isVisible());
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.getByRole("heading", { name: "Kassa" }).waitFor();
});

test("keyboard only: a sale with Tab, Space and Enter", async () => {
  const add = page.getByRole("button", { name: "kopje in het mandje" });
  await add.focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("pin").focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Afrekenen" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("receipt-total")?.dataset.cents === "150");
  await noError();
});

test("sync: the page downloads the journal batch", async (t) => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /^Sync/ }).click(),
  ]);
  downloaded = join(artifacts, download.suggestedFilename());
  await download.saveAs(downloaded);
  await noError();
  const batch = JSON.parse(readFileSync(downloaded, "utf8"));
  assert.equal(batch.hubSlug, "oude-bieb");
  assert.equal(batch.afterSeq, 0);
  assert.ok(batch.entries.length > 10);
  const actions = batch.entries.map((r) => r.action ?? r.entry?.action);
  assert.ok(actions.includes("sale.made"), actions.join(","));
  assert.ok(actions.includes("signal.recorded"));
  assert.ok(batch.personal.some((p) => p.fields.person === "Karin"), "personal fields travel apart");
  // the next download starts where this one ended
  await saved(1);
  const [second] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /^Sync/ }).click(),
  ]);
  const next = JSON.parse(readFileSync(await second.path(), "utf8"));
  assert.equal(next.afterSeq, batch.upToSeq);
  console.log(`page: sync batch ${batch.entries.length} entries, ${statSync(downloaded).size} bytes`);
});

test("the downloaded batch imported twice: applied once, then all seen", async (t) => {
  assert.ok(downloaded, "no batch downloaded");
  const cmd = process.env.KRINGLOOP_IMPORT_CMD;
  let reports;
  if (cmd) {
    const run = () => JSON.parse(execFileSync("sh", ["-c", `${cmd} "$0"`, downloaded]).toString());
    reports = [run(), run()];
    console.log(`page: imported into a SQLite hub with: ${cmd}`);
  } else {
    // No SQLite importer given: import into a second, empty browser hub.
    const text = readFileSync(downloaded, "utf8");
    reports = await page.evaluate(async (json) => {
      const { Hub } = window.kringloopPage;
      const other = await Hub.open("memory:", "stadhuis");
      const admin = { name: "beheer", role: "admin" };
      const batch = JSON.parse(json);
      return [await other.importJournal(admin, batch), await other.importJournal(admin, batch)];
    }, text);
    console.log("page: imported into a second browser hub (KRINGLOOP_IMPORT_CMD unset)");
  }
  const [first, again] = reports;
  console.log(`page: import 1: applied ${first.applied}, seen ${first.seen}, conflicts ${first.conflicts.length}; import 2: applied ${again.applied}, seen ${again.seen}, conflicts ${again.conflicts.length}`);
  assert.ok(first.applied > 0);
  assert.equal(again.applied, 0);
  assert.equal(again.conflicts.length, 0);
  assert.equal(again.seen, first.applied + first.seen + first.conflicts.length);
});

test("on the shop package (?package=shop) the page works without persistence", async () => {
  const t = await ready(() => page.goto(`${base}/examples/web/?package=shop`));
  console.log(`page: on the shop package, navigation to ready ${t.readyMs} ms`);
  assert.equal(await page.evaluate(() => window.kringloopPage.packageName), "kringloop");
  assert.equal(await page.getAttribute("body", "data-restored"), "false");
  assert.equal(await page.locator("#saved").getAttribute("data-state"), "unavailable");
  await page.getByRole("button", { name: "kopje in het mandje" }).click();
  await page.getByRole("button", { name: "Afrekenen" }).click();
  await page.waitForFunction(() => document.getElementById("receipt-total")?.dataset.cents === "150");
  await noError();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Sync/ }).click()]);
  assert.ok(JSON.parse(readFileSync(await download.path(), "utf8")).entries.length > 0);
  // the stored hub of the offline package was not overwritten
  const t2 = await ready(() => page.goto(`${base}/examples/web/`));
  assert.equal(await page.getAttribute("body", "data-restored"), "true");
  assert.ok(t2.readyMs >= 0);
});

test("no request left the page's own origin", () => {
  assert.deepEqual(outside, []);
});
