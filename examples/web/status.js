// The two live regions: #errors (role="alert") shows the library's refusals
// as they come (`code`, `field`, `message` of the rejected promise: the page
// never words a rule itself), #status (role="status") confirms what worked.
import { t } from "./i18n.js";

const errors = () => document.getElementById("errors");
const status = () => document.getElementById("status");

/** Shows a rejection: a `KringloopError` with its code (and field), or any other error. */
export function showError(error) {
  const p = document.createElement("p");
  const code = error && typeof error.code === "string" ? error.code : t("error.generic");
  p.className = "error";
  p.dataset.code = code;
  if (error && error.field) p.dataset.field = error.field;
  const strong = document.createElement("strong");
  strong.textContent = code;
  p.append(strong);
  const field = error && error.field ? ` (${t("error.field")} ${error.field})` : "";
  const message = error && error.message ? error.message : String(error);
  p.append(`${field}: ${message}`);
  errors().replaceChildren(p);
  status().replaceChildren();
}

/** Clears the error region (before a new attempt). */
export function clearErrors() {
  errors().replaceChildren();
}

/** Confirms something in the polite live region. */
export function announce(text) {
  const p = document.createElement("p");
  p.textContent = text;
  status().replaceChildren(p);
}
