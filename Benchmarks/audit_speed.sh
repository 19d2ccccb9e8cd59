#!/usr/bin/env bash
# `hybridize audit` on a large trace database: a synthetic, TensorFlow-free Python project of 1,000
# functions in 20 modules (plain functions on numbers and lists, methods, global and attribute
# writes, calls within and across modules, and keyword names such as `train_step` and
# `*_inference` so that the analysis makes assumptions for the audit to hold against the traces),
# driven by a script that makes about 1,000,000 project calls with a few argument shapes per
# function. The script traces it once, then times `audit --traces` (JSON and text) against
# `analyze` without traces on the same project, median wall time of REPS runs each (release build).
# Target: audit under 2 s.
#
#   Benchmarks/audit_speed.sh                   # 5 runs each
#   REPS=3 CALLS=200000 Benchmarks/audit_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
CALLS=${CALLS:-1000000}

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
Runtime/bootstrap >/dev/null
# Quiet unless it fails (SwiftPM says so when it waits on another build's lock).
swift build -c release --product hybridize >"$SCRATCH/build.log" 2>&1 || { tail -20 "$SCRATCH/build.log" >&2; exit 1; }
HYBRIDIZE="$(pwd)/.build/release/hybridize"
PROJECT=$SCRATCH/project
mkdir -p "$PROJECT"

# The synthetic project: synth/mod_00.py ... mod_19.py, 50 functions each (38 module-level
# functions, two classes of 6 methods), and drive.py, which calls every function R times, R chosen
# so that the calls (callees included) come to about $CALLS.
python3 - "$PROJECT" "$CALLS" <<'PY'
import os, sys
root, target = sys.argv[1], int(sys.argv[2])
MODULES, PLAIN = 20, 38
os.makedirs(os.path.join(root, "synth"))
open(os.path.join(root, "synth", "__init__.py"), "w").close()
table = []   # (expression naming the callable, [argument tuples as source], project calls per call)
setup = []   # driver lines that make instances

