#!/usr/bin/env bash
# The whole hybridize flow (trace, audit, refactor --apply --verify) on TensorFlow projects nobody
# here wrote, from the source distributions they publish on PyPI, with the test suites they ship.
#
# For each project:
#   1. `pip download --no-binary :all: --no-deps NAME==VERSION` into $CACHE/sdists (kept), and a
#      fresh unpack into $WORK/NAME-VERSION (the refactor edits it, so every run starts clean);
#   2. a virtualenv of its own, made by Debian's /usr/bin/python3 (the interpreter hybridize
#      embeds, as Runtime/bootstrap does), with tensorflow-cpu, pytest and the project's
#      dependencies; kept in $CACHE/venvs, keyed by project, version and package list. The project
#      itself is not installed: a .pth file puts the unpacked source on sys.path, so that its files
#      are project code (under the root, outside any site-packages) for the tracer;
#   3. the suite untraced, timed, with pytest's counts;
#   4. the suite under `hybridize trace`, timed, with pytest's counts and the trace database's
#      `tests` table, which must agree with the untraced run;
#   5. `hybridize audit --format json`: candidates, refactorable share, assumptions by status;
#   6. `hybridize refactor --apply --verify --format json` (HYBRIDIZE_PYTHON names the project's
#      venv for verify's child `hybridize trace` runs): edits kept and reverted, and the speedups
#      from .hybridize/verify.json;
#   7. one row per project in a Markdown table, printed and written to $RESULTS_MD.
#
# Usage: Benchmarks/real_projects.sh [PROJECT...]      (default: every project below)
#
# Environment:
#   HYBRIDIZE        the hybridize binary (default: .build/release/hybridize; this script never builds)
#   HYBRIDIZE_RUNTIME  the Runtime/ folder the binary reads (default: this repo's Runtime/)
#   CACHE            sdists and venvs (default ~/.cache/hybridize/real-projects)
#   WORK             scratch: unpacked projects, logs, trace databases, per-project results
#                    (default /tmp/hybridize-real-projects)
#   RESULTS_MD       the Markdown table (default Benchmarks/results/real_projects.md)
#   STEP_TIMEOUT     seconds allowed to each untraced/traced suite run (default 3600)
#   VERIFY_TIMEOUT   seconds allowed to refactor --verify (default 7200)
#   SKIP_VERIFY=1    stop after the audit (the table then says "not run" for the refactor)
#   SETUP_ONLY=1     only download, unpack and make the venvs (e.g. ahead of a timed run)
#   TABLE_ONLY=1     run nothing: summarize the last run of each project in $WORK and write the table
#   FROM_STEP=refactor  reuse the last run's tree, traces and audit (after `refactor --undo`) and
#                    redo only the refactor steps
#
# Rows of projects not run this time are kept from their last run (their summaries stay in
# $WORK/results), so `Benchmarks/real_projects.sh larq` refreshes one row of the table.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hybridize/real-projects}
WORK=${WORK:-/tmp/hybridize-real-projects}
RESULTS_MD=${RESULTS_MD:-$BENCH/results/real_projects.md}
STEP_TIMEOUT=${STEP_TIMEOUT:-3600}
VERIFY_TIMEOUT=${VERIFY_TIMEOUT:-7200}
SKIP_VERIFY=${SKIP_VERIFY:-0}
SETUP_ONLY=${SETUP_ONLY:-0}
TABLE_ONLY=${TABLE_ONLY:-0}
FROM_STEP=${FROM_STEP:-}
BASE_PYTHON=/usr/bin/python3
TF_REQUIREMENT=tensorflow-cpu==2.21.0
# Every venv gets these besides the project's own dependencies. pytest-timeout stops a test that
# hangs (under tracing or not) instead of the whole run.
COMMON_REQUIREMENTS=("$TF_REQUIREMENT" "pytest==9.0.3" "pytest-timeout==2.4.0")
PYTEST_OPTIONS=(-q -p no:cacheprovider --timeout=900)

