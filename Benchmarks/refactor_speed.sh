#!/usr/bin/env bash
# `hybridize refactor` without --verify against `hybridize analyze` on Keras's own sources, as
# installed in the runtime virtualenv: the dry run (plan, diff) must cost at most the analysis
# plus 10%. Release build; the two commands alternate, REPS runs each, and the medians and their
# ratio are printed. `--apply` is timed too, on a throwaway copy of the sources.
#
#   Benchmarks/refactor_speed.sh                  # keras/src, 5 runs each
#   REPS=3 TARGET=keras/src/layers Benchmarks/refactor_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
TARGET=${TARGET:-keras/src}

PYTHON=$(Runtime/bootstrap | tail -n 1)
SITE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
swift build -c release --product hybridize >/dev/null
HYBRIDIZE="$(swift build -c release --show-bin-path)/hybridize"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -p "$SCRATCH/copy/$(dirname "$TARGET")"
cp -r "$SITE/$TARGET" "$SCRATCH/copy/$TARGET"
# The package roots above the target, so that modules keep their names (keras.src...) in the copy.
(cd "$SITE" && d=$(dirname "$TARGET") && while [ "$d" != . ]; do [ -f "$d/__init__.py" ] && cp "$d/__init__.py" "$SCRATCH/copy/$d/"; d=$(dirname "$d"); done)

files=$(cd "$SITE" && find "$TARGET" -name '*.py' | wc -l)
echo "target: $SITE/$TARGET ($files files), $(nproc) cores, $REPS alternating runs each"

# one LABEL DIR COMMAND...: one timed run in DIR, seconds appended to $SCRATCH/LABEL.
one() {
    local label=$1 dir=$2
    shift 2
    local start end
    start=$(date +%s.%N)
    (cd "$dir" && "$@" >"$SCRATCH/$label.out" 2>/dev/null) || true
    end=$(date +%s.%N)
    python3 -c "print($end - $start)" >>"$SCRATCH/$label"
}

for _ in $(seq "$REPS"); do
    one analyze "$SITE" "$HYBRIDIZE" analyze "$TARGET" --format json
    one refactor "$SITE" "$HYBRIDIZE" refactor "$TARGET"
    one refactor-json "$SITE" "$HYBRIDIZE" refactor "$TARGET" --format json
    # --apply writes into a copy, undone after each run so that every run has the same edits.
    one apply "$SCRATCH/copy" "$HYBRIDIZE" refactor "$TARGET" --apply
    (cd "$SCRATCH/copy" && "$HYBRIDIZE" refactor --undo >/dev/null)
done

median() { sort -n "$SCRATCH/$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
base=$(median analyze)
printf "%-14s %6.2f s median\n" analyze "$base"
for label in refactor refactor-json apply; do
    m=$(median "$label")
    printf "%-14s %6.2f s median, %.3fx analyze\n" "$label" "$m" "$(python3 -c "print($m / $base)")"
done
echo "edits planned: $(grep -c '"status":"PLANNED"' "$SCRATCH/refactor-json.out"), skipped: $(grep -c '"status":"SKIPPED"' "$SCRATCH/refactor-json.out")"
