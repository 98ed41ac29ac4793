#!/bin/sh
# A longer run of the seeded fuzzers: DirectiveFuzzTests (parse, collect directives and render mutated essays) and
# EvidenceFuzzTests (build from mutated stored evidence, in process and, for a few, by the command line), then
# bench/hostile-inputs.sh on the debug build with the same seed (symlinks, YAML aliases, partial cycles, repeated
# headings, grids, signals).
#   FUZZ_SEED=7 FUZZ_ITERATIONS=200000 FUZZ_CLI_RUNS=40 bench/fuzz.sh
# A failure prints the seed and iteration, and where the failing input was saved.
set -eu
cd "$(dirname "$0")/.."
seed="${FUZZ_SEED:-$(date +%s)}"
iterations="${FUZZ_ITERATIONS:-100000}"
cli_runs="${FUZZ_CLI_RUNS:-20}"
echo "fuzz: seed $seed, $iterations iterations, $cli_runs command-line builds"
swift build --build-tests
EVIDENT_FUZZ_SEED="$seed" EVIDENT_FUZZ_ITERATIONS="$iterations" EVIDENT_FUZZ_CLI_RUNS="$cli_runs" \
    swift test --skip-build --disable-swift-testing --filter 'DirectiveFuzzTests|EvidenceFuzzTests'
FUZZ_SEED="$seed" bash bench/hostile-inputs.sh .build/debug/evident
