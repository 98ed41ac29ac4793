#!/usr/bin/env bash
# Does a `commands:` directive time a process like hyperfine does? Times `sleep 0.05` both ways, interleaved in
# three rounds, and prints each median and their difference (the goal: within 3 %).
# usage: bench/commands-vs-hyperfine.sh [EVIDENT_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
evident=${1:-.build/release/evident}
[ -x "$evident" ] || swift build -c release --static-swift-stdlib >/dev/null
sudo=$([ "$(id -u)" = 0 ] || echo sudo)
if ! command -v hyperfine >/dev/null; then
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine >/dev/null ||
        { echo "hyperfine is not installed and could not be (apt-get install hyperfine)" >&2; exit 1; }
fi
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/content/sleep"
printf 'title: commands vs hyperfine\nbase_url: http://localhost/\n' > "$site/content/site.yml"
cat > "$site/content/sleep/index.md" <<'MD'
---
title: sleep 0.05
date: 2026-01-01
---

```bench
id: sleep
title: sleep 0.05 as a whole process
commands:
  sleep: sleep 0.05
samples: 40
warmup: 3
```
MD
ours=() theirs=()
for round in 1 2 3; do
    "$evident" build --site "$site" --refresh --quiet
    ours+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cells"][0]["median"] / 1e6)' \
        "$site/content/sleep/evidence/sleep.json")")
    hyperfine -N --warmup 3 --runs 40 --export-json "$site/h.json" 'sleep 0.05' >/dev/null
    theirs+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"] * 1e3)' \
        "$site/h.json")")
done
python3 - "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
ours = [float(x) for x in sys.argv[1].split()]
theirs = [float(x) for x in sys.argv[2].split()]
print(f"{'round':>5} {'evident ms':>11} {'hyperfine ms':>13} {'difference':>11}")
for i, (a, b) in enumerate(zip(ours, theirs), 1):
    print(f"{i:>5} {a:>11.3f} {b:>13.3f} {100 * (a - b) / b:>+10.2f}%")
a, b = statistics.median(ours), statistics.median(theirs)
print(f"median {a:>10.3f} {b:>13.3f} {100 * (a - b) / b:>+10.2f}%  (goal: within 3 %)")
PY
