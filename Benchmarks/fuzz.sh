#!/usr/bin/env bash
# The static commands under fuzzing, bigger than the test suite's run (FuzzTests: 1,000 programs,
# 400 mutants, seed 1, no --apply): generated Python programs and mutated repository files through
# `analyze`, `callgraph`, `refactor` (dry run) and `refactor --apply` (on a copy), each process
# under a timeout. Prints, per seed, the programs generated per second, the files checked per
# second and every failure, bisected to its files and copied under $KEEP (make a regression
# fixture of them in Tests/EndToEndTests/Fixtures/fuzz_regressions/). Exits 1 on any failure.
#
#   Benchmarks/fuzz.sh                      # seeds 1..5, 2,000 programs and 600 mutants each (10,000)
#   SEEDS="7 8" PROGRAMS=5000 Benchmarks/fuzz.sh
#   CONFIGURATION=release Benchmarks/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-1 2 3 4 5}
PROGRAMS=${PROGRAMS:-2000}
MUTANTS=${MUTANTS:-600}
CONFIGURATION=${CONFIGURATION:-debug}
KEEP=${KEEP:-$(pwd)/.build/fuzz-failures}
JOBS=${JOBS:-$(nproc)}

swift build -c "$CONFIGURATION" --product hybridize >/dev/null
HYBRIDIZE="$(swift build -c "$CONFIGURATION" --show-bin-path)/hybridize"
echo "binary: $HYBRIDIZE ($CONFIGURATION), $(nproc) cores, $JOBS processes at a time; failures kept in $KEEP"

status=0
started=$(date +%s)
for seed in $SEEDS; do
    echo "== seed $seed"
    /usr/bin/python3 Tests/EndToEndTests/Fixtures/fuzz/pyfuzz.py --binary "$HYBRIDIZE" --seed "$seed" \
        --programs "$PROGRAMS" --mutants "$MUTANTS" --jobs "$JOBS" --keep "$KEEP" --apply \
        --sources Examples Tests/AnalysisTests/Fixtures/corpus || status=1
done
echo "total: $(( $(date +%s) - started )) s for seeds $SEEDS"
exit $status
