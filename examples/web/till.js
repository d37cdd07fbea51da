// The till: the items in stock (hub.inStock, with today's price tags), a
// basket, payment method and city pass, checkout (hub.checkout: the
// discount and the Dutch cash rounding are the library's), the receipt, and
// what was sold today (hub.salesReport).
import { change, read, today } from "./app.js";
import { announce } from "./status.js";
import { codeList, currentLang, label, money, t } from "./i18n.js";

const TILL = "kassa-1";
/** itemId → { item (ItemView), quantity } */
const basket = new Map();
let stock = [];
let lastSale = null;

const $ = (id) => document.getElementById(id);

export function setupTill() {
  $("checkout-form").addEventListener("submit", (event) => {
    event.preventDefault();
    checkout();
  });
  renderPayment();
}

function renderPayment() {
  const box = $("payment");
  const chosen = box.querySelector("input:checked")?.value ?? "cash";
  box.replaceChildren();
  for (const entry of codeList("payment_method")) {
    const id = `payment-${entry.code}`;
    const wrap = document.createElement("div");
    wrap.className = "choice";
    const input = document.createElement("input");
    Object.assign(input, { type: "radio", name: "payment", id, value: entry.code });
    input.checked = entry.code === chosen;
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label("payment_method", entry.code);
    wrap.append(input, lab);
    box.append(wrap);
  }
}

/** Reloads the stock list and today's sales, then redraws. */
export async function refreshTill() {
  stock = await read((hub, actor) => hub.inStock(actor), stock);
  renderStock();
  renderBasket();
  await refreshToday();
}

/** Redraws everything in the current language (no hub calls). */
export function renderTill() {
  renderPayment();
  renderStock();
  renderBasket();
  renderReceipt();
  refreshToday();
}

async function refreshToday() {
  const rows = await read(
    (hub, actor) => hub.salesReport(actor, { from: today(), to: today(), bucket: "day" }),
    null,
  );
  if (rows) renderToday(rows);
}

function tagCell(tag) {
  const span = document.createElement("span");
  span.className = "tag";
  span.dataset.colour = tag.colour ?? "manual";
  span.textContent = tag.colour ? label("tag_colour", tag.colour) : t("till.manual");
  if (tag.percentOff > 0) span.textContent += ` −${tag.percentOff}%`;
  return span;
}

function itemName(item) {
  return `${item.description} (${label("category", item.category)}, ${label("condition", item.condition)})`;
}

function renderStock() {
  const body = $("stock").querySelector("tbody");
  body.replaceChildren();
  if (stock.length === 0) {
    const tr = body.insertRow();
    const td = tr.insertCell();
    td.colSpan = 5;
    td.textContent = t("till.noStock");
    return;
  }
  for (const item of stock) {
    const tr = body.insertRow();
    tr.dataset.itemId = item.id;
    tr.insertCell().textContent = itemName(item);
    tr.insertCell().append(tagCell(item.tag));
    const price = tr.insertCell();
    price.className = "num";
    price.textContent = money(item.tag.price);
    const onHand = tr.insertCell();
    onHand.className = "num";
    onHand.textContent = String(item.onHand);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary add";
    button.textContent = t("till.add");
    button.setAttribute("aria-label", t("till.addLabel", { item: item.description }));
    button.addEventListener("click", () => add(item));
    tr.insertCell().append(button);
  }
}

function add(item) {
  // No stock check here: selling more than is on hand is the library's
  // conflict, shown when the basket is checked out.
  const line = basket.get(item.id) ?? { item, quantity: 0 };
  line.quantity += 1;
  basket.set(item.id, line);
  renderBasket();
  announce(`${item.description}: ${line.quantity}`);
}

function renderBasket() {
  const list = $("basket");
  list.replaceChildren();
  let units = 0;
  let amount = 0;
  for (const [id, line] of basket) {
    // keep the line's item in step with the latest stock list (new tags)
    const fresh = stock.find((s) => s.id === id);
    if (fresh) line.item = fresh;
    units += line.quantity;
    amount += line.quantity * line.item.tag.price;
    const li = document.createElement("li");
    li.dataset.itemId = id;
    const text = document.createElement("span");
    text.textContent = `${line.quantity} × ${line.item.description} à ${money(line.item.tag.price)}`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = t("till.remove");
    button.setAttribute("aria-label", t("till.removeLabel", { item: line.item.description }));
    button.addEventListener("click", () => {
      basket.delete(id);
      renderBasket();
      $("checkout").focus();
    });
    li.append(text, button);
    list.append(li);
  }
  $("basket-sum").textContent =
    basket.size === 0 ? t("till.emptyBasket") : t("till.basketSum", { n: units, amount: money(amount) });
  $("checkout").disabled = basket.size === 0;
}

async function checkout() {
  const payment = $("payment").querySelector("input:checked")?.value ?? "cash";
  const lines = [...basket.values()].map((l) => ({ itemId: l.item.id, quantity: l.quantity }));
  const names = new Map([...basket.values()].map((l) => [l.item.id, l.item.description]));
  const sale = await change((hub, actor) =>
    hub.checkout(actor, { till: TILL, payment, cityPass: $("city-pass").checked, lines }),
  );
  if (!sale) return;
  lastSale = { sale, names };
  basket.clear();
  $("city-pass").checked = false;
  renderBasket();
  renderReceipt();
  $("receipt").focus();
  announce(t("till.sold", { amount: money(sale.total), payment: label("payment_method", sale.payment) }));
}

function renderReceipt() {
  const box = $("receipt");
  if (!lastSale) {
    box.hidden = true;
    return;
  }
  const { sale, names } = lastSale;
  box.hidden = false;
  box.dataset.saleId = sale.id;
  const table = document.createElement("table");
  const row = (text, amount, cls) => {
    const tr = table.insertRow();
    if (cls) tr.className = cls;
    tr.insertCell().textContent = text;
    const td = tr.insertCell();
    td.className = "num";
    td.textContent = money(amount);
    return tr;
  };
  for (const line of sale.lines) {
    row(`${line.quantity} × ${names.get(line.itemId) ?? label("category", line.category)}`, line.lineTotal);
  }
  row(t("till.subtotal"), sale.subtotal, "subtotal");
  if (sale.discount !== 0) row(t("till.discount"), -sale.discount, "discount");
  if (sale.rounding !== 0) row(t("till.rounding"), sale.rounding, "rounding");
  const total = row(t("till.total"), sale.total, "total");
  total.id = "receipt-total";
  total.dataset.cents = String(sale.total);
  const paid = document.createElement("p");
  const when = new Date(sale.at).toLocaleTimeString(currentLang() === "en" ? "en-GB" : "nl-NL", {
    hour: "2-digit",
    minute: "2-digit",
  });
  paid.textContent = `${t("till.paidBy")}: ${label("payment_method", sale.payment)} · ${sale.date} ${when} · ${sale.till}`;
  $("receipt-body").replaceChildren(table, paid);
}

function renderToday(rows) {
  const body = $("sales-today").querySelector("tbody");
  body.replaceChildren();
  const today = rows.filter((r) => r.units !== 0 || r.revenue !== 0);
  if (today.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = 3;
    td.textContent = t("till.noSales");
    return;
  }
  for (const r of today) {
    const tr = body.insertRow();
    tr.dataset.category = r.category;
    tr.insertCell().textContent = label("category", r.category);
    const units = tr.insertCell();
    units.className = "num";
    units.textContent = String(r.units);
    const revenue = tr.insertCell();
    revenue.className = "num";
    revenue.textContent = money(r.revenue);
  }
}
