#!/usr/bin/env bash
# Rerunnable benchmark of `hybridize trace`: wall-time overhead and database size on two pytest
# suites (untraced, the default frame-eval hook, the profile hook, and MonkeyType), then the
# per-call hook cost for library and project frames. See Benchmarks/README.md.
#
# Environment:
#   HYBRIDIZE   hybridize binary (default: build with `swift build -c release --scratch-path .build-bench`)
#   PYTHON      runtime virtualenv's python (default: the last line of Runtime/bootstrap)
#   REPS        repetitions per configuration, interleaved (default 3); the median is reported
#   MONKEYTYPE_REPS  repetitions of the MonkeyType runs (default REPS); one is enough to see its
#               ratios, which are an order of magnitude from hybridize's, and saves ~2 minutes each
#   SUITES      pytest suites under Benchmarks/suites to time (default "tf_training python_calls")
#   RESULTS     folder for logs, trace databases and raw timings (default Benchmarks/.results)
set -uo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
REPS=${REPS:-3}
MONKEYTYPE_REPS=${MONKEYTYPE_REPS:-$REPS}
SUITES=${SUITES:-"tf_training python_calls"}
RESULTS=${RESULTS:-$BENCH/.results}
MT_VENV=$BENCH/.venv-monkeytype
MONKEYTYPE_VERSION=23.3.0
export TF_CPP_MIN_LOG_LEVEL=3
export PYTHONDONTWRITEBYTECODE=1

log() { printf '%s\n' "$*" >&2; }
die() { log "trace_overhead: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------

if [[ -z "${HYBRIDIZE:-}" ]]; then
    log "building hybridize (swift build -c release --scratch-path .build-bench)..."
    (cd "$ROOT" && swift build -c release --scratch-path .build-bench >&2) || die "swift build failed"
    HYBRIDIZE=$ROOT/.build-bench/release/hybridize
fi
[[ -x "$HYBRIDIZE" ]] || die "no hybridize binary at $HYBRIDIZE"

if [[ -z "${PYTHON:-}" ]]; then
    PYTHON=$("$ROOT/Runtime/bootstrap" | tail -n 1) || die "Runtime/bootstrap failed"
fi
[[ -x "$PYTHON" ]] || die "no runtime python at $PYTHON"

# MonkeyType in its own virtualenv; a .pth file makes the runtime venv's TensorFlow and pytest
# importable there, so every tool runs the same library code.
if [[ ! -x "$MT_VENV/bin/monkeytype" ]]; then
    log "creating $MT_VENV with MonkeyType $MONKEYTYPE_VERSION..."
    /usr/bin/python3 -m venv "$MT_VENV" || die "python3 -m venv failed"
    "$MT_VENV/bin/pip" install -q "MonkeyType==$MONKEYTYPE_VERSION" >&2 || die "pip install MonkeyType failed"
fi
RUNTIME_SITE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
MT_SITE=$("$MT_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
printf '%s\n' "$RUNTIME_SITE" >"$MT_SITE/hybridize-runtime.pth"
"$MT_VENV/bin/python" -c 'import pytest, tensorflow' 2>/dev/null \
    || die "MonkeyType's venv cannot import pytest and tensorflow through $MT_SITE/hybridize-runtime.pth"

mkdir -p "$RESULTS"
TIMINGS=$RESULTS/timings.tsv
HOOKCOST=$RESULTS/hook_cost.tsv
: >"$TIMINGS"
: >"$HOOKCOST"
FAILURES=0

log "hybridize: $HYBRIDIZE"
log "python:    $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
log "machine:   $(nproc) cores, $(uname -sr); repetitions: $REPS; results in $RESULTS"

# --- one timed run -----------------------------------------------------------------------------

# timed LOG CMD...: runs CMD with stdout+stderr to LOG, sets SECONDS_TAKEN and STATUS.
timed() {
    local logfile=$1
    shift
    local TIMEFORMAT=%3R
    { time "$@" >"$logfile" 2>&1; } 2>"$logfile.time"
    STATUS=$?
    SECONDS_TAKEN=$(tail -n 1 "$logfile.time")
    if [[ $STATUS -ne 0 ]]; then
        FAILURES=$((FAILURES + 1))
        log "FAILED (exit $STATUS) in $PWD: $*"
        tail -n 15 "$logfile" | sed 's/^/    | /' >&2
    fi
}

bytes_of() { # total bytes of the given files that exist
    local total=0 f
    for f in "$@"; do
        [[ -f "$f" ]] && total=$((total + $(stat -c %s "$f")))
    done
    echo "$total"
}

calls_in() { # the call count from hybridize's summary line
    sed -n 's/.*hybridize: traced [0-9]* functions, \([0-9]*\) calls.*/\1/p' "$1" | tail -n 1
}

PYTEST=(-m pytest -q -p no:cacheprovider)

run_suite() { # SUITE REP MODE
    local suite=$1 rep=$2 mode=$3
    local dir=$BENCH/suites/$suite
    local logfile=$RESULTS/$suite.$mode.$rep.log
    local db=$RESULTS/$suite.$mode.sqlite
    local dbbytes=0 calls=""
    cd "$dir" || die "no suite $dir"
    case $mode in
    untraced)
        timed "$logfile" "$PYTHON" "${PYTEST[@]}"
        ;;
    frame-eval | profile)
        rm -f "$db" "$db-wal" "$db-shm"
        timed "$logfile" "$HYBRIDIZE" trace --db "$db" --quiet --python "$PYTHON" --hook "$mode" \
            -- pytest -q -p no:cacheprovider
        dbbytes=$(bytes_of "$db" "$db-wal")
        calls=$(calls_in "$logfile")
        ;;
    monkeytype)
        # MonkeyType's default filter skips only its own venv's site-packages and the stdlib; the
        # runtime venv reached through the .pth would count as user code, so trace only files
        # under the suite's folder, as hybridize does.
        db=$RESULTS/$suite.monkeytype.sqlite3
        rm -f "$db" "$db-wal" "$db-journal"
        timed "$logfile" env MT_DB_PATH="$db" MONKEYTYPE_TRACE_MODULES="$suite" \
            "$MT_VENV/bin/monkeytype" run "${PYTEST[@]}"
        dbbytes=$(bytes_of "$db" "$db-wal")
        rm -f "$db" "$db-wal" "$db-journal"  # can be gigabytes
        ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$suite" "$mode" "$rep" "$SECONDS_TAKEN" "$STATUS" "$dbbytes" "${calls:-}" >>"$TIMINGS"
    log "  $suite $mode #$rep: ${SECONDS_TAKEN}s (exit $STATUS)${calls:+, $calls calls}"
    cd "$BENCH" || exit 1
}

