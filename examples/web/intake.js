// The intake form: category, condition, weight (and description, quantity,
// donor) → the suggested price and tag colour from the hub's pricing policy
// (hub.suggestPrice), then hub.takeIn. Every check (weight, quantity,
// description) is the library's; a refusal names the field.
import { change, read } from "./app.js";
import { announce } from "./status.js";
import { fillSelect, label, money, t } from "./i18n.js";

const $ = (id) => document.getElementById(id);

export function setupIntake() {
  renderIntake();
  $("intake-category").addEventListener("change", suggest);
  $("intake-condition").addEventListener("change", suggest);
  $("intake-form").addEventListener("submit", (event) => {
    event.preventDefault();
    takeIn();
  });
}

/** Fills the pick lists in the current language and renews the suggestion. */
export function renderIntake() {
  fillSelect($("intake-category"), "category");
  fillSelect($("intake-condition"), "condition");
  if (!$("intake-condition").dataset.touched) {
    $("intake-condition").value = "b";
    $("intake-condition").dataset.touched = "1";
  }
  fillSelect($("intake-donor"), "donor_kind", { empty: t("intake.noDonor") });
}

function tagText(tag) {
  const colour = tag.colour ? label("tag_colour", tag.colour) : t("till.manual");
  return t("intake.suggestion", { amount: money(tag.price), colour });
}

/** Asks the library what this lot would cost today. */
export async function suggest() {
  const query = { category: $("intake-category").value, condition: $("intake-condition").value };
  const out = $("intake-suggestion");
  const tag = await read((hub, actor) => hub.suggestPrice(actor, query), null);
  out.textContent = tag ? tagText(tag) : "";
  out.dataset.price = tag ? String(tag.price) : "";
  out.dataset.colour = tag?.colour ?? "";
}

/** A number field as a number; anything else goes to the library as is (which refuses it). */
function numberOrText(value) {
  const trimmed = value.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

async function takeIn() {
  const donor = $("intake-donor").value;
  const input = {
    category: $("intake-category").value,
    description: $("intake-description").value,
    condition: $("intake-condition").value,
    weightGrams: numberOrText($("intake-weight").value),
    quantity: numberOrText($("intake-quantity").value),
    donor: donor === "" ? null : donor,
  };
  const item = await change((hub, actor) => hub.takeIn(actor, input));
  if (!item) return;
  const view = await read((hub, actor) => hub.item(actor, item.id), null);
  announce(
    t("intake.done", {
      n: item.quantity,
      description: item.description,
      amount: view ? money(view.tag.price) : "",
      colour: view && view.tag.colour ? label("tag_colour", view.tag.colour) : "",
    }),
  );
  $("intake-description").value = "";
  $("intake-quantity").value = "1";
  $("intake-description").focus();
}
