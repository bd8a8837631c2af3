// The dashboard shell: sign-in with an API key, API access, and the hash router.

import { h } from "./dom.js";
import { KEY, SignedOut } from "./api.js";
import { VIEWS } from "./views.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");

function signIn(message) {
  nav.hidden = true;
  const input = h("input", { type: "password", id: "api-key", autocomplete: "off",
    placeholder: "X-CEKURA-API-KEY", required: true, "aria-label": "API key" });
  const form = h("form", { class: "sign-in", id: "sign-in", onsubmit: (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    if (!location.hash || location.hash === "#/") location.hash = "#/results";
    render();
  } },
  h("h1", {}, "Sign in"),
  h("p", { class: "muted" }, "Paste an API key (`voxtest keys create` prints one)."),
  message ? h("p", { class: "error", id: "sign-in-error" }, message) : null,
  input,
  h("button", { type: "submit" }, "Sign in"));
  main.replaceChildren(form);
  input.focus();
}

let generation = 0;

async function render() {
  const mine = ++generation;
  const [, name = "results", id] = (location.hash || "#/results").split("/");
  const view = VIEWS[name];
  if (!sessionStorage.getItem(KEY)) return signIn();
  nav.hidden = false;
  if (!view) {
    main.replaceChildren(h("p", { class: "error" }, "No such page."));
    return;
  }
  try {
    const node = await view(id, { stillCurrent: () => mine === generation, rerender: render });
    if (mine === generation) main.replaceChildren(node);
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof SignedOut) {
      sessionStorage.removeItem(KEY);
      return signIn(error.message);
    }
    main.replaceChildren(h("p", { class: "error", id: "load-error" }, String(error.message)));
  }
}

document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  signIn();
});
window.addEventListener("hashchange", render);
render();