export HYBRIDIZE_RUNTIME=${HYBRIDIZE_RUNTIME:-$ROOT/Runtime}
export TF_CPP_MIN_LOG_LEVEL=3
export PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '[real_projects] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- the projects ------------------------------------------------------------------------------
# Each sets: P_NAME, P_VERSION; P_DEPS (pip requirements installed with their dependencies);
# P_NODEPS (installed with --no-deps: tf-keras, whose metadata asks for the full `tensorflow`
# wheel, which would be a second TensorFlow beside tensorflow-cpu); P_ENV (NAME=VALUE for every
# run); P_SRC (the folder, relative to the unpacked root, that goes on sys.path); P_TESTS (pytest
# arguments after the common options); P_VERIFY (arguments after `refactor ... --verify --`, empty
# for the command the trace database recorded); P_VERIFY_TOP (0: verify every planned edit; N: only
# the N planned edits whose functions took the most eager time, by `--only`, where verifying them
# all would take hours); P_NOTE (said under the table).

project_psiz() {
    P_NAME=psiz P_VERSION=0.13.1
    # psiz's own list, less `tensorflow` (tensorflow-cpu stands in) and tf-keras (no deps).
    P_DEPS=("keras>=3.5,<4.0" "tensorflow-probability==0.25.0" "h5py>=3.0" pandas scikit-learn
            matplotlib pillow imageio)
    P_NODEPS=("tf-keras==2.21.0")
    P_ENV=()
    P_SRC=src
    P_TESTS=(tests)
    P_VERIFY=()
    # 51 planned edits, whose first verify run broke 40 tests: bisecting them all would take some
    # 40-60 runs of 2.5-5 minutes each.
    P_VERIFY_TOP=8
    P_NOTE="psiz: Keras 3; the sdist's tests/ folder, whole (2 tests fail with and without tracing: tf.summary.scalar needs TensorBoard, which psiz does not list)."
}

project_larq() {
    P_NAME=larq P_VERSION=0.14.0
    P_DEPS=("numpy>=1.26,<2.0" "terminaltables>=3.1.0" "packaging>=19.2" "pytest-mock>=3.11"
            "snapshottest==0.6.*")
    P_NODEPS=("tf-keras==2.21.0")
    P_ENV=(TF_USE_LEGACY_KERAS=1)
    P_SRC=.
    P_TESTS=(larq)
    P_VERIFY=()
    P_VERIFY_TOP=0
    P_NOTE="larq: tf.keras (Keras 2) through tf-keras with TF_USE_LEGACY_KERAS=1; its *_test.py files beside the code (3 tests of larq/optimizers_test.py fail with and without tracing: they download MNIST, and this machine reaches no host but PyPI)."
}

project_deel_lip() {
    P_NAME=deel-lip P_VERSION=1.5.0
    # numpy 1.x as in its day (its tests call float() on 1x1 arrays, an error under numpy 2);
    # tensorboard for tests/test_compute_layer_sv.py (tensorflow-cpu 2.21 no longer pulls it in).
    P_DEPS=("numpy>=1.26,<2.0" tensorboard)
    P_NODEPS=("tf-keras==2.21.0")
    P_ENV=(TF_USE_LEGACY_KERAS=1)
    P_SRC=.
    # tests/test_unconstrained_layers.py does `from .test_layers import ...`, but tests/ has no
    # __init__.py (the project runs `python -m unittest`): it cannot be imported by pytest.
    P_TESTS=(tests --ignore=tests/test_unconstrained_layers.py)
    # 38 planned edits, and tests/test_layers.py and tests/test_compute_layer_sv.py take 220 of the
    # suite's 250 traced seconds: verify every edit on the rest of the suite (about 45 s a run).
    P_VERIFY=(pytest "${PYTEST_OPTIONS[@]}" tests --ignore=tests/test_unconstrained_layers.py
              --ignore=tests/test_layers.py --ignore=tests/test_compute_layer_sv.py)
    P_VERIFY_TOP=0
    P_NOTE="deel-lip: tf.keras (Keras 2) through tf-keras with TF_USE_LEGACY_KERAS=1; unittest-style tests run by pytest, less tests/test_unconstrained_layers.py (a relative import from a folder that is no package)."
}

ALL_PROJECTS=(psiz larq deel-lip)

load_project() {
    case $1 in
    psiz) project_psiz ;;
    larq) project_larq ;;
    deel-lip) project_deel_lip ;;
    *) die "unknown project '$1' (known: ${ALL_PROJECTS[*]})" ;;
    esac
}

# --- tools -------------------------------------------------------------------------------------

