#!/usr/bin/env bash
# `hybridize trace` under load, on synthetic projects generated in a temp folder (release build):
#
# (a) Memory and database size against calls. A script makes CALLS calls of small project
#     functions (ints, floats, numpy arrays of SHAPES shapes, TensorFlow tensors, methods with an
#     attribute write, nested calls), untraced and traced: wall time, peak resident memory of the
#     process (TensorFlow's own ~500 MB included, so the tracer's share is traced minus untraced),
#     database size and signature rows. Then a tenth of the calls with the same signatures, and the
#     same calls with SHAPES_MANY shapes (10x the shapes, about 5x the distinct signatures): the
#     database should follow signatures, not calls. Last, the same calls without TensorFlow (a
#     pure Python and numpy project), where the whole traced process is held to the target.
#     Targets, each with PASS/FAIL: tracer's share under 200 MiB; the whole process without
#     TensorFlow under 200 MiB; database within 1.25x at 10x the calls.
# (b) Shards. A generated pytest suite of TESTS tests (parametrized and plain, outcomes passed,
#     failed, skipped, xfailed; project calls at collection time, effects of every kind, a few
#     TensorFlow tests), traced unsharded and in SHARDS shards merged with `trace merge`. The
#     stable views (observed_calls, observed_effects), the tests with their outcomes, call-graph
#     edges and signatures (literal values aside) must be equal, calls summed per row: PASS/FAIL.
#
#   Benchmarks/trace_load.sh
#   CALLS=2000000 TESTS=1000 Benchmarks/trace_load.sh
#   KEEP=/tmp/load Benchmarks/trace_load.sh     # keep the projects and databases there
#
# Environment: HYBRIDIZE (binary; default: build with `swift build -c release`), PYTHON (runtime
# virtualenv's python; default: the last line of Runtime/bootstrap), CALLS (10000000), SHAPES (10),
# SHAPES_MANY (100), TESTS (5000, a multiple of 100), SHARDS (4), PART (a, b or both; default both).
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${CALLS:-10000000}
SHAPES=${SHAPES:-10}
SHAPES_MANY=${SHAPES_MANY:-100}
TESTS=${TESTS:-5000}
SHARDS=${SHARDS:-4}
PART=${PART:-both}
export TF_CPP_MIN_LOG_LEVEL=3
export PYTHONDONTWRITEBYTECODE=1

if [[ -z "${HYBRIDIZE:-}" ]]; then
    swift build -c release --product hybridize >/dev/null
    HYBRIDIZE="$(swift build -c release --show-bin-path)/hybridize"
fi
PYTHON=${PYTHON:-$(Runtime/bootstrap | tail -n 1)}
if [[ -n "${KEEP:-}" ]]; then
    SCRATCH=$KEEP
    rm -rf "$SCRATCH"
    mkdir -p "$SCRATCH"
else
    SCRATCH=$(mktemp -d)
    trap 'rm -rf "$SCRATCH"' EXIT
fi
echo "hybridize: $HYBRIDIZE"
echo "machine:   $(nproc) cores, $(uname -sr), $("$PYTHON" -c 'import sys; print("Python", sys.version.split()[0])')"

# timed LABEL DIR COMMAND...: runs COMMAND in DIR under /usr/bin/time; sets WALL (s), RSS_MB (peak
# resident, MiB), STATUS; output in $SCRATCH/LABEL.log.
timed() {
    local label=$1 dir=$2
    shift 2
    STATUS=0
    (cd "$dir" && /usr/bin/time -f "%e %M" -o "$SCRATCH/$label.time" "$@" >"$SCRATCH/$label.log" 2>&1) || STATUS=$?
    read -r WALL rss_kb < <(tail -n 1 "$SCRATCH/$label.time")
    RSS_MB=$((rss_kb / 1024))
}

summary_calls() { # the call count from hybridize's closing summary line
    sed -n 's/.*hybridize: traced [0-9]* functions, \([0-9]*\) calls.*/\1/p' "$1" | tail -n 1
}

sql() { # DB QUERY: one value
    "$PYTHON" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}

# --- (a) ten million calls -------------------------------------------------------------------------

