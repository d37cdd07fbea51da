// The signal form: domains, urgency, the person (first name or pseudonym),
// a short summary, consent, and optionally a partner to refer to. It records
// the signal (hub.recordSignal) and, if a partner is chosen, refers it
// (hub.refer). Whether a referral needs consent is the library's rule: the
// page only shows the rejection's code, field and message.
import { app, change, notify, read } from "./app.js";
import { announce, clearErrors, showError } from "./status.js";
import { codeList, fillSelect, label, t } from "./i18n.js";

const $ = (id) => document.getElementById(id);
let partners = [];

export function setupSignal() {
  renderSignal();
  $("signal-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
}

/** Reloads the partners directory (for the referral pick list). */
export async function refreshPartners() {
  partners = await read((hub, actor) => hub.partners(actor), partners);
  renderPartners();
}

/** Redraws the form's pick lists in the current language, keeping choices. */
export function renderSignal() {
  const box = $("signal-domains");
  const chosen = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
  box.replaceChildren();
  for (const entry of codeList("signal_domain")) {
    const id = `domain-${entry.code}`;
    const wrap = document.createElement("div");
    wrap.className = "choice";
    const input = document.createElement("input");
    Object.assign(input, { type: "checkbox", id, value: entry.code, name: "domains" });
    input.checked = chosen.has(entry.code);
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label("signal_domain", entry.code);
    wrap.append(input, lab);
    box.append(wrap);
  }
  fillSelect($("signal-urgency"), "urgency");
  fillSelect($("signal-consent"), "consent");
  if (!$("signal-consent").dataset.touched) {
    $("signal-consent").value = "not_asked";
    $("signal-consent").dataset.touched = "1";
  }
  renderPartners();
}

function renderPartners() {
  const select = $("signal-partner");
  const chosen = select.value;
  select.replaceChildren(new Option(t("signal.noPartner"), ""));
  for (const p of partners) select.append(new Option(p.name, p.id));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

function optional(value) {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

async function submit() {
  const input = {
    domains: [...$("signal-domains").querySelectorAll("input:checked")].map((i) => i.value),
    urgency: $("signal-urgency").value,
    summary: $("signal-summary").value,
    person: optional($("signal-person").value),
    consent: $("signal-consent").value,
  };
  const partnerId = $("signal-partner").value;
  const result = $("signal-result");
  const view = await change((hub, actor) => hub.recordSignal(actor, input));
  if (!view) {
    result.replaceChildren();
    return;
  }
  const { signal } = view;
  const lines = [
    t("signal.recorded", {
      domains: signal.domains.map((d) => label("signal_domain", d)).join(", "),
      urgency: label("urgency", signal.urgency),
    }),
  ];
  result.dataset.signalId = signal.id;
  delete result.dataset.referralId;
  if (partnerId !== "") {
    clearErrors();
    try {
      const referral = await app.hub.refer(app.actor, { signal: signal.id, partner: partnerId, request: true });
      await notify();
      result.dataset.referralId = referral.id;
      const partner = partners.find((p) => p.id === partnerId);
      lines.push(t("signal.referred", { partner: partner ? partner.name : partnerId, status: label("referral_status", referral.status) }));
    } catch (error) {
      // The signal stands; the referral was refused by the library.
      showError(error);
      lines.push(t("signal.notReferred", { message: error.message }));
    }
  }
  result.replaceChildren(...lines.map((text) => Object.assign(document.createElement("p"), { textContent: text })));
  if (partnerId === "" || result.dataset.referralId) announce(lines.join(" "));
  $("signal-form").reset();
  $("signal-consent").value = "not_asked";
  renderSignal();
}
