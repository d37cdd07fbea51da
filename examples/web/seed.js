// A demo hub for a first visit, so the page is usable at once: a
// coordinator (Anna), three volunteers with a shift each today, two
// partners, and some goods on the shelves (a few taken in weeks ago, so
// their tags are marked down). Everything goes through the library's calls.
import { today } from "./app.js";

/** The device's coordinator: sets up the demo and reads the volunteer list. */
export const COORDINATOR = { name: "Anna", role: "coordinator" };

function daysAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  const pad = (x) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function seed(hub) {
  const anna = COORDINATOR;
  const people = [
    { displayName: "Anna", roles: ["coordinator", "cashier", "shop_floor"] },
    { displayName: "Bea", roles: ["cashier", "shop_floor"] },
    { displayName: "Kees", roles: ["intake_sorting", "shop_floor"] },
    { displayName: "Fatima", roles: ["coffee_host", "shop_floor"] },
  ];
  const v = [];
  for (const p of people) {
    v.push(await hub.registerVolunteer(anna, { ...p, status: "active", startDate: daysAgo(200) }));
  }
  const date = today();
  await hub.planShift(anna, { volunteerId: v[1].id, role: "cashier", date, start: "09:30", end: "13:00" });
  await hub.planShift(anna, { volunteerId: v[2].id, role: "intake_sorting", date, start: "13:00", end: "17:00" });
  await hub.planShift(anna, { volunteerId: v[3].id, role: "coffee_host", date, start: "10:00", end: "12:30" });
  await hub.registerPartner(anna, {
    name: "WIJ Lewenborg",
    email: "lewenborg@wij.example",
    services: [
      { name: "Sociaal team", domains: ["loneliness", "housing", "family_parenting", "mental_health", "work_daytime"] },
      { name: "Schuldhulp", domains: ["money_debt", "paperwork"] },
    ],
  });
  await hub.registerPartner(anna, {
    name: "Voedselbank Groningen",
    services: [{ name: "Voedselpakket", domains: ["food"] }],
  });
  await hub.takeInBatch({ name: "Kees", role: "volunteer", volunteerId: v[2].id }, [
    { category: "clothing", description: "winterjas", condition: "b", weightGrams: 1200, donor: "household" },
    { category: "books", description: "kinderboek", condition: "b", quantity: 3, weightGrams: 300, intakeDate: daysAgo(36) },
    { category: "crockery", description: "kopje", condition: "b", quantity: 4, weightGrams: 200 },
    { category: "household", description: "steelpan", condition: "b", weightGrams: 800 },
    { category: "toys", description: "houten puzzel", condition: "a", weightGrams: 400, intakeDate: daysAgo(60) },
    { category: "electronics", description: "broodrooster", condition: "b", weightGrams: 1500, donor: "clearance" },
    { category: "furniture", description: "krukje", condition: "c", weightGrams: 3000, intakeDate: daysAgo(90) },
  ]);
}
