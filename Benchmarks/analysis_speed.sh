#!/usr/bin/env bash
# The static analyzer on a large code base nobody here wrote: Keras's own sources, as installed in
# the runtime virtualenv. Times `hybridize callgraph` and `hybridize analyze` (release build; median
# wall time of REPS runs, peak resident memory from /usr/bin/time), and reports seconds per KLOC
# beside PyCG's published 0.38 s/KLOC. With WITH_PYCG=1 it also installs PyCG 0.0.8 into a venv of
# its own and runs it side by side on the example project and on keras/src/layers/core.
#
#   Benchmarks/analysis_speed.sh                  # keras/src, 3 runs each
#   REPS=5 TARGET=keras/src/layers Benchmarks/analysis_speed.sh
#   WITH_PYCG=1 Benchmarks/analysis_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
REPS=${REPS:-3}
TARGET=${TARGET:-keras/src}

PYTHON=$(Runtime/bootstrap | tail -n 1)
SITE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
swift build -c release --product hybridize >/dev/null
HYBRIDIZE="$(swift build -c release --show-bin-path)/hybridize"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

lines=$(cd "$SITE" && find "$TARGET" -name '*.py' -print0 | xargs -0 cat | wc -l)
files=$(cd "$SITE" && find "$TARGET" -name '*.py' | wc -l)
kloc=$(awk -v l="$lines" 'BEGIN { printf "%.1f", l / 1000 }')
echo "target: $SITE/$TARGET ($files files, $kloc KLOC), $(nproc) cores, $REPS runs each"

# measure LABEL COMMAND...: runs COMMAND in $SITE REPS times; prints median seconds and peak MiB.
measure() {
    local label=$1
    shift
    : >"$SCRATCH/times"
    for _ in $(seq "$REPS"); do
        (cd "$SITE" && /usr/bin/time -f "%e %M" -o "$SCRATCH/one" "$@" >"$SCRATCH/out" 2>/dev/null) || true
        cat "$SCRATCH/one" >>"$SCRATCH/times"
    done
    sort -n "$SCRATCH/times" | awk -v label="$label" -v kloc="$kloc" -v n="$REPS" '
        { t[NR] = $1; if ($2 > m) m = $2 }
        END {
            median = t[int((n + 1) / 2)]
            printf "%-10s %6.2f s median (min %.2f, max %.2f), %4d MiB peak, %.4f s/KLOC, %.0fx faster than PyCG'"'"'s published 0.38 s/KLOC\n",
                label, median, t[1], t[n], m / 1024, median / kloc, 0.38 / (median / kloc)
        }'
}

measure callgraph "$HYBRIDIZE" callgraph "$TARGET" --format json
python3 -c "import json,sys; g=json.load(open(sys.argv[1])); print('           %d nodes, %d edges' % (len(g), sum(len(v) for v in g.values())))" "$SCRATCH/out"
measure analyze "$HYBRIDIZE" analyze "$TARGET" --format json
echo "           $(grep -c '^{' "$SCRATCH/out") functions, $(grep -c '"refactorable":true' "$SCRATCH/out") refactorable"

if [ "${WITH_PYCG:-0}" = 1 ]; then
    PYCG_VENV=${PYCG_VENV:-$HOME/.cache/hybridize/pycg-venv}
    if ! "$PYCG_VENV/bin/python" -c 'import pycg' 2>/dev/null; then
        [ -x "$PYCG_VENV/bin/python" ] || python3 -m venv "$PYCG_VENV"
        "$PYCG_VENV/bin/pip" install --quiet pycg==0.0.8
        # PyCG 0.0.8 ships its package as `PyCG/` but imports itself as `pycg`.
        pycg_site=$("$PYCG_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        [ -e "$pycg_site/pycg" ] || ln -s "$pycg_site/PyCG" "$pycg_site/pycg"
    fi
    side_by_side() { # LABEL ROOT PACKAGE FILES...
        local label=$1 root=$2 package=$3
        shift 3
        echo "$label:"
        (cd "$root" && /usr/bin/time -f "  hybridize callgraph: %e s, %M KB" "$HYBRIDIZE" callgraph "$@" --format json >/dev/null)
        # PyCG follows imports into the whole package; 60 s and 8 GiB are where it is stopped.
        (cd "$root" && ulimit -v 8388608 && /usr/bin/time -f "  PyCG 0.0.8:          %e s, %M KB (exit %x)" -o "$SCRATCH/pycg.time" \
            timeout 60 "$PYCG_VENV/bin/python" -m pycg --package "$package" $(find "$@" -name '*.py') -o "$SCRATCH/pycg.json" >/dev/null 2>&1) || true
        cat "$SCRATCH/pycg.time"
    }
    side_by_side "Examples/keras_training/trainer" "$REPO/Examples/keras_training" trainer trainer
    side_by_side "keras/src/layers/core" "$SITE" keras/src keras/src/layers/core
fi