for m in range(MODULES):
    name = f"mod_{m:02d}"
    nxt = f"mod_{m + 1:02d}" if m + 1 < MODULES else None
    src = [f'"""Synthetic module {m}."""', ""]
    if nxt:
        src.append(f"from synth import {nxt}")
    src += ["", "COUNT = 0", "TOTAL = 0.0", "HISTORY = []", ""]
    fns = {}  # j -> (name, kind)
    for j in range(PLAIN):
        kind = j % 6
        if j == 36:
            fname, kind = f"train_step_{m}", 6
        elif j == 37:
            fname, kind = f"batch_inference_{m}", 7
        else:
            fname = ["scale", "mean", "bump", "combine", "forward", "tally"][kind] + f"_{m}_{j}"
        fns[j] = (fname, kind)
        if kind == 0:
            body = [f"def {fname}(x, factor):", f"    return x * factor + {j}"]
            args, cost = ["(1, 2)", "(2.5, 2)", "(3, 0.5)", "(7, 3)"], 1
        elif kind == 1:
            body = [f"def {fname}(values):", "    total = 0", "    for v in values:",
                    "        total += v", f"    return total / max(len(values), 1) + {j}"]
            args, cost = ["([1, 2, 3],)", "([1.5, 2.5],)", "((4, 5, 6, 7),)", "([9] * 8,)"], 1
        elif kind == 2:
            body = [f"def {fname}(n):", "    global COUNT", "    COUNT += n", "    return COUNT"]
            args, cost = ["(1,)", "(2,)", "(5,)"], 1
        elif kind == 3:  # calls a scale and a mean of the same module
            s, mn = fns[j - 3][0], fns[j - 2][0]
            body = [f"def {fname}(x, values):", f"    return {s}(x, 2) + {mn}(values)"]
            args, cost = ["(1, [1, 2])", "(2.0, [3.0])", "(4, (5, 6))"], 3
        elif kind == 4:  # calls into the next module, or the same one for the last module
            callee = f"{nxt}.scale_{m + 1}_{j - 4}" if nxt else fns[j - 4][0]
            body = [f"def {fname}(x, offset=0):", f"    y = {callee}(x, 3)", "    return y - offset"]
            args, cost = ["(1,)", "(2, 1)", "(0.5, 2.0)", "(3, -1)"], 2
        elif kind == 5:  # writes into the dict it is given
            body = [f"def {fname}(words, counts):", "    for w in words:",
                    "        counts[w] = counts.get(w, 0) + 1", "    return len(counts)"]
            args, cost = [f"(['a', 'b'], COUNTS[{m}])", f"(('x',), COUNTS[{m}])", f"(['p', 'q', 'r'], {{}})"], 1
        elif kind == 6:  # a keyword name: the analysis assumes tensors, the traces see floats
            body = [f"def {fname}(x, y, lr):", "    global TOTAL", "    loss = (x - y) * (x - y)",
                    "    TOTAL += loss * lr", f"    return {fns[0][0]}(loss, lr)"]
            args, cost = ["(1.0, 2.0, 0.1)", "(0.5, 0.25, 0.01)", "(3, 1, 0.1)"], 2
        else:  # kind 7, *_inference: a list of floats in, one call per element
            body = [f"def {fname}(batch):", f"    return [{fns[0][0]}(v, 0.5) for v in batch]"]
            args, cost = ["([1.0, 2.0],)", "([3.0, 4.0],)", "([0.5, 1.5],)"], 3
        src += body + ["", ""]
        table.append((f"{name}.{fname}", args, cost))
    # Two classes of six methods each (constructor included).
    src += [f"class Model{m}:",
            "    def __init__(self, width):", "        self.width = width", "        self.steps = 0", "",
            "    def forward(self, x):", "        return x * self.width", "",
            "    def update(self, delta):", "        self.steps += 1", "        self.width += delta", "        return self.width", "",
            "    def predict_inference(self, xs):", "        return [self.forward(v) for v in xs]", "",
            "    def reset(self):", "        self.steps = 0", "",
            "    def describe(self, prefix):", "        return prefix + ':' + str(self.width)", "", "",
            f"class Stats{m}:",
            "    def __init__(self, name):", "        self.name = name", "        self.items = []", "",
            "    def add(self, v):", "        self.items.append(v)", "        HISTORY.append(v)",
            "        if len(HISTORY) > 64:", "            HISTORY.clear()",
            "        if len(self.items) > 64:", "            self.items.clear()", "        return len(self.items)", "",
            "    def mean(self):", "        return sum(self.items) / max(len(self.items), 1)", "",
            "    def variance(self):", "        mu = self.mean()",
            "        return sum((v - mu) ** 2 for v in self.items) / max(len(self.items), 1)", "",
            "    def clear(self):", "        self.items = []", "",
            "    def train_step(self, batch, lr):", "        for v in batch:", "            self.add(v * lr)",
            "        return self.variance()", ""]
    setup += [f"M{m} = {name}.Model{m}(2)", f"S{m} = {name}.Stats{m}('s{m}')"]
    table += [
        (f"{name}.Model{m}", ["(1,)", "(2.0,)"], 1),
        (f"M{m}.forward", ["(1,)", "(2.5,)", "(3,)"], 1),
        (f"M{m}.update", ["(0,)", "(0.0,)"], 1),
        (f"M{m}.predict_inference", ["([1, 2],)", "([1.0, 2.0],)"], 3),
        (f"M{m}.reset", ["()"], 1),
        (f"M{m}.describe", ["('m',)", "('model',)"], 1),
        (f"{name}.Stats{m}", ["('a',)", "('b',)"], 1),
        (f"S{m}.add", ["(1,)", "(2.5,)", "(4,)"], 1),
        (f"S{m}.mean", ["()"], 1),
        (f"S{m}.variance", ["()"], 2),
        (f"S{m}.clear", ["()"], 1),
        (f"S{m}.train_step", ["([1.0, 2.0], 0.1)", "([3, 4, 5], 0.01)"], 5),  # add x2-3, variance, mean
    ]
    with open(os.path.join(root, "synth", f"{name}.py"), "w") as f:
        f.write("\n".join(src) + "\n")

