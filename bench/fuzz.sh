#!/bin/sh
# A longer run of the seeded fuzzer (DirectiveFuzzTests): parse, collect directives and render mutated essays.
#   FUZZ_SEED=7 FUZZ_ITERATIONS=200000 bench/fuzz.sh
# A failure prints the seed and iteration, and where the failing input was saved.
set -eu
cd "$(dirname "$0")/.."
seed="${FUZZ_SEED:-$(date +%s)}"
iterations="${FUZZ_ITERATIONS:-100000}"
echo "fuzz: seed $seed, $iterations iterations"
swift build --build-tests
EVIDENT_FUZZ_SEED="$seed" EVIDENT_FUZZ_ITERATIONS="$iterations" \
    swift test --skip-build --disable-swift-testing --filter DirectiveFuzzTests