run_hook_cost() { # REP MODE
    local rep=$1 mode=$2
    local dir=$BENCH/suites/hook_cost
    local logfile=$RESULTS/hook_cost.$mode.$rep.log
    local db=$RESULTS/hook_cost.$mode.sqlite
    cd "$dir" || die "no $dir"
    if [[ $mode == untraced ]]; then
        timed "$logfile" "$PYTHON" run.py
    else
        rm -f "$db" "$db-wal" "$db-shm"
        timed "$logfile" "$HYBRIDIZE" trace --db "$db" --quiet --python "$PYTHON" --hook "$mode" -- run.py
    fi
    local json
    json=$(grep -m 1 '^{' "$logfile")
    printf '%s\t%s\t%s\t%s\n' "$mode" "$rep" "$STATUS" "$json" >>"$HOOKCOST"
    log "  hook_cost $mode #$rep: $json"
    cd "$BENCH" || exit 1
}

# --- the runs, interleaved ---------------------------------------------------------------------

for rep in $(seq 1 "$REPS"); do
    log "repetition $rep/$REPS"
    for suite in $SUITES; do
        for mode in untraced frame-eval profile monkeytype; do
            if [[ $mode == monkeytype && $rep -gt $MONKEYTYPE_REPS ]]; then continue; fi
            run_suite "$suite" "$rep" "$mode"
        done
    done
    for mode in untraced frame-eval profile; do
        run_hook_cost "$rep" "$mode"
    done
done

# --- the report --------------------------------------------------------------------------------

/usr/bin/python3 - "$TIMINGS" "$HOOKCOST" "$(nproc)" <<'PY' | tee "$RESULTS/report.md"
import json
import statistics
import sys
from collections import defaultdict

timings_path, hookcost_path, cores = sys.argv[1:4]

runs = defaultdict(list)
for line in open(timings_path):
    suite, mode, rep, seconds, status, dbbytes, calls = line.rstrip("\n").split("\t")
    runs[suite, mode].append(dict(seconds=float(seconds), status=int(status), db=int(dbbytes),
                                  calls=int(calls) if calls else None))
suites = list(dict.fromkeys(s for s, _ in runs))


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def ratio(a, b):
    return a / b if a is not None and b else None


