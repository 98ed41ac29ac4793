#!/usr/bin/env bash
# Builds of one site started at the same moment each leave a complete public/, identical to a serial build.
#
# Generates a 300-essay site (bench/gen_corpus.py), builds it once serially as the reference (and once more, to
# see what differs between two serial builds: nothing does, as the default theme prints no build time, so
# nothing is masked), then for 12 rounds starts 3 `evident build` of the same site at once, waits for all of them
# and compares public/ with the reference (`diff -r`). Prints "N of 12 rounds left public/ identical to a serial
# build".
#
# Environment: BENCH_OUT (default /dev/shm/evident-concurrent), BENCH_ROUNDS (12), BENCH_BUILDS (3),
# BENCH_ESSAYS (300), EVIDENT_PYTHON (the Python with Pygments; default .venv, else python3).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_OUT:-/dev/shm/evident-concurrent}
rounds=${BENCH_ROUNDS:-12}
builds=${BENCH_BUILDS:-3}
essays=${BENCH_ESSAYS:-300}

say() { printf '%s\n' "$*" >&2; }

if [ -z "${EVIDENT_PYTHON:-}" ]; then
    if [ -x "$root/.venv/bin/python" ]; then EVIDENT_PYTHON=$root/.venv/bin/python; else EVIDENT_PYTHON=$(command -v python3); fi
fi
export EVIDENT_PYTHON

say "building evident (release)"
(cd "$root" && swift build -c release --static-swift-stdlib >&2)
evident="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/evident"

rm -rf "$out"
mkdir -p "$out"
site=$out/site
python3 "$root/bench/gen_corpus.py" "$site" --essays "$essays"
say "site: $essays essays in $site"

# The reference, and a second serial build to learn what differs from one build to the next.
"$evident" build --site "$site" --output "$out/reference" --quiet
"$evident" build --site "$site" --output "$out/again" --quiet
if ! diff -r "$out/reference" "$out/again" >"$out/serial.diff"; then
    say "two serial builds differ; mask what legitimately differs before comparing:"
    head -20 "$out/serial.diff" >&2
    exit 1
fi
say "two serial builds are identical: nothing to mask"

identical=0
for round in $(seq 1 "$rounds"); do
    pids=()
    for build in $(seq 1 "$builds"); do
        "$evident" build --site "$site" >"$out/round-$round-build-$build.log" 2>&1 &
        pids+=($!)
    done
    failed=0
    for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
    waited=$(cat "$out"/round-"$round"-build-*.log | grep -c "waiting for another build" || true)
    if [ "$failed" = 0 ] && diff -r "$out/reference" "$site/public" >"$out/round-$round.diff"; then
        identical=$((identical + 1))
        say "round $round: identical ($waited of $builds builds waited for another)"
    else
        say "round $round: DIFFERENT ($failed of $builds builds failed; see $out/round-$round.diff and the logs)"
    fi
    leftovers=$(find "$site" -maxdepth 1 -name '.public.evident-staging-*' | wc -l)
    [ "$leftovers" = 0 ] || say "round $round: $leftovers staging folders left behind"
done
echo "$identical of $rounds rounds left public/ identical to a serial build"
