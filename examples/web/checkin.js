// Volunteer shift check-in: today's roster (hub.shifts), "check in" on a
// planned shift marks it worked as planned (hub.completeShift), and a small
// form records a worked shift that was not planned (hub.recordShift). Who
// may do this is the library's permission matrix (coordinators and admins):
// anyone else sees its `forbidden` error.
import { app, change, read, today } from "./app.js";
import { announce } from "./status.js";
import { codeList, fillSelect, label, t } from "./i18n.js";

const $ = (id) => document.getElementById(id);
let shifts = [];

export function setupCheckin() {
  $("record-form").addEventListener("submit", (event) => {
    event.preventDefault();
    record();
  });
  renderCheckin();
}

/** Reloads today's shifts and redraws. */
export async function refreshCheckin() {
  shifts = await read((hub, actor) => hub.shifts(actor, { from: today(), to: today() }), shifts);
  renderShifts();
}

/** Redraws in the current language (no hub calls). */
export function renderCheckin() {
  renderShifts();
  const select = $("record-volunteer");
  const chosen = select.value;
  select.replaceChildren();
  for (const v of app.volunteers.values()) select.append(new Option(v.displayName, v.id));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  fillSelect($("record-role"), "volunteer_role");
  if (codeList("volunteer_role").length > 0 && !$("record-role").dataset.touched) {
    $("record-role").value = "shop_floor";
    $("record-role").dataset.touched = "1";
  }
}

function nameOf(volunteerId) {
  return app.volunteers.get(volunteerId)?.displayName ?? volunteerId;
}

function renderShifts() {
  const body = $("shifts").querySelector("tbody");
  body.replaceChildren();
  if (shifts.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = 5;
    td.textContent = t("checkin.none");
    return;
  }
  for (const s of shifts) {
    const tr = body.insertRow();
    tr.dataset.shiftId = s.id;
    tr.dataset.status = s.status;
    tr.insertCell().textContent = nameOf(s.volunteerId);
    tr.insertCell().textContent = label("volunteer_role", s.role);
    tr.insertCell().textContent = `${s.start}–${s.end}`;
    tr.insertCell().textContent = label("shift_status", s.status);
    const cell = tr.insertCell();
    if (s.status === "planned") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary checkin";
      button.textContent = t("checkin.complete");
      button.setAttribute("aria-label", t("checkin.completeLabel", { name: nameOf(s.volunteerId), start: s.start, end: s.end }));
      button.addEventListener("click", () => complete(s));
      cell.append(button);
    }
  }
}

async function complete(shift) {
  const done = await change((hub, actor) => hub.completeShift(actor, shift.id));
  if (!done) return;
  (document.querySelector("#shifts button.checkin") ?? $("record-volunteer")).focus();
  announce(t("checkin.done", { name: nameOf(done.volunteerId), start: done.start, end: done.end }));
}

async function record() {
  const input = {
    volunteerId: $("record-volunteer").value,
    role: $("record-role").value,
    date: today(),
    start: $("record-start").value,
    end: $("record-end").value,
  };
  const shift = await change((hub, actor) => hub.recordShift(actor, input));
  if (!shift) return;
  announce(t("checkin.recorded", { name: nameOf(shift.volunteerId), start: shift.start, end: shift.end }));
}