if [[ -z "${HYBRIDIZE:-}" ]]; then
    HYBRIDIZE=$ROOT/.build/release/hybridize
fi
[[ -x "$HYBRIDIZE" ]] || die "no hybridize binary at $HYBRIDIZE: build it (swift build -c release) or set HYBRIDIZE"
[[ -f "$HYBRIDIZE_RUNTIME/hybridize_runtime.py" ]] || die "HYBRIDIZE_RUNTIME=$HYBRIDIZE_RUNTIME has no hybridize_runtime.py"
[[ -x "$BASE_PYTHON" ]] || die "$BASE_PYTHON not found: apt-get install python3 python3-venv libpython3-dev"
"$BASE_PYTHON" -c 'import venv, ensurepip' 2>/dev/null || die "$BASE_PYTHON has no venv module: apt-get install python3-venv"
command -v timeout >/dev/null || die "coreutils' timeout not found"

mkdir -p "$CACHE/sdists" "$CACHE/venvs" "$WORK/results" "$(dirname "$RESULTS_MD")"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# run_step STEP DIR LOG LIMIT CMD...: runs CMD in DIR with the project's environment, output to
# LOG; sets STEP_SECONDS and STEP_RC and appends them to the project's steps.tsv. A non-zero exit
# is not fatal here (a failing test is a result); the caller decides.
run_step() {
    local step=$1 dir=$2 logfile=$3 limit=$4
    shift 4
    local start end
    log "$P_NAME: $step ... (log: $logfile)"
    start=$(now)
    set +e
    (cd "$dir" && exec env "${P_ENV[@]}" timeout --kill-after=60 "$limit" "$@") >"$logfile" 2>&1
    STEP_RC=$?
    set -e
    end=$(now)
    STEP_SECONDS=$(elapsed "$start" "$end")
    printf '%s\t%s\t%s\n' "$step" "$STEP_SECONDS" "$STEP_RC" >>"$PWORK/steps.tsv"
    local note=""
    [[ $STEP_RC -eq 124 || $STEP_RC -eq 137 ]] && note=" (TIMED OUT after ${limit}s)"
    log "$P_NAME: $step took ${STEP_SECONDS}s, exit $STEP_RC$note"
}

record_time() { # STEP START: appends a step done in this shell
    local end
    end=$(now)
    printf '%s\t%s\t0\n' "$1" "$(elapsed "$2" "$end")" >>"$PWORK/steps.tsv"
    log "$P_NAME: $1 took $(elapsed "$2" "$end")s"
}

# --- one project -------------------------------------------------------------------------------

fetch_and_unpack() {
    local sdists=$CACHE/sdists sdist
    sdist=$(find "$sdists" -maxdepth 1 -type f \( -iname "${P_NAME}-${P_VERSION}.tar.gz" \
        -o -iname "${P_NAME//-/_}-${P_VERSION}.tar.gz" -o -iname "${P_NAME}-${P_VERSION}.zip" \) | head -n 1)
    if [[ -z "$sdist" ]]; then
        log "$P_NAME: downloading the sdist $P_NAME==$P_VERSION into $sdists"
        "$BASE_PYTHON" -m pip download --no-binary :all: --no-deps --disable-pip-version-check \
            -d "$sdists" "$P_NAME==$P_VERSION" >"$PWORK/download.log" 2>&1 \
            || { tail -n 20 "$PWORK/download.log" >&2; die "pip download $P_NAME==$P_VERSION failed"; }
        sdist=$(find "$sdists" -maxdepth 1 -type f \( -iname "${P_NAME}-${P_VERSION}.tar.gz" \
            -o -iname "${P_NAME//-/_}-${P_VERSION}.tar.gz" -o -iname "${P_NAME}-${P_VERSION}.zip" \) | head -n 1)
        [[ -n "$sdist" ]] || die "pip download said it saved $P_NAME==$P_VERSION, but no sdist is in $sdists"
    fi
    rm -rf "$PWORK/src"
    mkdir -p "$PWORK/src"
    case $sdist in
    *.zip) (cd "$PWORK/src" && "$BASE_PYTHON" -m zipfile -e "$sdist" .) ;;
    *) tar -xzf "$sdist" -C "$PWORK/src" ;;
    esac
    PROOT=$(find "$PWORK/src" -mindepth 1 -maxdepth 1 -type d | head -n 1)
    [[ -d "$PROOT" ]] || die "$sdist unpacked to nothing"
    SDIST=$sdist
}

