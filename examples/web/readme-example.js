// kringloop in the browser: a hub in memory, a volunteer, a shift, the gaps left.
import init, { Hub } from "../../bindings-wasm/pkg/kringloop_wasm.js";

await init();
const hub = await Hub.open("memory:", "oude-bieb", { now: "2026-03-02T12:00:00Z" });
const anna = { name: "anna", role: "coordinator" };

await hub.setOpeningHours(anna, [
  { weekday: "monday", start: "10:00", end: "17:00", staffing: { cashier: 1 } },
]);
const bea = await hub.registerVolunteer(anna, { displayName: "Bea", status: "active", roles: ["cashier"] });
await hub.planShift(anna, { volunteerId: bea.id, role: "cashier", date: "2026-03-02", start: "10:00", end: "13:00" });

for (const gap of await hub.rosterGaps(anna, { from: "2026-03-02", to: "2026-03-02" })) {
  console.log(`gap on ${gap.date} ${gap.start}–${gap.end}: ${gap.role} ${gap.planned}/${gap.required}`);
}

try {
  await hub.registerVolunteer(anna, { displayName: "  " });
} catch (e) {
  console.log(`refused: ${e.code} (${e.field}): ${e.message}`); // refused: validation (displayName): …
}
