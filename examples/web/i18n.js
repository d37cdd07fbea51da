// The page's own words in Dutch (default) and English, the labels of code
// lists (from the package's `labels`: never a copy here), and amounts of
// money written from whole cents with integer arithmetic.
import { labels } from "./kringloop.js";

const TEXT = {
  nl: {
    title: "De Oude Bieb — kringloop",
    skip: "Naar de inhoud",
    actingAs: "Ik ben",
    switchLang: "English",
    footer: "Alles draait in deze browser (WebAssembly); gegevens blijven op dit apparaat tot je ze synchroniseert.",
    loading: "Laden…",
    package: "Pakket",
    ready: "Klaar. Demo-kringloop {slug}.",
    restored: "Hersteld uit deze browser (opgeslagen stand).",
    seeded: "Nieuwe demo-kringloop aangemaakt.",
    researcher: "Onderzoeker",
    roleCoordinator: "coördinator",
    roleVolunteer: "vrijwilliger",
    roleResearcher: "onderzoeker",
    "saved.saved": "Opgeslagen in deze browser ({n}×)",
    "saved.pending": "Opslaan…",
    "saved.failed": "Opslaan mislukt; de vorige stand blijft bewaard",
    "saved.unavailable": "Niet opgeslagen: deze versie van het pakket kan niet bewaren",
    "saved.idle": "",
    "till.title": "Kassa",
    "till.stock": "In voorraad",
    "till.item": "Artikel",
    "till.tag": "Label",
    "till.price": "Prijs",
    "till.onHand": "Aantal",
    "till.action": "Actie",
    "till.add": "In mandje",
    "till.addLabel": "{item} in het mandje",
    "till.noStock": "Niets in voorraad.",
    "till.basket": "Mandje",
    "till.emptyBasket": "Het mandje is leeg.",
    "till.remove": "Weg",
    "till.removeLabel": "{item} uit het mandje",
    "till.basketSum": "{n} stuks, samen {amount} volgens de labels; korting en afronding rekent de kassa.",
    "till.payment": "Betaalwijze",
    "till.cityPass": "Stadjerspas (korting)",
    "till.checkout": "Afrekenen",
    "till.receipt": "Bon",
    "till.subtotal": "Subtotaal",
    "till.discount": "Korting Stadjerspas",
    "till.rounding": "Afronding",
    "till.total": "Totaal",
    "till.paidBy": "Betaald met",
    "till.sold": "Verkocht: {amount} ({payment}).",
    "till.today": "Verkocht vandaag",
    "till.category": "Categorie",
    "till.units": "Stuks",
    "till.revenue": "Omzet",
    "till.noSales": "Nog niets verkocht vandaag.",
    "till.manual": "handmatig",
    "intake.title": "Inname",
    "intake.category": "Categorie",
    "intake.description": "Omschrijving",
    "intake.condition": "Staat",
    "intake.weight": "Gewicht per stuk (gram)",
    "intake.quantity": "Aantal",
    "intake.donor": "Schenker",
    "intake.noDonor": "(onbekend)",
    "intake.suggested": "Richtprijs",
    "intake.suggestion": "{amount}, label {colour}",
    "intake.submit": "Innemen",
    "intake.done": "Ingenomen: {n}× {description}, {amount} ({colour}).",
    "signal.title": "Signaal",
    "signal.domains": "Leefgebieden",
    "signal.urgency": "Urgentie",
    "signal.person": "Voornaam of schuilnaam",
    "signal.summary": "Wat speelt er (kort)",
    "signal.consent": "Toestemming",
    "signal.partner": "Doorverwijzen naar",
    "signal.noPartner": "(niet doorverwijzen)",
    "signal.submit": "Signaal vastleggen",
    "signal.recorded": "Signaal vastgelegd ({domains}; {urgency}).",
    "signal.referred": "Doorverwezen naar {partner} ({status}).",
    "signal.notReferred": "Niet doorverwezen: {message}",
    "checkin.title": "Diensten vandaag",
    "checkin.volunteer": "Vrijwilliger",
    "checkin.role": "Taak",
    "checkin.time": "Tijd",
    "checkin.status": "Status",
    "checkin.complete": "Inchecken",
    "checkin.completeLabel": "{name} inchecken ({start}–{end})",
    "checkin.none": "Geen diensten vandaag.",
    "checkin.done": "{name} ingecheckt: dienst {start}–{end} gewerkt.",
    "checkin.record": "Gewerkte dienst vastleggen",
    "checkin.start": "Van",
    "checkin.end": "Tot",
    "checkin.recordSubmit": "Vastleggen",
    "checkin.recorded": "Dienst van {name} vastgelegd ({start}–{end}).",
    "sync.button": "Sync: journaal downloaden",
    "sync.all": "vanaf het begin",
    "sync.done": "Journaal gedownload: {n} wijzigingen ({file}).",
    "sync.empty": "Niets nieuws sinds de vorige sync; leeg bestand gedownload ({file}).",
    "sync.unavailable": "Synchroniseren kan nog niet: deze versie van het pakket heeft geen journaal-export.",
    "error.generic": "fout",
    "error.field": "veld",
  },
  en: {
    title: "De Oude Bieb — second-hand shop",
    skip: "Skip to content",
    actingAs: "I am",
    switchLang: "Nederlands",
    footer: "Everything runs in this browser (WebAssembly); data stays on this device until you sync it.",
    loading: "Loading…",
    package: "Package",
    ready: "Ready. Demo hub {slug}.",
    restored: "Restored from this browser (saved state).",
    seeded: "New demo hub created.",
    researcher: "Researcher",
    roleCoordinator: "coordinator",
    roleVolunteer: "volunteer",
    roleResearcher: "researcher",
    "saved.saved": "Saved in this browser ({n}×)",
    "saved.pending": "Saving…",
    "saved.failed": "Saving failed; the previous state is kept",
    "saved.unavailable": "Not saved: this version of the package cannot persist",
    "saved.idle": "",
    "till.title": "Till",
    "till.stock": "In stock",
    "till.item": "Item",
    "till.tag": "Tag",
    "till.price": "Price",
    "till.onHand": "On hand",
    "till.action": "Action",
    "till.add": "Add",
    "till.addLabel": "Add {item} to the basket",
    "till.noStock": "Nothing in stock.",
    "till.basket": "Basket",
    "till.emptyBasket": "The basket is empty.",
    "till.remove": "Remove",
    "till.removeLabel": "Remove {item} from the basket",
    "till.basketSum": "{n} units, {amount} by their tags; the till works out discount and rounding.",
    "till.payment": "Payment",
    "till.cityPass": "City pass (discount)",
    "till.checkout": "Check out",
    "till.receipt": "Receipt",
    "till.subtotal": "Subtotal",
    "till.discount": "City-pass discount",
    "till.rounding": "Rounding",
    "till.total": "Total",
    "till.paidBy": "Paid by",
    "till.sold": "Sold: {amount} ({payment}).",
    "till.today": "Sold today",
    "till.category": "Category",
    "till.units": "Units",
    "till.revenue": "Revenue",
    "till.noSales": "Nothing sold yet today.",
    "till.manual": "manual",
    "intake.title": "Intake",
    "intake.category": "Category",
    "intake.description": "Description",
    "intake.condition": "Condition",
    "intake.weight": "Weight per unit (grams)",
    "intake.quantity": "Quantity",
    "intake.donor": "Donor",
    "intake.noDonor": "(unknown)",
    "intake.suggested": "Suggested price",
    "intake.suggestion": "{amount}, {colour} tag",
    "intake.submit": "Take in",
    "intake.done": "Taken in: {n}× {description}, {amount} ({colour}).",
    "signal.title": "Signal",
    "signal.domains": "Life domains",
    "signal.urgency": "Urgency",
    "signal.person": "First name or pseudonym",
    "signal.summary": "What is going on (briefly)",
    "signal.consent": "Consent",
    "signal.partner": "Refer to",
    "signal.noPartner": "(do not refer)",
    "signal.submit": "Record signal",
    "signal.recorded": "Signal recorded ({domains}; {urgency}).",
    "signal.referred": "Referred to {partner} ({status}).",
    "signal.notReferred": "Not referred: {message}",
    "checkin.title": "Today's shifts",
    "checkin.volunteer": "Volunteer",
    "checkin.role": "Task",
    "checkin.time": "Time",
    "checkin.status": "Status",
    "checkin.complete": "Check in",
    "checkin.completeLabel": "Check in {name} ({start}–{end})",
    "checkin.none": "No shifts today.",
    "checkin.done": "{name} checked in: shift {start}–{end} worked.",
    "checkin.record": "Record a worked shift",
    "checkin.start": "From",
    "checkin.end": "To",
    "checkin.recordSubmit": "Record",
    "checkin.recorded": "Shift of {name} recorded ({start}–{end}).",
    "sync.button": "Sync: download journal",
    "sync.all": "from the beginning",
    "sync.done": "Journal downloaded: {n} changes ({file}).",
    "sync.empty": "Nothing new since the last sync; empty file downloaded ({file}).",
    "sync.unavailable": "Sync is not available: this version of the package has no journal export.",
    "error.generic": "error",
    "error.field": "field",
  },
};

