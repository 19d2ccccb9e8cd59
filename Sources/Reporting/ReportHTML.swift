import Decisions

/// `hybridize report`: one self-contained HTML page (no network: styles, script and data inline)
/// with a sortable verdict table whose rows open onto each function's evidence, the assumptions
/// audit, a time-profile bar chart and, when a `refactor --verify` run was recorded, its speedups.
/// The data is SPEC §8's JSON lines, embedded as a JSON array; the page's script draws it and
/// marks `<body data-rendered="true">` when done, which the end-to-end test reads back.
public enum ReportHTML {
    public static func render(_ verdicts: [Verdict], verifyRecord: String?, title: String, generatedAt: String) -> String {
        let data = "[" + verdicts.map { VerdictJSONLines.line(for: $0).text }.joined(separator: ",") + "]"
        let page = template
            .replacingOccurrences(of: "%TITLE%", with: escapeHTML(title))
            .replacingOccurrences(of: "%GENERATED%", with: escapeHTML(generatedAt))
            .replacingOccurrences(of: "%VERIFY%", with: embed(verifyRecord ?? "null"))
        // Data last: it may contain any text, placeholders included.
        return page.replacingOccurrences(of: "%DATA%", with: embed(data))
    }

    /// JSON inside a <script> element: `</` would end the element, so it is written `<\/`.
    static func embed(_ json: String) -> String {
        json.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let template = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hybridize report: %TITLE%</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1d232a; background: #fff; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
  .muted { color: #66707a; } code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
  .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
  .card { border: 1px solid #d8dde2; border-radius: 8px; padding: 10px 14px; min-width: 120px; }
  .card b { display: block; font-size: 22px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eceff2; vertical-align: top; }
  th { background: #f4f6f8; cursor: pointer; user-select: none; white-space: nowrap; position: sticky; top: 0; }
  th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
  tr.row:hover { background: #f7fafc; cursor: pointer; }
  tr.detail td { background: #fbfcfd; } tr.detail ul { margin: 4px 0; padding-left: 18px; }
  .tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; }
  .yes { background: #dff5e3; color: #1f6b34; } .no { background: #f1f3f5; color: #4b545c; }
  .warn { background: #fff1d6; color: #8a5a00; } .bad { background: #fde2e1; color: #9b1c1c; }
  .CONFIRMED { background: #dff5e3; color: #1f6b34; } .REJECTED { background: #fde2e1; color: #9b1c1c; }
  .UNOBSERVED { background: #fff1d6; color: #8a5a00; }
  .KEPT { background: #dff5e3; color: #1f6b34; } .REVERTED { background: #fde2e1; color: #9b1c1c; }
  svg text { font: 12px system-ui, sans-serif; fill: #1d232a; }
  #filter { padding: 4px 8px; width: 280px; margin-bottom: 8px; }
</style>
</head>
<body>
<h1>Hybridize report: %TITLE%</h1>
<div class="muted">generated %GENERATED%; click a column to sort it, a row to see its evidence</div>
<div class="cards" id="cards"></div>
<h2>Verdicts</h2>
<input id="filter" placeholder="filter by file or function">
<table id="verdicts"><thead><tr>
  <th data-key="file">file</th><th data-key="line">line</th><th data-key="qualname">function</th>
  <th data-key="refactoring">refactoring</th><th data-key="precondition">precondition</th>
  <th data-key="codes">failures</th><th data-key="transformation">edit</th>
  <th data-key="refactorable">refactorable</th><th data-key="eagerSeconds">eager time (s)</th>
</tr></thead><tbody></tbody></table>
<h2>Assumptions audit</h2>
<table id="assumptions"><thead><tr><th>function</th><th>fact</th><th>rule</th><th>status</th><th>evidence</th><th>counter-example</th><th>tests</th></tr></thead><tbody></tbody></table>
<h2>Time profile</h2>
<div class="muted">eager seconds in the traced tests, per function (top 15)</div>
<div id="profile"></div>
<h2>Speedups</h2>
<div id="speedups"></div>
<script type="application/json" id="verdict-data">%DATA%</script>
<script type="application/json" id="verify-data">%VERIFY%</script>
<script>
"use strict";
const verdicts = JSON.parse(document.getElementById("verdict-data").textContent);
const verify = JSON.parse(document.getElementById("verify-data").textContent);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};
const rows = verdicts.map((v, index) => ({
  index, v, file: v.file, line: v.line, qualname: v.qualname, refactoring: v.refactoring,
  precondition: v.passingPrecondition || "", codes: v.failures.map(f => f.code).join(" "),
  transformation: (v.transformations || []).join(" "), refactorable: v.refactorable ? "yes" : "no",
  eagerSeconds: v.trace && v.trace.eagerSeconds != null ? v.trace.eagerSeconds : -1,
}));

function cards() {
  const assumptions = verdicts.flatMap(v => v.assumptions || []);
  const count = s => assumptions.filter(a => a.status === s).length;
  const kept = verify ? verify.entries.filter(e => e.status === "KEPT").length : null;
  const items = [["functions", verdicts.length], ["refactorable", verdicts.filter(v => v.refactorable).length],
    ["hybrid now", verdicts.filter(v => v.hybrid).length], ["confirmed", count("CONFIRMED")],
    ["rejected", count("REJECTED")], ["unobserved", count("UNOBSERVED")]];
  if (kept !== null) items.push(["edits kept", kept]);
  if (verify && verify.suiteSpeedup) items.push(["suite speedup", verify.suiteSpeedup.toFixed(2) + "x"]);
  const box = document.getElementById("cards");
  for (const [label, value] of items) box.append(el("div", {class: "card"}, el("b", {}, value), label));
}

function detail(v) {
  const facts = Object.entries(v.facts).map(([k, x]) =>
    el("li", {}, el("code", {}, k), ": ", x === null ? "unknown" : String(x), v.evidence[k] ? ` (${v.evidence[k]})` : ""));
  const cell = el("td", {colspan: 9},
    el("b", {}, "Reasons"), el("ul", {}, ...v.reasons.map(r => el("li", {}, r))),
    el("b", {}, "Facts and evidence"), el("ul", {}, ...facts));
  if (v.failures.length) cell.append(el("b", {}, "Failures"),
    el("ul", {}, ...v.failures.map(f => el("li", {}, `${f.code} ${f.name} (${f.severity}): ${f.reason}`))));
  if (v.trace) cell.append(el("b", {}, "Traces"), el("ul", {},
    el("li", {}, `${v.trace.calls} calls (${v.trace.eagerCalls} eager), ${v.trace.eagerSeconds.toFixed(4)} s eager`),
    el("li", {}, `input signature: ${v.trace.inputSignature || "none derived"}`),
    el("li", {}, `predicted traces: ${v.trace.predictedTraces}${v.trace.predictedTracesIsLowerBound ? " or more" : ""}`)));
  return el("tr", {class: "detail"}, cell);
}

let sortKey = "file", ascending = true;
function drawVerdicts() {
  const query = document.getElementById("filter").value.toLowerCase();
  const body = document.querySelector("#verdicts tbody");
  body.textContent = "";
  const sorted = rows.filter(r => !query || (r.file + " " + r.qualname).toLowerCase().includes(query))
    .sort((a, b) => {
      const x = a[sortKey], y = b[sortKey];
      const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return (ascending ? order : -order) || a.index - b.index;
    });
  for (const r of sorted) {
    const tr = el("tr", {class: "row"}, el("td", {}, r.file), el("td", {}, r.line), el("td", {}, el("code", {}, r.qualname)),
      el("td", {}, r.refactoring), el("td", {}, r.precondition), el("td", {}, r.codes), el("td", {}, r.transformation),
      el("td", {}, el("span", {class: "tag " + (r.refactorable === "yes" ? "yes" : "no")}, r.refactorable)),
      el("td", {}, r.eagerSeconds >= 0 ? r.eagerSeconds.toFixed(4) : ""));
    let open = null;
    tr.addEventListener("click", () => {
      if (open) { open.remove(); open = null; } else { open = detail(r.v); tr.after(open); }
    });
    body.append(tr);
  }
  document.querySelectorAll("#verdicts th").forEach(th => {
    th.classList.toggle("sorted-asc", th.dataset.key === sortKey && ascending);
    th.classList.toggle("sorted-desc", th.dataset.key === sortKey && !ascending);
  });
}

function drawAssumptions() {
  const body = document.querySelector("#assumptions tbody");
  for (const v of verdicts) for (const a of v.assumptions || []) {
    body.append(el("tr", {}, el("td", {}, el("code", {}, v.qualname)), el("td", {}, `${a.fact} = ${a.assumed}`),
      el("td", {}, `${a.rule} ${a.detail}`), el("td", {}, a.status ? el("span", {class: "tag " + a.status}, a.status) : "no traces"),
      el("td", {}, (a.evidence || []).join("; ")), el("td", {}, a.counterExample || ""), el("td", {}, (a.tests || []).join(", "))));
  }
  if (!body.children.length) body.append(el("tr", {}, el("td", {colspan: 7}, "no assumptions")));
}

function bars(target, items, unit, colour) {
  const box = document.getElementById(target);
  if (!items.length) { box.append(el("div", {class: "muted"}, "nothing recorded")); return; }
  const width = 760, label = 300, row = 22, max = Math.max(...items.map(i => i.value)) || 1;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", width); svg.setAttribute("height", items.length * row + 8);
  items.forEach((item, i) => {
    const y = i * row + 4, w = Math.max(2, (width - label - 90) * item.value / max);
    const add = (tag, attrs, text) => {
      const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      if (text !== undefined) n.textContent = text;
      svg.append(n);
    };
    add("text", {x: label - 8, y: y + 14, "text-anchor": "end"}, item.label);
    add("rect", {x: label, y, width: w, height: row - 6, rx: 3, fill: item.colour || colour});
    add("text", {x: label + w + 6, y: y + 14}, item.value.toFixed(unit === "x" ? 2 : 4) + (unit === "x" ? "x" : " s"));
  });
  box.append(svg);
}

cards();
drawVerdicts();
drawAssumptions();
bars("profile", verdicts.filter(v => v.trace && v.trace.eagerSeconds > 0)
  .sort((a, b) => b.trace.eagerSeconds - a.trace.eagerSeconds).slice(0, 15)
  .map(v => ({label: v.qualname, value: v.trace.eagerSeconds})), "s", "#4a7fc1");
if (verify) {
  const measured = verify.entries.filter(e => e.speedup != null);
  bars("speedups", measured.map(e => ({label: `${e.qualname} (${e.status.toLowerCase()})`, value: e.speedup,
    colour: e.status === "KEPT" ? "#3a9a5b" : "#c0504d"})), "x", "#3a9a5b");
  document.getElementById("speedups").append(el("div", {class: "muted"},
    `verify: ${verify.runs} runs; kept functions ${verify.keptSpeedup ? verify.keptSpeedup.toFixed(2) + "x" : "n/a"} per call; ` +
    `suite ${verify.suiteSpeedup ? verify.suiteSpeedup.toFixed(2) + "x" : "n/a"}`));
} else {
  document.getElementById("speedups").append(el("div", {class: "muted"}, "no `refactor --verify` run recorded in .hybridize/verify.json"));
}
document.querySelectorAll("#verdicts th").forEach(th => th.addEventListener("click", () => {
  ascending = sortKey === th.dataset.key ? !ascending : true;
  sortKey = th.dataset.key;
  drawVerdicts();
}));
document.getElementById("filter").addEventListener("input", drawVerdicts);
document.body.dataset.rendered = "true";
</script>
</body>
</html>
"""#
}
