#!/usr/bin/env bash
# Does a `commands:` directive time a process like hyperfine does? Times `true`, `sleep 0.001` and `sleep 0.02`
# both ways (evident's three variants interleaved in one directive, and `hyperfine -N` on each just before and just
# after it), in three rounds, and prints each median, their difference, and how far hyperfine's two runs of a
# round differ from each other: what this machine lets the comparison resolve. Goals: within 5 %, 3 % and 1 %.
# Needs hyperfine (Debian's package): installed with apt-get when missing, else the script stops saying so.
# usage: bench/commands-vs-hyperfine.sh [EVIDENT_BINARY] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
evident=${1:-.build/release/evident}
rounds=${2:-3}
[ -x "$evident" ] || swift build -c release --static-swift-stdlib >/dev/null
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
if ! command -v hyperfine >/dev/null; then
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine >/dev/null ||
        { echo "hyperfine is not installed and could not be (apt-get install hyperfine)" >&2; exit 1; }
fi
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/content/processes"
printf 'title: commands vs hyperfine\nbase_url: http://localhost/\n' > "$site/content/site.yml"
cat > "$site/content/processes/index.md" <<'MD'
---
title: whole processes
date: 2026-01-01
---

```bench
id: processes
title: short processes timed whole
commands:
  "true": "true"
  sleep_1ms: sleep 0.001
  sleep_20ms: sleep 0.02
samples: 60
warmup: 3
```
MD
declare -A commands=([true]="true" [sleep_1ms]="sleep 0.001" [sleep_20ms]="sleep 0.02")
echo "load: $(uptime)"
: > "$site/rows"
hyperfine_ms() {
    hyperfine -N --warmup 3 --runs 60 --export-json "$site/h.json" "${commands[$1]}" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"] * 1e3)' "$site/h.json"
}
for round in $(seq 1 "$rounds"); do
    declare -A before=()
    for variant in true sleep_1ms sleep_20ms; do before[$variant]=$(hyperfine_ms "$variant"); done
    "$evident" build --site "$site" --output "$site/public" --refresh --quiet
    for variant in true sleep_1ms sleep_20ms; do
        ours=$(python3 -c 'import json,sys; print(next(c["median"] for c in json.load(open(sys.argv[1]))["cells"]
            if c["variant"] == sys.argv[2]) / 1e6)' "$site/content/processes/evidence/processes.json" "$variant")
        echo "$round $variant $ours ${before[$variant]} $(hyperfine_ms "$variant")" >> "$site/rows"
    done
done
python3 - "$site/rows" <<'PY'
import collections, statistics, sys
goals = {"true": 5, "sleep_1ms": 3, "sleep_20ms": 1}
rows = collections.defaultdict(list)
print(f"{'round':>5} {'command':<11} {'evident ms':>11} {'hyperfine ms':>13} {'difference':>11} "
      f"{'hyperfine before/after':>23}")
for line in open(sys.argv[1]):
    round_, variant, ours, before, after = line.split()
    ours, before, after = float(ours), float(before), float(after)
    theirs = (before + after) / 2
    rows[variant].append((ours, theirs, after / before - 1))
    print(f"{round_:>5} {variant:<11} {ours:>11.3f} {theirs:>13.3f} {100 * (ours - theirs) / theirs:>+10.2f}% "
          f"{100 * (after / before - 1):>+22.2f}%")
for variant, triples in rows.items():
    a = statistics.median(t[0] for t in triples)
    b = statistics.median(t[1] for t in triples)
    own = statistics.median(abs(t[2]) for t in triples)
    verdict = "ok" if abs(a - b) / b * 100 <= goals[variant] else "MISSED"
    print(f"median {variant:<11} {a:>11.3f} {b:>13.3f} {100 * (a - b) / b:>+10.2f}%  "
          f"(goal: within {goals[variant]} %: {verdict}; hyperfine against itself, around the build: ±{100 * own:.1f} %)")
PY
