#!/usr/bin/env bash
# A no-op rebuild against Hugo, from one hyperfine run: `evident build --frozen` of this repository's site and of
# its docs/ site, both with every piece of evidence stored and the output of a previous build in place (nothing to
# measure, nothing changed), beside Hugo building a one-page site (the real site's essay, one template, taxonomies,
# RSS and sitemap off). Prints the medians, the goals (at most 40 ms and 30 ms) and Hugo's time over each.
#
# Usage: bench/noop-rebuild.sh [EVIDENT]   (default: a release build of this checkout)
# Environment: BENCH_OUT (default /dev/shm/evident-noop; the outputs go there: set it to a folder on disk to time
# the disk too), BENCH_RUNS (30), BENCH_WARMUP (3), EVIDENT_PYTHON (a Python with Pygments, for a build whose
# highlight cache is cold; default .venv).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_OUT:-/dev/shm/evident-noop}
runs=${BENCH_RUNS:-30}
warmup=${BENCH_WARMUP:-3}
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

say() { printf '%s\n' "$*" >&2; }

for tool in hyperfine hugo; do
    if ! command -v "$tool" >/dev/null; then
        say "installing $tool (apt)"
        $sudo apt-get install -y -qq "$tool" >/dev/null
    fi
done
if [ -z "${EVIDENT_PYTHON:-}" ] && [ -x "$root/.venv/bin/python" ]; then export EVIDENT_PYTHON=$root/.venv/bin/python; fi

if [ $# -ge 1 ]; then
    evident=$(realpath "$1")
else
    say "building evident (release)"
    # One product at a time: only the two executables, not the test support target.
    (cd "$root" && for product in evident evident-spawn; do
        swift build -c release --static-swift-stdlib --product "$product" >&2
    done)
    evident="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/evident"
fi

# Hugo's one-page site: the real site's essay as its only page.
mkdir -p "$out/hugo/content/page" "$out/hugo/layouts/_default"
cp "$(ls "$root"/content/*/index.md | head -n 1)" "$out/hugo/content/page/index.md"
printf 'baseURL = "https://bench.example.org/"\ntitle = "One page"\n%s\n' \
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]' >"$out/hugo/hugo.toml"
cat >"$out/hugo/layouts/_default/single.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
HTML

real=(build --site "$root" --output "$out/real" --frozen --quiet)
docs=(build --site "$root/docs" --output "$out/docs" --frozen --quiet)
hugo=(hugo --quiet --buildFuture --noBuildLock -s "$out/hugo" -d "$out/hugo-public" --cacheDir "$out/hugo-cache")
# The first builds fill the caches and leave the outputs that the timed builds replace.
"$evident" "${real[@]}"
"$evident" "${docs[@]}"
"${hugo[@]}"

say "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); outputs on $(df --output=fstype "$out" | tail -n 1) ($out)"
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$out/noop.json" \
    -n evident-noop-real "$evident ${real[*]}" \
    -n evident-noop-docs "$evident ${docs[*]}" \
    -n hugo-one-page "${hugo[*]}" >&2

python3 - "$out/noop.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
median = {name: r["median"] * 1000 for name, r in results.items()}
goals = {"evident-noop-real": 40, "evident-noop-docs": 30}
print(f"{'command':<20} {'median':>9} {'mean ± σ':>17} {'goal':>8}")
for name, r in results.items():
    goal = f"<= {goals[name]} ms" if name in goals else ""
    print(f"{name:<20} {median[name]:>6.1f} ms {r['mean'] * 1000:>7.1f} ± {r['stddev'] * 1000:4.1f} ms {goal:>8}")
for name in goals:
    print(f"hugo-one-page / {name}: {median['hugo-one-page'] / median[name]:.2f}")
PY