reps = max(1, round(target / sum(cost for _, _, cost in table)))
drive = ["\"\"\"Calls every function of synth R times, cycling through a few argument shapes.\"\"\"", ""]
drive += [f"from synth import mod_{m:02d}" for m in range(MODULES)]
drive += ["", f"R = {reps}", f"COUNTS = [{{}} for _ in range({MODULES})]"]
drive += setup
drive += ["", "TABLE = ["] + [f"    ({fn}, [{', '.join(a)}])," for fn, a, _ in table] + ["]", "",
          "def main():",
          "    for fn, variants in TABLE:",
          "        n = len(variants)",
          "        for i in range(R):",
          "            fn(*variants[i % n])",
          "", "", "main()"]
with open(os.path.join(root, "drive.py"), "w") as f:
    f.write("\n".join(drive) + "\n")
PY

ndefs=$(cat "$PROJECT"/synth/*.py | grep -c '^ *def ')
start=$(date +%s.%N)
(cd "$PROJECT" && "$HYBRIDIZE" trace --quiet --db trace.sqlite -- drive.py)
trace_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
read -r calls functions signatures db_bytes < <(python3 - "$PROJECT/trace.sqlite" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
calls = db.execute("select sum(calls) from signatures").fetchone()[0]
functions = db.execute("select count(*) from (select distinct file, qualname, line from functions)").fetchone()[0]
signatures = db.execute("select count(*) from signatures").fetchone()[0]
size = sum(os.path.getsize(p) for p in (sys.argv[1], sys.argv[1] + "-wal") if os.path.exists(p))
print(calls, functions, signatures, size)
PY
)
echo "project: $ndefs defs in synth/ (20 modules) + drive.py; traced in $trace_s s: $calls calls, $functions functions, $signatures signatures, $db_bytes bytes; $(nproc) cores, $REPS runs each"

# measure COMMAND...: runs COMMAND in the project REPS times; prints the median wall seconds.
# The last run's output stays in $SCRATCH/out.
measure() {
    : >"$SCRATCH/times"
    for _ in $(seq "$REPS"); do
        local a b
        a=$(date +%s.%N)
        (cd "$PROJECT" && "$@" >"$SCRATCH/out" 2>"$SCRATCH/err") || { echo "failed: $*" >&2; tail -5 "$SCRATCH/err" >&2; exit 1; }
        b=$(date +%s.%N)
        awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f\n", b - a }' >>"$SCRATCH/times"
    done
    sort -n "$SCRATCH/times" | awk -v n="$REPS" '{ t[NR] = $1 } END { printf "%.2f %.2f %.2f\n", t[int((n + 1) / 2)], t[1], t[n] }'
}

read -r audit_json audit_json_min audit_json_max < <(measure "$HYBRIDIZE" audit --traces trace.sqlite --format json)
statuses=$(python3 - "$SCRATCH/out" <<'PY'
import collections, json, sys
verdicts = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
c = collections.Counter(a.get("status") for v in verdicts for a in v.get("assumptions", []))
print(f"{len(verdicts)} verdicts, assumptions: " + ", ".join(f"{k} {n}" for k, n in sorted(c.items(), key=str)))
PY
)
read -r audit_text audit_text_min audit_text_max < <(measure "$HYBRIDIZE" audit --traces trace.sqlite --format text)
read -r analyze analyze_min analyze_max < <(measure "$HYBRIDIZE" analyze --format json)

echo "audit --format json: $statuses"
echo
echo "| calls | functions | signatures | audit json s | audit text s | analyze json s (no traces) | audit/analyze |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
awk -v c="$calls" -v f="$functions" -v s="$signatures" -v aj="$audit_json" -v at="$audit_text" -v an="$analyze" \
    -v ajr="$audit_json_min–$audit_json_max" -v atr="$audit_text_min–$audit_text_max" -v anr="$analyze_min–$analyze_max" \
    'BEGIN { printf "| %d | %d | %d | %.2f (%s) | %.2f (%s) | %.2f (%s) | %.2f |\n", c, f, s, aj, ajr, at, atr, an, anr, aj / an }'
echo "(median (min–max) of $REPS wall times)"
echo
echo "audit: $audit_json s median over $calls calls, $functions functions (target < 2 s)"