print()
print(f"trace overhead: median of {max((len(v) for v in runs.values()), default=0)} interleaved runs, wall seconds, {cores} cores")
print()
header = ["suite", "untraced s", "traced s", "traced/untraced", "profile-hook ratio", "MonkeyType ratio",
          "added-time ratio MT/hyb", "hyb db bytes", "MT db bytes", "db ratio MT/hyb", "calls traced",
          "hyb db bytes per M calls"]
print("| " + " | ".join(header) + " |")
print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
notes = []
for suite in suites:
    m = {mode: median(r["seconds"] for r in runs[suite, mode]) for mode in
         ("untraced", "frame-eval", "profile", "monkeytype")}
    hyb_db = median(r["db"] for r in runs[suite, "frame-eval"])
    mt_db = median(r["db"] for r in runs[suite, "monkeytype"])
    calls = median(r["calls"] for r in runs[suite, "frame-eval"])
    profile_calls = median(r["calls"] for r in runs[suite, "profile"])
    base = m["untraced"]
    hyb_added = m["frame-eval"] - base if None not in (m["frame-eval"], base) else None
    mt_added = m["monkeytype"] - base if None not in (m["monkeytype"], base) else None
    added = ratio(mt_added, hyb_added) if hyb_added and hyb_added > 0 else None
    per_million = hyb_db / (calls / 1e6) if hyb_db and calls else None
    row = [suite, fmt(base, ".2f"), fmt(m["frame-eval"], ".2f"), fmt(ratio(m["frame-eval"], base), ".2f"),
           fmt(ratio(m["profile"], base), ".2f"), fmt(ratio(m["monkeytype"], base), ".2f"),
           fmt(added, ".1f"), fmt(hyb_db, ",.0f"), fmt(mt_db, ",.0f"), fmt(ratio(mt_db, hyb_db), ",.0f"),
           fmt(calls, ",.0f"), fmt(per_million, ",.0f")]
    print("| " + " | ".join(row) + " |")
    if calls != profile_calls:
        notes.append(f"{suite}: the profile hook traced {fmt(profile_calls, ',.0f')} calls, "
                     f"the frame-eval hook {fmt(calls, ',.0f')}")
    for mode in ("untraced", "frame-eval", "profile", "monkeytype"):
        failed = [r for r in runs[suite, mode] if r["status"] != 0]
        if failed:
            notes.append(f"{suite} {mode}: {len(failed)} run(s) exited non-zero")

hook = defaultdict(list)
for line in open(hookcost_path):
    mode, rep, status, payload = line.rstrip("\n").split("\t", 3)
    if int(status) != 0 or not payload.startswith("{"):
        notes.append(f"hook_cost {mode} #{rep}: exit {status}, no result")
        continue
    hook[mode].append(json.loads(payload))

if hook.get("untraced"):
    print()
    print("hook cost per call (median loop times inside run.py; traced minus untraced, over the call count)")
    print()
    print("| hook | library loop s | ns per non-project call | project loop s | ns per project call | ns per project method call |")
    print("|---|---:|---:|---:|---:|---:|")
    base = hook["untraced"]
    lib0 = median(r["library_s"] for r in base)
    proj0 = median(r["project_s"] for r in base)
    meth0 = median(r["method_s"] for r in base)
    print(f"| untraced | {lib0:.3f} | – | {proj0:.3f} | – | – |")
    for mode in ("frame-eval", "profile"):
        if not hook.get(mode):
            continue
        lib = median(r["library_s"] for r in hook[mode])
        proj = median(r["project_s"] for r in hook[mode])
        meth = median(r["method_s"] for r in hook[mode])
        n_lib = base[0]["library_calls"]
        n_proj = base[0]["project_calls"]
        print(f"| {mode} | {lib:.3f} | {(lib - lib0) / n_lib * 1e9:.0f} | {proj:.3f} | {(proj - proj0) / n_proj * 1e9:.0f} | {(meth - meth0) / n_proj * 1e9:.0f} |")
    print()
    print(f"({base[0]['library_calls']:,} calls of a function under vendor/site-packages, "
          f"{base[0]['project_calls']:,} calls of a project function and as many of a project method on one receiver)")

if notes:
    print()
    for note in notes:
        print("note: " + note)
PY

if [[ $FAILURES -ne 0 ]]; then
    log "trace_overhead: $FAILURES run(s) failed; logs in $RESULTS"
    exit 1
fi
