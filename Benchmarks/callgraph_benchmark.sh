#!/usr/bin/env bash
# The call-graph benchmark (Tests/AnalysisTests/Fixtures/callgraph, see its README) run through
# `hybridize callgraph --format json` and through PyCG 0.0.8 side by side: edge precision and
# recall of each, in total and for every case either gets wrong. PyCG is installed with pip into a
# virtualenv of its own under a temporary folder (or PYCG_VENV, kept between runs).
#
#   Benchmarks/callgraph_benchmark.sh
#   PYCG_VENV=~/.cache/hybridize/pycg-venv Benchmarks/callgraph_benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
BENCHMARK=$REPO/Tests/AnalysisTests/Fixtures/callgraph
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

swift build -c release --product hybridize >/dev/null
HYBRIDIZE="$(swift build -c release --show-bin-path)/hybridize"

PYCG_VENV=${PYCG_VENV:-$SCRATCH/pycg-venv}
if ! "$PYCG_VENV/bin/python" -c 'import pycg' 2>/dev/null; then
    [ -x "$PYCG_VENV/bin/python" ] || python3 -m venv "$PYCG_VENV"
    "$PYCG_VENV/bin/pip" install --quiet pycg==0.0.8
    # PyCG 0.0.8 ships its package as `PyCG/` but imports itself as `pycg`.
    pycg_site=$("$PYCG_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    [ -e "$pycg_site/pycg" ] || ln -s "$pycg_site/PyCG" "$pycg_site/pycg"
fi

for case in "$BENCHMARK"/*/*/; do
    name=$(basename "$(dirname "$case")")/$(basename "$case")
    mkdir -p "$SCRATCH/out/$name"
    (cd "$case" && "$HYBRIDIZE" callgraph --format json >"$SCRATCH/out/$name/hybridize.json" 2>/dev/null) || echo '{}' >"$SCRATCH/out/$name/hybridize.json"
    (cd "$case" && "$PYCG_VENV/bin/python" -m pycg --package . ./*.py -o "$SCRATCH/out/$name/pycg.json" >/dev/null 2>&1) \
        || echo '{}' >"$SCRATCH/out/$name/pycg.json"
done

python3 - "$BENCHMARK" "$SCRATCH/out" <<'PY'
import json, os, sys
benchmark, out = sys.argv[1], sys.argv[2]

def edges(graph):
    return {(caller, callee) for caller, callees in graph.items() for callee in callees}

totals = {"hybridize": [0, 0, 0], "pycg": [0, 0, 0]}
lines = []
for category in sorted(os.listdir(benchmark)):
    folder = os.path.join(benchmark, category)
    if not os.path.isdir(folder):
        continue
    for case in sorted(os.listdir(folder)):
        expected_path = os.path.join(folder, case, "callgraph.json")
        if not os.path.exists(expected_path):
            continue
        expected = edges(json.load(open(expected_path)))
        for tool in totals:
            found = edges(json.load(open(os.path.join(out, category, case, tool + ".json"))))
            hits = len(found & expected)
            totals[tool][0] += hits
            totals[tool][1] += len(found)
            totals[tool][2] += len(expected)
            if found != expected:
                lines.append("%-10s %s/%s: missing %s, spurious %s" % (
                    tool, category, case,
                    sorted("%s -> %s" % e for e in expected - found) or "none",
                    sorted("%s -> %s" % e for e in found - expected) or "none"))
print("\n".join(lines))
for tool, (hits, found, expected) in totals.items():
    print("%-10s precision %.3f, recall %.3f (%d correct of %d found, %d expected)" % (
        tool, hits / found if found else 1, hits / expected if expected else 1, hits, found, expected))
PY
