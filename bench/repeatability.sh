#!/usr/bin/env bash
# Do evident's 95 % intervals hold a rerun on this machine? Refreshes a throw-away site of known-answer experiments
# (sleeps of 1, 5 and 20 ms, a fixed CPU loop, a sub-microsecond function, a threaded variant) and an A/A directive
# (two variants running identical code, in processes of their own) and an A/A' directive (a and b identical, c 5 %
# more work, sharing one process in pairs) PRIME times (default 2, not counted: they give each cell the earlier runs a
# site refreshed before has) and then RUNS times (default 6), then prints per experiment the share of run pairs
# whose medians lie inside each other's interval (target: 80 %), with the intervals as published and with each
# run's own interval alone, how often the A/A ratio's interval covers 1.0 (target: 90 %), and the A/A' ratios of
# every refresh against their goals (bench/repeatability/analyse.py). Note the machine's
# load (uptime) beside the figures: other work on it moves the medians.
# usage: [KEEP=DIR] [PRIME=N] bench/repeatability.sh [EVIDENT_BINARY] [RUNS]   (make repeatability); KEEP keeps the
# runs' evidence
set -euo pipefail
cd "$(dirname "$0")/.."
evident=${1:-.build/release/evident}
runs=${2:-6}
prime=${PRIME:-2}
[ -x "$evident" ] || swift build -c release --static-swift-stdlib >/dev/null
python=$(pwd)/.venv/bin/python
[ -x "$python" ] || python=$(command -v python3)
site=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && cp -r "$site/runs" "$KEEP"; rm -rf "$site"' EXIT
mkdir -p "$site/content/repeatability/experiments"
printf 'title: repeatability\nbase_url: http://localhost/\npython: %s\n' "$python" > "$site/content/site.yml"
cp bench/repeatability/index.md "$site/content/repeatability/"
cp bench/repeatability/known.py "$site/content/repeatability/experiments/"
echo "load before: $(uptime)"
folders=()
for _ in $(seq 1 "$prime"); do
    "$evident" build --site "$site" --output "$site/public" --refresh --quiet
done
for run in $(seq 1 "$runs"); do
    "$evident" build --site "$site" --output "$site/public" --refresh --quiet
    mkdir -p "$site/runs/$run"
    cp "$site/content/repeatability/evidence/"*.json "$site/runs/$run/"
    folders+=("$site/runs/$run")
done
echo "load after: $(uptime)"
python3 bench/repeatability/analyse.py "${folders[@]}"