const STORAGE_KEY = "kringloop.lang";
let lang = readLang();
const labelCache = new Map();
const listeners = [];

function readLang() {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

/** The current language, `"nl"` or `"en"`. */
export function currentLang() {
  return lang;
}

/** Switches the language, updates the static text and tells the listeners. */
export function setLang(next) {
  lang = next === "en" ? "en" : "nl";
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyStatic();
  for (const fn of listeners) fn(lang);
}

/** Calls `fn(lang)` after every language switch. */
export function onLangChange(fn) {
  listeners.push(fn);
}

/** A page text, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = TEXT[lang][key] ?? TEXT.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Every element with `data-i18n` gets its text; `<html lang>` follows. */
export function applyStatic(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("title");
  const button = document.getElementById("lang");
  if (button) {
    button.textContent = t("switchLang");
    button.lang = lang === "nl" ? "en" : "nl";
  }
}

/** The entries of a code list from the package: `[{ code, nl, en }]`. */
export function codeList(vocabulary) {
  if (!labelCache.has(vocabulary)) labelCache.set(vocabulary, labels(vocabulary));
  return labelCache.get(vocabulary);
}

/** The label of one code in the current language (the code itself if unknown). */
export function label(vocabulary, code) {
  if (code === null || code === undefined) return "";
  const entry = codeList(vocabulary).find((e) => e.code === code);
  return entry ? entry[lang] : String(code);
}

/** Fills a `<select>` with a code list, keeping the chosen value. */
export function fillSelect(select, vocabulary, { empty } = {}) {
  const chosen = select.value;
  select.replaceChildren();
  if (empty !== undefined) select.append(new Option(empty, ""));
  for (const entry of codeList(vocabulary)) select.append(new Option(entry[lang], entry.code));
  if (chosen !== "" && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

/** Whole euro cents as text, `€ 4,85` (nl) or `€4.85` (en), without floats. */
export function money(cents) {
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, "0");
  if (lang === "en") return `${sign}€${euros.toLocaleString("en-GB")}.${rest}`;
  return `${sign}€ ${euros.toLocaleString("nl-NL")},${rest}`;
}