part_a() {
    local project=$SCRATCH/calls_project
    mkdir -p "$project/kernels"
    : >"$project/kernels/__init__.py"
    cat >"$project/kernels/ops.py" <<'PY'
"""Small project functions: the hook's cost and the tracer's state are what is measured."""


def add(a, b):
    return a + b


def scale(values, factor):
    return values * factor


def size(values):
    return values.size


def rank(tensor):
    return tensor.shape.rank


class Accumulator:
    def __init__(self):
        self.count = 0

    def push(self, value):
        self.count += 1
        return value


def step(accumulator, values, index):
    accumulator.push(index)
    return add(index, 1) + size(values)
PY
    cat >"$project/run.py" <<'PY'
"""Makes LOAD_CALLS project calls (10 a round, one tensor call every 100 rounds) over LOAD_SHAPES
array and tensor shapes; prints the loop's own time."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

# LOAD_TENSORFLOW=0: a pure Python and numpy project, so that the whole process can be held to
# the memory target (TensorFlow's import alone is ~490 MiB).
TENSORFLOW = os.environ.get("LOAD_TENSORFLOW", "1") == "1"
if TENSORFLOW:
    import tensorflow as tf  # noqa: E402

from kernels.ops import Accumulator, add, rank, scale, size, step  # noqa: E402

CALLS = int(os.environ["LOAD_CALLS"])
SHAPES = int(os.environ["LOAD_SHAPES"])
arrays = [np.zeros((k + 1,), dtype=np.float32 if k % 2 else np.float64) for k in range(SHAPES)]
matrices = [np.ones((k + 1, 3)) for k in range(SHAPES)]
tensors = [tf.zeros((k + 1, 2)) for k in range(SHAPES)] if TENSORFLOW else []
accumulator = Accumulator()
started = time.perf_counter()
for i in range(CALLS // 10):
    values = arrays[i % SHAPES]
    add(i, 2)
    add(0.5, 1.5)
    scale(values, 2.0)
    size(values)
    size(matrices[i % SHAPES])
    accumulator.push(values)
    step(accumulator, values, i)  # and push, add, size inside
    if tensors and i % 100 == 0:
        rank(tensors[i % SHAPES])
print("loop %.2f s" % (time.perf_counter() - started))
PY
    echo
    echo "(a) calls against memory and database size (script: 10 calls a round over numpy arrays, floats,"
    echo "    ints, methods; a tensor call every 100 rounds)"
    printf '%-22s %11s %7s %9s %10s %9s %8s %10s %11s %10s\n' \
        run calls shapes "wall s" "calls/s" "RSS MiB" "+RSS" "DB bytes" signatures "ns/call+"
    local rows=("untraced $CALLS $SHAPES" "traced $CALLS $SHAPES" "traced $((CALLS / 10)) $SHAPES"
                "untraced $CALLS $SHAPES_MANY" "traced $CALLS $SHAPES_MANY"
                "untraced-python $CALLS $SHAPES" "traced-python $CALLS $SHAPES")
    local row mode calls shapes label db counted sigs bytes
    local -A base_wall=() base_rss=()
    local -A peak=() share=() size=() signatures=()
    local tensorflow key
    for row in "${rows[@]}"; do
        read -r mode calls shapes <<<"$row"
        label="a_${mode}_${calls}_${shapes}"
        db=$SCRATCH/$label.sqlite
        # "-python" rows leave TensorFlow out; their baselines are kept apart.
        tensorflow=1
        key=$shapes
        if [[ $mode == *-python ]]; then tensorflow=0; key=${shapes}py; fi
        export LOAD_TENSORFLOW=$tensorflow
        if [[ $mode == untraced* ]]; then
            LOAD_CALLS=$calls LOAD_SHAPES=$shapes timed "$label" "$project" "$PYTHON" run.py
            base_wall[$key]=$WALL
            base_rss[$key]=$RSS_MB
            printf '%-22s %11s %7s %9.2f %10s %9d %8s %10s %11s %10s\n' \
                "$mode" "$calls" "$shapes" "$WALL" - "$RSS_MB" - - - -
        else
            LOAD_CALLS=$calls LOAD_SHAPES=$shapes timed "$label" "$project" \
                "$HYBRIDIZE" trace --quiet --db "$db" --python "$PYTHON" -- run.py
            counted=$(summary_calls "$SCRATCH/$label.log")
            sigs=$(sql "$db" "SELECT count(*) FROM signatures")
            bytes=$(( $(stat -c %s "$db") + $( [[ -f $db-wal ]] && stat -c %s "$db-wal" || echo 0) ))
            # Against the untraced run of the same shapes and call count when there is one.
            local added_rss=- added_ns=-
            if [[ $calls == "$CALLS" && -n "${base_rss[$key]:-}" ]]; then
                added_rss=$((RSS_MB - base_rss[$key]))
                added_ns=$(awk -v t="$WALL" -v u="${base_wall[$key]}" -v c="$counted" 'BEGIN { printf "%.0f", (t - u) * 1e9 / c }')
                share[$calls/$key]=$added_rss
            fi
            peak[$calls/$key]=$RSS_MB
            size[$calls/$key]=$bytes
            signatures[$calls/$key]=$sigs
            printf '%-22s %11s %7s %9.2f %10.0f %9d %8s %10s %11s %10s\n' \
                "$mode" "$counted" "$shapes" "$WALL" "$(awk -v c="$counted" -v t="$WALL" 'BEGIN { print c / t }')" \
                "$RSS_MB" "$added_rss" "$bytes" "$sigs" "$added_ns"
        fi
        [[ $STATUS -eq 0 ]] || { echo "  FAILED (exit $STATUS):"; tail -n 15 "$SCRATCH/$label.log" | sed 's/^/  | /'; }
    done
    echo "  (+RSS: traced minus untraced peak; ns/call+: (traced - untraced wall) / calls; the wall"
    echo "   times include interpreter start and TensorFlow's import)"
    local few=$CALLS/$SHAPES tenth=$((CALLS / 10))/$SHAPES many=$CALLS/$SHAPES_MANY
    local worst=$(( ${share[$few]:-9999} > ${share[$many]:-9999} ? ${share[$few]:-9999} : ${share[$many]:-9999} ))
    printf '  memory:   tracer'"'"'s share %s and %s MiB (target under 200): %s; peak %s MiB at %s calls, %s MiB at %s\n' \
        "${share[$few]:-?}" "${share[$many]:-?}" "$( ((worst < 200)) && echo PASS || echo FAIL)" \
        "${peak[$tenth]:-?}" "$((CALLS / 10))" "${peak[$few]:-?}" "$CALLS"
    local python=$CALLS/${SHAPES}py
    printf '  memory:   whole traced process without TensorFlow, %s calls: peak %s MiB (target under 200): %s\n' \
        "$CALLS" "${peak[$python]:-?}" "$( ((${peak[$python]:-9999} < 200)) && echo PASS || echo FAIL)"
    awk -v b1="${size[$tenth]:-0}" -v b10="${size[$few]:-0}" -v bm="${size[$many]:-0}" \
        -v s1="${signatures[$few]:-0}" -v sm="${signatures[$many]:-0}" 'BEGIN {
            calls = b1 > 0 ? b10 / b1 : 0
            format = "  database: 10x the calls, %.2fx the bytes (%d signatures both); %.1fx the signatures, %.1fx the bytes (%.0f bytes per signature at %d): %s\n"
            printf(format, calls, s1, (s1 > 0 ? sm / s1 : 0), (b10 > 0 ? bm / b10 : 0), (sm > 0 ? bm / sm : 0), sm,
                   (calls > 0 && calls < 1.25 && bm > b10) ? "PASS" : "FAIL")
        }'
}

# --- (b) a sharded suite ---------------------------------------------------------------------------

generate_suite() { # DIR
    "$PYTHON" - "$1" "$TESTS" <<'PY'
import os
import sys

root, tests = sys.argv[1], int(sys.argv[2])
assert tests % 100 == 0, "TESTS is a multiple of 100"
os.makedirs(os.path.join(root, "app"))
os.makedirs(os.path.join(root, "tests"))
open(os.path.join(root, "app", "__init__.py"), "w").close()
with open(os.path.join(root, "pytest.ini"), "w") as out:
    out.write("[pytest]\npythonpath = .\n")
with open(os.path.join(root, "app", "models.py"), "w") as out:
    out.write('''"""Project code with an effect of every kind the tracer sees."""
import logging

import numpy as np

REGISTRY = {}
EVENTS = []
STEP = 0
logger = logging.getLogger("app")


def make_case(i):
    return i, i * 2


def normalize(values, eps=1e-6):
    return values / (np.abs(values).max() + eps)


def register(name, value):
    REGISTRY[name] = value


def bump():
    global STEP
    STEP += 1
    return STEP


def record(event):
    EVENTS.append(event)


def announce(value):
    print("value", value)
    logger.info("value %s", value)


def drain(iterator):
    return sum(1 for _ in iterator)


class Counter:
    def __init__(self, start=0):
        self.value = start

    def add(self, amount):
        self.value += amount
        return self.value


def pipeline(counter, values, name):
    counter.add(len(values))
    register(name, normalize(values))
    record(name)
    return bump()
''')
with open(os.path.join(root, "app", "tensors.py"), "w") as out:
    out.write('''import tensorflow as tf


def total(tensor):
    return tf.reduce_sum(tensor)


def make_weights(shape):
    return tf.Variable(tf.zeros(shape))
''')
with open(os.path.join(root, "tests", "conftest.py"), "w") as out:
    out.write('''import pytest

from app.models import Counter


@pytest.fixture
def counter():
    return Counter(1)
''')
for f in range(tests // 100):
    tensor_file = f % 10 == 0
    lines = [
        "import numpy as np",
        "import pytest",
        "",
        "from app import models",
    ]
    if tensor_file:
        lines += ["import tensorflow as tf", "", "from app import tensors"]
    lines += [
        "",
        "# Made at collection time, as parametrize arguments often are.",
        "CASES = [models.make_case(i) for i in range(40)]",
        "",
        "",
        '@pytest.mark.parametrize("i, j", CASES)',
        f"def test_add_{f}(counter, i, j):",
        "    assert counter.add(i) + j >= 0",
        # A fresh object per write: CPython 3.11 leaves a dict's version alone when a key is
        # given the very object it holds (a small int, say), so no write is seen, and how often
        # that happens depends on test order, which differs between shards.
        "    models.register(f\"k{i % 5}\", j + 0.5)",
        "",
        "",
        '@pytest.mark.parametrize("n", range(1, 31))',
        f"def test_pipeline_{f}(counter, n):",
        "    values = np.arange(n, dtype=np.float32 if n % 2 else np.float64)",
        f"    models.pipeline(counter, values, \"p{{n % 7}}\")",
        "",
    ]
    plain = 30
    if tensor_file:
        plain = 20
        lines += [
            "",
            '@pytest.mark.parametrize("n", range(1, 11))',
            f"def test_tensor_{f}(n):",
            "    assert tensors.total(tf.ones((n, 3))).numpy() == n * 3",
            "    tensors.make_weights((n % 3 + 1, 2))",
            "",
        ]
    for k in range(plain):
        lines += ["", f"def test_plain_{f}_{k}():"]
        if k == 0:
            lines += ['    pytest.skip("skipped on purpose")']
        elif k == 1:
            lines = lines[:-1] + ["@pytest.mark.xfail(strict=True)", f"def test_plain_{f}_{k}():",
                                  "    assert models.bump() < 0"]
        elif k == 2 and f % 25 == 0:
            lines += ["    assert models.make_case(k)[1] == 0  # fails on purpose"]
        elif k % 3 == 0:
            lines += [f"    models.announce({k})"]
        elif k % 3 == 1:
            lines += [f"    assert models.drain(iter(range({k}))) == {k}"]
        else:
            lines += [f"    models.record({k})", f"    models.register(\"plain{k % 4}\", float({k}))"]
        lines += [""]
    with open(os.path.join(root, "tests", f"test_gen_{f:03d}.py"), "w") as out:
        out.write("\n".join(lines) + "\n")
PY
}

compare_views() { # UNSHARDED MERGED
    "$PYTHON" - "$1" "$2" <<'PY'
import sqlite3
import sys
from collections import Counter

QUERIES = {
    "observed_calls": """SELECT file, qualname, line, param, kind, dtype, shape, SUM(calls) FROM observed_calls
                         GROUP BY file, qualname, line, param, kind, dtype, shape""",
    "observed_effects": """SELECT file, qualname, line, kind, target, effect_line, SUM(count) FROM observed_effects
                           GROUP BY file, qualname, line, kind, target, effect_line""",
    "tests (node id, outcome)": "SELECT nodeid, outcome, 1 FROM tests",
    "edges": """SELECT a.file, a.qualname, a.line, b.file, b.qualname, b.line, e.line, SUM(e.calls) FROM edges e
                JOIN functions a ON a.run_id = e.run_id AND a.id = e.caller_id
                JOIN functions b ON b.run_id = e.run_id AND b.id = e.callee_id
                GROUP BY 1, 2, 3, 4, 5, 6, 7""",
    # Each shard keeps its own first 16 literal values per parameter, so values are left out.
    "signatures (values aside)": """
        SELECT f.file, f.qualname, f.line, s.graph,
               (SELECT group_concat(param || ':' || kind || ':' || ifnull(dtype, '') || ':' || ifnull(shape, '')
                                    || ':' || ifnull(elements, ''), ' ')
                FROM (SELECT * FROM signature_params p WHERE p.run_id = s.run_id AND p.signature_id = s.id
                      ORDER BY position)),
               s.calls
        FROM signatures s JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id""",
}


def rows(path, query):
    tally = Counter()
    for row in sqlite3.connect(path).execute(query):
        tally[tuple(row[:-1])] += row[-1]
    return tally


failed = False
for name, query in QUERIES.items():
    one, many = rows(sys.argv[1], query), rows(sys.argv[2], query)
    equal = one == many
    failed |= not equal
    print("  %-26s %7d rows unsharded, %7d merged, %9d calls/counts vs %9d: %s"
          % (name, len(one), len(many), sum(one.values()), sum(many.values()), "PASS" if equal else "FAIL"))
    if not equal:
        for key in sorted(set(one) | set(many), key=repr):
            if one.get(key) != many.get(key):
                print("      %s: unsharded %s, merged %s" % (key, one.get(key), many.get(key)))
outcomes = sqlite3.connect(sys.argv[1]).execute("SELECT outcome, count(*) FROM tests GROUP BY 1 ORDER BY 1").fetchall()
print("  outcomes: " + ", ".join("%s %d" % row for row in outcomes))
print("RESULT: " + ("FAIL" if failed else "PASS"))
sys.exit(1 if failed else 0)
PY
}

part_b() {
    local project=$SCRATCH/suite_project
    generate_suite "$project"
    local pytest_args=(pytest -q -p no:cacheprovider tests)
    echo
    echo "(b) $TESTS tests, unsharded against $SHARDS shards merged"
    timed b_untraced "$project" "$PYTHON" -m "${pytest_args[@]}"
    printf '  %-28s %8.2f s  %5d MiB  (exit %d: %s)\n' "untraced pytest" "$WALL" "$RSS_MB" "$STATUS" \
        "$(grep -E '[0-9]+ (passed|failed)' "$SCRATCH/b_untraced.log" | tail -n 1)"
    timed b_unsharded "$project" "$HYBRIDIZE" trace --quiet --db "$SCRATCH/unsharded.sqlite" --python "$PYTHON" \
        -- "${pytest_args[@]}"
    printf '  %-28s %8.2f s  %5d MiB  (exit %d) %s\n' "traced unsharded" "$WALL" "$RSS_MB" "$STATUS" \
        "$(stat -c %s "$SCRATCH/unsharded.sqlite") bytes"
    local shard_sum=0 shard_max=0 shards=() k
    for k in $(seq 1 "$SHARDS"); do
        timed "b_shard$k" "$project" "$HYBRIDIZE" trace --quiet --db "$SCRATCH/shard$k.sqlite" --python "$PYTHON" \
            --shard "$k/$SHARDS" -- "${pytest_args[@]}"
        printf '  %-28s %8.2f s  %5d MiB  (exit %d) %s bytes, %s tests\n' "traced shard $k/$SHARDS" "$WALL" "$RSS_MB" \
            "$STATUS" "$(stat -c %s "$SCRATCH/shard$k.sqlite")" "$(sql "$SCRATCH/shard$k.sqlite" 'SELECT count(*) FROM tests')"
        shard_sum=$(awk -v a="$shard_sum" -v b="$WALL" 'BEGIN { print a + b }')
        shard_max=$(awk -v a="$shard_max" -v b="$WALL" 'BEGIN { print (b > a) ? b : a }')
        shards+=("$SCRATCH/shard$k.sqlite")
    done
    printf '  %-28s %8.2f s  (slowest shard %.2f s: the wall time on %d machines)\n' "shards, one after another" \
        "$shard_sum" "$shard_max" "$SHARDS"
    timed b_merge "$SCRATCH" "$HYBRIDIZE" trace merge "$SCRATCH/merged.sqlite" "${shards[@]}"
    printf '  %-28s %8.2f s  %5d MiB  (exit %d) %s bytes\n' "trace merge" "$WALL" "$RSS_MB" "$STATUS" \
        "$(stat -c %s "$SCRATCH/merged.sqlite")"
    compare_views "$SCRATCH/unsharded.sqlite" "$SCRATCH/merged.sqlite"
}

case $PART in
a) part_a ;;
b) part_b ;;
*) part_a; part_b ;;
esac