make_venv() {
    local spec digest
    spec=$(printf '%s\n' "python $("$BASE_PYTHON" -c 'import sys; print(sys.version.split()[0])')" \
        "${COMMON_REQUIREMENTS[@]}" "${P_DEPS[@]}" "--no-deps" "${P_NODEPS[@]}")
    digest=$(printf '%s' "$spec" | sha256sum | cut -c1-12)
    VENV=$CACHE/venvs/$P_NAME-$P_VERSION-$digest
    local stamp=$VENV/.real-projects-spec
    if [[ -x "$VENV/bin/python" && -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$spec" ]]; then
        log "$P_NAME: reusing $VENV"
        return
    fi
    log "$P_NAME: making $VENV (tensorflow-cpu and the project's dependencies; minutes)"
    rm -rf "$VENV"
    {
        "$BASE_PYTHON" -m venv "$VENV" &&
            "$VENV/bin/python" -m pip install --quiet --upgrade pip &&
            "$VENV/bin/python" -m pip install --quiet "${COMMON_REQUIREMENTS[@]}" "${P_DEPS[@]}" &&
            { [[ ${#P_NODEPS[@]} -eq 0 ]] || "$VENV/bin/python" -m pip install --quiet --no-deps "${P_NODEPS[@]}"; } &&
            env "${P_ENV[@]}" "$VENV/bin/python" -c 'import tensorflow, pytest; print("tensorflow", tensorflow.__version__)'
    } >"$PWORK/venv.log" 2>&1 || { tail -n 30 "$PWORK/venv.log" >&2; rm -rf "$VENV"; die "making the venv for $P_NAME failed (log: $PWORK/venv.log)"; }
    # One TensorFlow only: a dependency that pulled in the full `tensorflow` wheel beside
    # tensorflow-cpu would shadow it.
    if "$VENV/bin/python" -m pip show tensorflow >/dev/null 2>&1; then
        rm -rf "$VENV"
        die "$P_NAME: a dependency installed the full 'tensorflow' wheel beside $TF_REQUIREMENT; move it to P_NODEPS"
    fi
    printf '%s' "$spec" >"$stamp"
}

# The unpacked source goes on sys.path through a .pth file, rewritten each run (WORK may move).
link_source() {
    local site
    site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    (cd "$PROOT/$P_SRC" && pwd) >"$site/real-project-source.pth"
}

run_project() {
    load_project "$1"
    PWORK=$WORK/$P_NAME
    mkdir -p "$PWORK"
    rm -f "$WORK/results/$P_NAME.json"
    local start
    log "=== $P_NAME $P_VERSION"

    if [[ $FROM_STEP == refactor ]]; then
        # Reuse the unpacked tree, its trace.sqlite and the logs of the last run; drop the steps
        # from the refactor on, and put the files back as they were before any edit.
        PROOT=$(find "$PWORK/src" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n 1)
        [[ -n "$PROOT" && -f "$PROOT/trace.sqlite" && -f "$PWORK/steps.tsv" ]] \
            || die "$P_NAME: FROM_STEP=refactor needs a previous run in $PWORK"
        grep -v -E '^(refactor-plan|refactor-verify)\b' "$PWORK/steps.tsv" >"$PWORK/steps.tsv.new" || true
        mv "$PWORK/steps.tsv.new" "$PWORK/steps.tsv"
        make_venv
        link_source
        if [[ -f "$PROOT/.hybridize/journal.json" ]]; then
            (cd "$PROOT" && "$HYBRIDIZE" refactor --undo >&2) || die "$P_NAME: refactor --undo failed in $PROOT"
        fi
        rm -f "$PWORK/verify.json" "$PWORK/refactor.json" "$PWORK/refactor.log"
    else
        : >"$PWORK/steps.tsv"
        rm -f "$PWORK"/*.log "$PWORK"/*.json "$PWORK"/*.txt
        start=$(now)
        fetch_and_unpack
        record_time "download+unpack" "$start"

        start=$(now)
        make_venv
        link_source
        record_time "venv" "$start"
        if [[ $SETUP_ONLY == 1 ]]; then
            log "$P_NAME: ready: $PROOT with $VENV"
            return
        fi
    fi

    local py=$VENV/bin/python
    if [[ $FROM_STEP != refactor ]]; then
        # 3. untraced
        run_step untraced "$PROOT" "$PWORK/untraced.log" "$STEP_TIMEOUT" \
            "$py" -m pytest "${PYTEST_OPTIONS[@]}" "${P_TESTS[@]}"

        # 4. traced
        rm -f "$PROOT/trace.sqlite" "$PROOT/trace.sqlite-wal" "$PROOT/trace.sqlite-shm"
        run_step traced "$PROOT" "$PWORK/traced.log" "$STEP_TIMEOUT" \
            "$HYBRIDIZE" trace --quiet --python "$py" --db trace.sqlite -- pytest "${PYTEST_OPTIONS[@]}" "${P_TESTS[@]}"
        [[ -f "$PROOT/trace.sqlite" ]] || die "$P_NAME: the traced run wrote no trace.sqlite (log: $PWORK/traced.log)"

        # 5. audit
        run_step audit "$PROOT" "$PWORK/audit.json" "$STEP_TIMEOUT" \
            "$HYBRIDIZE" audit --traces trace.sqlite --format json
        run_step audit-text "$PROOT" "$PWORK/audit.txt" "$STEP_TIMEOUT" \
            "$HYBRIDIZE" audit --traces trace.sqlite
    fi

    # 6. refactor: the plan (a dry run) first, then --apply --verify.
    run_step refactor-plan "$PROOT" "$PWORK/plan.json" "$STEP_TIMEOUT" \
        "$HYBRIDIZE" refactor --traces trace.sqlite --format json
    if [[ $SKIP_VERIFY == 1 ]]; then
        log "$P_NAME: SKIP_VERIFY=1: no refactor --verify"
        summarize "$P_NAME"
        return
    fi
    local only=()
    : >"$PWORK/only.txt"
    if [[ ${P_VERIFY_TOP:-0} -gt 0 ]]; then
        # The N planned edits whose functions took the most eager time in the traced run.
        "$BASE_PYTHON" - "$PWORK/plan.json" "$PWORK/audit.json" "$P_VERIFY_TOP" >"$PWORK/only.txt" <<'PY'
import json, sys
plan, audit, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = lambda p: [json.loads(l) for l in open(p) if l.startswith("{")]
eager = {(f["file"], f["qualname"]): ((f.get("trace") or {}).get("eagerSeconds") or 0) for f in rows(audit)}
planned = [r for r in rows(plan) if r.get("status") == "PLANNED"]
planned.sort(key=lambda r: -eager.get((r["file"], r["qualname"]), 0))
for r in planned[:n]:
    print(r["qualname"])
PY
        local q
        while IFS= read -r q; do only+=(--only "$q"); done <"$PWORK/only.txt"
        log "$P_NAME: verifying the top $P_VERIFY_TOP planned edits by eager time: $(paste -sd' ' "$PWORK/only.txt")"
    fi
    local verify_cmd=("$HYBRIDIZE" refactor --traces trace.sqlite "${only[@]}" --apply --verify --format json)
    [[ ${#P_VERIFY[@]} -gt 0 ]] && verify_cmd+=(-- "${P_VERIFY[@]}")
    printf '%q ' "${verify_cmd[@]}" >"$PWORK/refactor.cmd"
    log "$P_NAME: refactor --apply --verify ... (JSON: $PWORK/refactor.json, progress: $PWORK/refactor.log)"
    local vstart vend refactor_rc
    vstart=$(now)
    set +e
    # stdout is the JSON lines, stderr verify's progress: kept apart.
    (cd "$PROOT" && exec env "${P_ENV[@]}" HYBRIDIZE_PYTHON="$py" \
        timeout --kill-after=60 "$VERIFY_TIMEOUT" "${verify_cmd[@]}") \
        >"$PWORK/refactor.json" 2>"$PWORK/refactor.log"
    refactor_rc=$?
    set -e
    vend=$(now)
    printf '%s\t%s\t%s\n' refactor-verify "$(elapsed "$vstart" "$vend")" "$refactor_rc" >>"$PWORK/steps.tsv"
    log "$P_NAME: refactor --apply --verify took $(elapsed "$vstart" "$vend")s, exit $refactor_rc"
    if [[ $refactor_rc -eq 124 || $refactor_rc -eq 137 ]]; then
        # verify's child `hybridize trace` runs in a process group of its own and outlives a
        # killed refactor: end the ones running in this project's tree.
        local pid
        for pid in $(pgrep -f 'hybridize-verify-' || true); do
            [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$PROOT" ]] && kill -TERM "$pid" 2>/dev/null && log "$P_NAME: ended verify's orphaned child $pid"
        done
        log "$P_NAME: the tree is left mid-verify; 'cd $PROOT && $HYBRIDIZE refactor --undo' restores it"
    fi
    [[ -f "$PROOT/.hybridize/verify.json" ]] && cp "$PROOT/.hybridize/verify.json" "$PWORK/verify.json"
    summarize "$P_NAME"
}

# summarize PROJECT: $WORK/results/PROJECT.json from the logs and files of its last run (also
# what TABLE_ONLY=1 does for every project run before).
summarize() {
    load_project "$1"
    PWORK=$WORK/$P_NAME
    PROOT=$(find "$PWORK/src" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n 1)
    [[ -f "$PWORK/steps.tsv" && -n "$PROOT" ]] || { log "$P_NAME: no run in $PWORK to summarize"; return; }
    "$BASE_PYTHON" - "$PWORK" "$PROOT" "$WORK/results/$P_NAME.json" <<PY
import json, os, re, sqlite3, sys
pwork, proot, out = sys.argv[1:4]

def counts(log_path):
    """pytest's closing line: {'passed': n, 'failed': n, ...}; None without one."""
    try:
        lines = open(log_path, errors="replace").read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        if re.search(r"\bin [0-9.]+s\b", line) and re.search(r"\d+ (passed|failed|error|skipped|no tests ran)", line):
            c = {k: 0 for k in ("passed", "failed", "errors", "skipped", "xfailed", "xpassed")}
            for n, word in re.findall(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)", line):
                c["errors" if word.startswith("error") else word] = int(n)
            return c
    return None

def db_counts(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        run = con.execute("SELECT max(id) FROM runs").fetchone()[0]
        rows = con.execute("SELECT coalesce(outcome, 'unfinished'), count(*) FROM tests WHERE run_id = ? GROUP BY 1", (run,)).fetchall()
        return dict(rows)
    except Exception as e:
        return {"error": str(e)}

def audit(path):
    funcs = []
    bad = 0
    try:
        for line in open(path, errors="replace"):
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                funcs.append(json.loads(line))
            except ValueError:
                bad += 1
    except OSError:
        return None
    statuses = {}
    for f in funcs:
        for a in f.get("assumptions") or []:
            statuses[a.get("status") or "null"] = statuses.get(a.get("status") or "null", 0) + 1
    def in_tests(path):  # refactor's rule for a suite's own files, which it never edits
        parts = path.split("/")
        base = parts[-1]
        return (base.startswith("test_") or base.endswith("_test.py") or base == "conftest.py"
                or "tests" in parts[:-1] or "test" in parts[:-1])
    lib = [f for f in funcs if not in_tests(f.get("file", ""))]
    return {"functions": len(funcs), "refactorable": sum(1 for f in funcs if f.get("refactorable")),
            "library_functions": len(lib), "library_refactorable": sum(1 for f in lib if f.get("refactorable")),
            "hybrid": sum(1 for f in funcs if f.get("hybrid")),
            "traced": sum(1 for f in funcs if f.get("trace")),
            "assumptions": statuses, "unparsed_lines": bad}

def refactor(path):
    rows = []
    try:
        for line in open(path, errors="replace"):
            line = line.strip()
            if line.startswith("{"):
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    pass
    except OSError:
        return None
    by = {}
    for r in rows:
        by[r.get("status")] = by.get(r.get("status"), 0) + 1
    return {"statuses": by, "rows": [{k: r.get(k) for k in ("file", "qualname", "line", "transformation", "status", "speedup", "reason", "brokenTests")} for r in rows]}

steps = {}
for line in open(os.path.join(pwork, "steps.tsv")):
    step, secs, rc = line.rstrip("\n").split("\t")
    steps[step] = {"seconds": float(secs), "exit": int(rc)}

verify = None
vp = os.path.join(pwork, "verify.json")
if os.path.exists(vp):
    v = json.load(open(vp))
    verify = {k: v.get(k) for k in ("keptSpeedup", "suiteSpeedup", "runs", "budget", "confirmed",
                                    "testSecondsBefore", "testSecondsAfter")}

summary = {
    "name": "$P_NAME", "version": "$P_VERSION", "note": """$P_NOTE""",
    "tests": "${P_TESTS[*]}", "verify_args": "${P_VERIFY[*]}",
    "untraced": counts(os.path.join(pwork, "untraced.log")),
    "traced": counts(os.path.join(pwork, "traced.log")),
    "traced_db": db_counts(os.path.join(proot, "trace.sqlite")),
    "audit": audit(os.path.join(pwork, "audit.json")),
    "refactor": refactor(os.path.join(pwork, "refactor.json")) if os.path.exists(os.path.join(pwork, "refactor.json")) else None,
    "refactor_exit": steps.get("refactor-verify", {}).get("exit"),
    "plan": refactor(os.path.join(pwork, "plan.json")),
    "verify_top": ${P_VERIFY_TOP:-0},
    "only": [l.strip() for l in open(os.path.join(pwork, "only.txt"))] if os.path.exists(os.path.join(pwork, "only.txt")) else [],
    "refactor_command": open(os.path.join(pwork, "refactor.cmd")).read().strip() if os.path.exists(os.path.join(pwork, "refactor.cmd")) else None,
    "verify": verify,
    "steps": steps,
}
json.dump(summary, open(out, "w"), indent=1)
PY
    log "$P_NAME: summary in $WORK/results/$P_NAME.json"
}

# --- the table ---------------------------------------------------------------------------------

write_table() {
    "$BASE_PYTHON" - "$WORK/results" "$RESULTS_MD" "$HYBRIDIZE" "${ALL_PROJECTS[@]}" <<'PY'
import json, os, subprocess, sys, datetime
results, md, hybridize, *names = sys.argv[1:]
rows, steps_rows, notes = [], [], []

def fmt_counts(c):
    if not c:
        return "no summary line"
    s = f"{c['passed']}/{c['failed'] + c['errors']}"
    if c.get("skipped"):
        s += f" ({c['skipped']} skipped)"
    return s

def x(v):
    return "n/a" if v is None else f"{v:.2f}x"

for name in names:
    p = os.path.join(results, f"{name}.json")
    if not os.path.exists(p):
        continue
    s = json.load(open(p))
    st = s["steps"]
    u, t = s["untraced"], s["traced"]
    same = "yes" if u and t and all(u[k] == t[k] for k in ("passed", "failed", "errors")) else "NO"
    db = s.get("traced_db") or {}
    if t and isinstance(db.get("passed"), int) and db.get("passed") != t["passed"]:
        notes.append(f"{name}: the trace database's tests table says {db}, pytest's line {t}")
    us, ts = st.get("untraced", {}).get("seconds"), st.get("traced", {}).get("seconds")
    ratio = f"{ts / us:.2f}x" if us and ts else "n/a"
    a = s.get("audit") or {}
    funcs, refac = a.get("functions"), a.get("refactorable")
    share = f"{refac} ({100 * refac / funcs:.0f}%)" if funcs else "n/a"
    lf, lr = a.get("library_functions"), a.get("library_refactorable")
    cand = str(funcs) if funcs is not None else "n/a"
    if funcs and lf is not None and lf != funcs:
        cand += f" ({lf} outside test files)"
        share += f"; {lr} ({100 * lr / lf:.0f}%) outside" if lf else ""
    asm = a.get("assumptions") or {}
    asm_s = " / ".join(str(asm.get(k, 0)) for k in ("CONFIRMED", "REJECTED", "UNOBSERVED"))
    r = s.get("refactor")
    v = s.get("verify") or {}
    if r is None:
        edits, kept_x, suite_x = "not run", "n/a", "n/a"
    else:
        by = r["statuses"]
        edits = f"{by.get('KEPT', 0)} / {by.get('REVERTED', 0)}"
        if by.get("SKIPPED"):
            edits += f" ({by['SKIPPED']} skipped)"
        if s.get("refactor_exit") not in (0, None):
            edits += f" (exit {s['refactor_exit']})"
        kept_x, suite_x = x(v.get("keptSpeedup")), x(v.get("suiteSpeedup"))
        if by.get("KEPT", 0) == 0 and v.get("suiteSpeedup") is not None:
            # verify compares the run before the edits with the last run that passed, which may
            # hold edits it then reverted as not faster: with none kept, that is no figure of the
            # files as they end up.
            suite_x += " (none kept)"
            notes.append(f"{name}: no edit was kept, yet verify.json has suiteSpeedup "
                         f"{v['suiteSpeedup']:.2f}: it is measured on a run that still held edits "
                         "reverted afterwards as not faster (see the report of this benchmark)")
    scope = f"tests `{s['verify_args']}`" if s.get("verify_args") else "whole suite"
    plan = (s.get("plan") or {}).get("statuses") or {}
    if s.get("only"):
        scope += f"; only the top {len(s['only'])} of {plan.get('PLANNED', '?')} planned edits by eager time"
        notes.append(f"{name}: verified with " + " ".join(f"`--only {q}`" for q in s["only"]))
    elif plan:
        scope += f"; all {plan.get('PLANNED', 0)} planned edits"
    rows.append([f"{name} {s['version']}", f"{fmt_counts(t)} ({same})", f"{us:.0f} s" if us else "n/a",
                 f"{ts:.0f} s" if ts else "n/a", ratio, cand, share,
                 asm_s, edits, kept_x, suite_x, scope])
    order = ["download+unpack", "venv", "untraced", "traced", "audit", "audit-text", "refactor-plan", "refactor-verify"]
    steps_rows.append([name] + [f"{st[k]['seconds']:.1f}" + ("" if st[k]["exit"] == 0 else f" (exit {st[k]['exit']})") if k in st else "–" for k in order])
    if s.get("note"):
        notes.append(s["note"])

try:
    v = subprocess.run([hybridize, "--version"], capture_output=True, text=True)
    version = (v.stdout.strip() or v.stderr.strip())  # 0.3.0 prints it on stderr
except OSError:
    version = "?"
header = ["project", "tests traced: passed/failed (= untraced?)", "untraced", "traced", "trace overhead",
          "candidates", "refactorable", "assumptions C / R / U", "edits kept / reverted",
          "speedup, kept functions", "speedup, suite", "verify ran"]
out = [f"# hybridize on real TensorFlow projects",
       "",
       f"`Benchmarks/real_projects.sh`, {datetime.date.today()}, hybridize {version}, "
       f"{os.cpu_count()} cores, tensorflow-cpu 2.21.0, CPython 3.11 (Debian).",
       "",
       "| " + " | ".join(header) + " |",
       "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
out += ["| " + " | ".join(r) + " |" for r in rows]
out += ["", "Seconds per step (wall):", "",
        "| project | download+unpack | venv | untraced | traced | audit json | audit text | refactor (dry run) | refactor --apply --verify |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
out += ["| " + " | ".join(r) + " |" for r in steps_rows]
out += ["", "Candidates: the functions `audit --format json` lists (it leaves tests and fixtures out, but "
        "lists the other functions and classes defined in test files; \"outside test files\" uses refactor's "
        "rule: `test_*.py`, `*_test.py`, `conftest.py`, or under `tests/` or `test/`). Refactorable: "
        "a passing precondition and no error-level failure. Assumptions by status over all candidates. "
        "Edits and speedups from `refactor --apply --verify` (its JSON lines and `.hybridize/verify.json`); "
        "tests traced: passed / failed+errors from pytest's closing line. Wall times on 2 shared cores.", ""]
out += [f"- {n}" for n in notes]
text = "\n".join(out) + "\n"
open(md, "w").write(text)
print(text)
PY
}

projects=("$@")
[[ ${#projects[@]} -gt 0 ]] || projects=("${ALL_PROJECTS[@]}")
for p in "${projects[@]}"; do load_project "$p"; done   # unknown names fail before any work
if [[ $TABLE_ONLY == 1 ]]; then
    for p in "${projects[@]}"; do summarize "$p"; done
    write_table
    exit 0
fi
log "hybridize: $HYBRIDIZE; cache: $CACHE; work: $WORK"
for p in "${projects[@]}"; do
    run_project "$p"
done
[[ $SETUP_ONLY == 1 ]] && exit 0
write_table
log "table written to $RESULTS_MD"
