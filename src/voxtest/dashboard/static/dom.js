// Building the page from data: text always goes in as text, never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function table(columns, rows, rowAttrs = () => ({})) {
  return h("table", {},
    h("thead", {}, h("tr", {}, columns.map(([title]) => h("th", {}, title)))),
    h("tbody", {}, rows.map((row) =>
      h("tr", rowAttrs(row), columns.map(([, cell]) => h("td", {}, cell(row)))))));
}

const STATUS_KIND = {
  completed: "ok", success: "ok", failed: "bad", failure: "bad", timeout: "bad",
  cancelled: "warn", running: "warn", evaluating: "warn", in_queue: "", pending: "",
};

export function badge(text, kind = STATUS_KIND[text] ?? "") {
  return h("span", { class: `badge ${kind}`.trim(), "data-status": text }, text ?? "—");
}

export function verdict(success) {
  if (success === true) return badge("passed", "ok");
  if (success === false) return badge("failed", "bad");
  return badge("—");
}

export function percent(rate) {
  return typeof rate === "number" ? `${Math.round(rate * 10) / 10}%` : "—";
}

export function clock(seconds) {
  if (typeof seconds !== "number") return "";
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

export function link(href, text) {
  return h("a", { href }, text);
}

export function stat(label, value) {
  return h("div", { class: "stat" }, h("b", {}, value), h("span", {}, label));
}
