// The pages: each view takes the route's id and returns the node to show.

import { api, getJson, samePath } from "./api.js";
import { badge, clock, h, link, percent, stat, table, verdict, when } from "./dom.js";

const RESULTS = "/test_framework/v2/results/";
const RUNS = "/test_framework/v2/runs/";
const CALL_LOGS = "/observability/v2/call-logs/";
const AGENTS = "/test_framework/v2/aiagents/";
const SCENARIOS = "/test_framework/v1/scenarios/";
const PAGE = 25;

// A DRF list with previous/next buttons; `columns` are [title, row => cell] pairs.
async function pagedTable(path, columns, { id, empty, rowAttrs } = {}) {
  const box = h("div", { id });
  async function show(url) {
    const page = await getJson(url);
    const rows = Array.isArray(page) ? page : page.results ?? [];
    const pager = h("div", { class: "pager" },
      h("span", { class: "muted" }, `${page.count ?? rows.length} in all`),
      page.previous ? h("button", { type: "button", onclick: () => show(samePath(page.previous)) },
        "Previous") : null,
      page.next ? h("button", { type: "button", "data-next": "", onclick: () => show(samePath(page.next)) },
        "Next") : null);
    box.replaceChildren(rows.length ? table(columns, rows, rowAttrs) : h("p", { class: "muted" }, empty),
      pager);
  }
  await show(`${path}${path.includes("?") ? "&" : "?"}page_size=${PAGE}`);
  return box;
}

// While `busy()` holds, show the page again every few seconds.
function refreshWhile(busy, ctx) {
  if (!busy) return;
  setTimeout(() => { if (ctx.stillCurrent()) ctx.rerender(); }, 3000);
}

async function results(_id, ctx) {
  const list = await pagedTable(RESULTS, [
    ["Result", (r) => link(`#/results/${r.id}`, r.name || `Result ${r.id}`)],
    ["Agent", (r) => r.agent_name ?? ""],
    ["Status", (r) => badge(r.status)],
    ["Success rate", (r) => percent(r.success_rate)],
    ["Runs", (r) => `${r.completed_runs_count ?? 0} / ${r.total_runs_count ?? 0}`],
    ["Created", (r) => when(r.created_at)],
  ], { id: "results", empty: "No results yet: run evaluators with `voxtest run` or the API.",
    rowAttrs: (r) => ({ "data-result": r.id }) });
  const running = list.querySelector('[data-status="running"], [data-status="pending"], [data-status="evaluating"]');
  refreshWhile(running, ctx);
  return h("section", {}, h("h1", {}, "Results"), list);
}

// Per evaluator: passed of finished runs, the pass rate's 95 % interval, and the chance
// that every run passes (pass^k at k = runs).
function reliabilityCard(report) {
  const rows = report.scenarios ?? [];
  if (!rows.length) return null;
  const share = (x) => (typeof x === "number" ? percent(x * 100) : "");
  return h("div", { class: "card", id: "reliability" }, h("h2", {}, "Reliability"),
    table([
      ["Evaluator", (s) => s.scenario_name || `#${s.scenario ?? "?"}`],
      ["Passed", (s) => `${s.passed} / ${s.runs}`],
      ["Pass rate", (s) => share(s.pass_rate)],
      ["95 % interval", (s) => (s.ci95 ? `${share(s.ci95[0])} – ${share(s.ci95[1])}` : "")],
      ["All runs pass", (s) => share(s.pass_hat_k?.[String(s.runs)])],
      ["Unfinished", (s) => s.unfinished],
    ], rows));
}

async function result(id, ctx) {
  const r = await getJson(`${RESULTS}${encodeURIComponent(id)}/`);
  const report = await getJson(`/voxtest/v1/results/${encodeURIComponent(id)}/reliability/`);
  const runs = Object.values(r.runs ?? {});
  refreshWhile(!["completed", "failed", "cancelled"].includes(r.status), ctx);
  return h("section", { id: "result" },
    h("p", {}, link("#/results", "← Results")),
    h("h1", {}, r.name || `Result ${r.id}`, " ", badge(r.status)),
    h("div", { class: "card stats" },
      stat("success rate", percent(r.success_rate)),
      stat("runs", `${r.completed_runs_count} / ${r.total_runs_count}`),
      stat("failed", r.failed_runs_count),
      stat("expected outcome met", `${r.met_expected_outcome_count} / ${r.total_expected_outcome_count}`),
      stat("total duration", r.total_duration ?? "")),
    reliabilityCard(report),
    (r.performance_metrics ?? []).length ? h("div", { class: "card" }, h("h2", {}, "Rubric"),
      h("pre", {}, JSON.stringify(r.performance_metrics, null, 2))) : null,
    table([
      ["Run", (run) => link(`#/runs/${run.id}`, `#${run.id}`)],
      ["Evaluator", (run) => run.scenario_name ?? ""],
      ["Status", (run) => badge(run.status)],
      ["Verdict", (run) => verdict(run.success)],
      ["Duration", (run) => run.duration ?? ""],
      ["Error", (run) => h("span", { class: "error" }, run.error_message ?? "")],
    ], runs, (run) => ({ "data-run": run.id })));
}

function transcript(turns) {
  if (!turns?.length) return h("p", { class: "muted" }, "No transcript.");
  return h("div", { id: "transcript" }, turns.map((t) => h("div", { class: "turn" },
    h("span", { class: "time" }, clock(t.start_time)),
    h("span", { class: "role" }, t.role),
    h("span", { class: "content" }, t.content || toolText(t.data)),
    h("span", { class: "latency" }, latencyOf(t)))));
}

function latencyOf(turn) {
  const ms = turn.data?.latency_ms ?? turn.latency_ms;
  return typeof ms === "number" ? `${Math.round(ms)} ms` : "";
}

function toolText(data) {
  if (!data) return "";
  const { latency_ms: _ignored, ...rest } = data;
  return Object.keys(rest).length ? JSON.stringify(rest) : "";
}

function metrics(evaluation) {
  const items = evaluation?.metrics ?? [];
  if (!items.length) return h("p", { class: "muted" }, "Not evaluated yet.");
  return table([
    ["Metric", (m) => m.name],
    ["Value", (m) => m.extra?.not_applicable ? "N/A" : String(m.value ?? m.score ?? "")],
    ["Explanation", (m) => h("ul", { class: "plain" }, (m.explanation ?? []).map((e) => h("li", {}, e)))],
  ], items, (m) => ({ "data-metric": m.name }));
}

function outcome(expected) {
  if (!expected) return null;
  return h("div", { class: "card", id: "expected-outcome" }, h("h2", {}, "Expected outcome"),
    h("p", {}, `Score ${expected.score ?? "—"}`),
    h("ul", { class: "plain" }, (expected.explanation ?? []).map((e) => h("li", {}, e))));
}

function rubric(rules) {
  if (!rules?.length) return null;
  return h("div", { class: "card", id: "rubric" }, h("h2", {}, "Rubric"),
    h("ul", { class: "plain" }, rules.map((rule) =>
      h("li", {}, verdict(rule.passed), " ", rule.condition ?? rule.text ?? JSON.stringify(rule)))));
}

// Recordings need the API key, so they are fetched and played from a blob.
function recording(url) {
  if (!url) return null;
  const player = h("audio", { controls: true, id: "recording" });
  api(samePath(url)).then((r) => r.blob()).then((blob) => { player.src = URL.createObjectURL(blob); })
    .catch((error) => player.replaceWith(h("p", { class: "error" }, `Recording: ${error.message}`)));
  return h("div", { class: "card" }, h("h2", {}, "Recording"), player);
}

function callDetail(c, back) {
  return h("section", { id: "call" },
    h("p", {}, back),
    h("h1", {}, c.scenario_name ?? c.call_id ?? `Call ${c.id}`, " ", badge(c.status), " ", verdict(c.success)),
    h("div", { class: "card stats" },
      stat("agent", c.agent_name ?? ""), stat("duration", c.duration ?? ""),
      stat("ended", c.call_ended_reason ?? c.metadata?.call_ended_reason ?? ""),
      stat("at", when(c.timestamp))),
    c.error_message ? h("p", { class: "error", id: "error-message" }, c.error_message) : null,
    recording(c.voice_recording_url),
    h("div", { class: "card" }, h("h2", {}, "Transcript"), transcript(c.transcript_object)),
    outcome(c.expected_outcome),
    rubric(c.rubric),
    h("div", { class: "card" }, h("h2", {}, "Metrics"), metrics(c.evaluation)));
}

async function run(id, ctx) {
  const r = await getJson(`${RUNS}${encodeURIComponent(id)}/`);
  refreshWhile(["pending", "in_queue", "running", "evaluating"].includes(r.status), ctx);
  return callDetail(r, link(`#/results/${r.result_id}`, `← ${r.result_name || "Result"}`));
}

async function calls(id) {
  if (id) return callDetail(await getJson(`${CALL_LOGS}${encodeURIComponent(id)}/`), link("#/calls", "← Call logs"));
  const list = await pagedTable(CALL_LOGS, [
    ["Call", (c) => link(`#/calls/${c.id}`, c.call_id || `#${c.id}`)],
    ["Agent", (c) => c.agent_name ?? ""],
    ["Customer", (c) => c.customer_number ?? ""],
    ["Verdict", (c) => verdict(c.success)],
    ["Duration", (c) => c.duration ?? ""],
    ["At", (c) => when(c.timestamp)],
  ], { id: "call-logs", empty: "No production calls yet: send them to /observability/v1/observe/." });
  return h("section", {}, h("h1", {}, "Call logs"), list);
}

async function agents() {
  const list = await pagedTable(AGENTS, [
    ["Agent", (a) => a.agent_name ?? a.name],
    ["Project", (a) => a.project ?? ""],
    ["Language", (a) => a.language ?? ""],
    ["Created", (a) => when(a.created_at)],
  ], { id: "agents", empty: "No agents yet." });
  return h("section", {}, h("h1", {}, "Agents"), list);
}

async function scenarios() {
  const list = await pagedTable(SCENARIOS, [
    ["Evaluator", (s) => s.name],
    ["Agent", (s) => s.agent ?? ""],
    ["Tags", (s) => (s.tags ?? []).join(", ")],
    ["Folder", (s) => s.folder_path ?? ""],
  ], { id: "scenarios", empty: "No evaluators yet." });
  return h("section", {}, h("h1", {}, "Evaluators"), list);
}

export const VIEWS = { results: async (id, ctx) => (id ? result(id, ctx) : results(id, ctx)),
  runs: run, calls, agents, scenarios };
