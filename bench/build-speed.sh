#!/usr/bin/env bash
# evident's build speed as a measured, repeatable fact.
#
# Generates a deterministic corpus of 1,000 essays (~8 KB each), then times, interleaved in one run:
#   cmark-floor         bench/cmark-floor.c: read, parse, render, write with libcmark alone (the floor)
#   evident-cold        evident build --frozen, .evident-cache/ removed first (every code block highlighted)
#   evident-warm        the same with the highlight cache in place
#   hugo-minimal        hugo on the same Markdown: one single-page template; taxonomies, RSS, sitemap off
#   hugo-default        hugo with its defaults and the same template
#   evident-noop-real   evident build of the real site with all evidence stored (nothing to measure)
#   hugo-real-site      hugo (minimal) on the real site's Markdown
#   evident-noop-docs   evident build --frozen of this repository's docs/ site, all stored (goal: at most 30 ms; the
#                       real site's: at most 40 ms)
# and prints median wall time, ms per page, peak RSS, the ratios the goals are stated in and the peak RSS of the
# evident builds (goal: at most 100 MB at 10,000 essays: BENCH_ESSAYS=10000 BENCH_ROUNDS=3).
#
# Environment: BENCH_OUT (default /dev/shm/evident-bench: tmpfs, so disk writes do not dominate),
# BENCH_ROUNDS (7), BENCH_ESSAYS (1000), BENCH_EVIDENT (an evident executable to time, evident-spawn beside it;
# default: the release build of this checkout, built first), BENCH_REAL_SITE (the site to rebuild; default this
# repo, which must have essays in content/), EVIDENT_PYTHON (the Python with Pygments; default .venv, else python3).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_OUT:-/dev/shm/evident-bench}
rounds=${BENCH_ROUNDS:-7}
essays=${BENCH_ESSAYS:-1000}
real_site=${BENCH_REAL_SITE:-$root}
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

say() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------
if ! command -v hugo >/dev/null; then
    say "installing hugo (apt)"
    $sudo apt-get install -y -qq hugo >/dev/null || say "hugo is not available: its rows are skipped"
fi
pkg-config --exists libcmark || { say "libcmark-dev is missing: run make bootstrap"; exit 1; }

if [ -z "${EVIDENT_PYTHON:-}" ]; then
    if [ -x "$root/.venv/bin/python" ]; then EVIDENT_PYTHON=$root/.venv/bin/python; else EVIDENT_PYTHON=$(command -v python3); fi
fi
export EVIDENT_PYTHON
"$EVIDENT_PYTHON" -c 'import pygments' 2>/dev/null || {
    say "Pygments is missing from $EVIDENT_PYTHON: a cold build would highlight nothing (run make bootstrap)"
    exit 1
}

mkdir -p "$out"
if [ -n "${BENCH_EVIDENT:-}" ]; then
    evident=$BENCH_EVIDENT
else
    say "building evident (release)"
    # One product at a time: only the two executables, not the test support target.
    for product in evident evident-spawn; do
        (cd "$root" && swift build -c release --static-swift-stdlib --product $product >&2)
    done
    evident="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/evident"
fi
cc -O2 -Wall -o "$out/cmark-floor" "$root/bench/cmark-floor.c" $(pkg-config --cflags --libs libcmark)

# --- the corpus --------------------------------------------------------------------------------------------
corpus=$out/corpus
rm -rf "$corpus"
python3 "$root/bench/gen_corpus.py" "$corpus" --essays "$essays"
say "corpus: $essays essays, $(cat "$corpus"/content/*/index.md | wc -c) bytes of Markdown in $corpus"

# Hugo sites reading the same content folder (Hugo finds content/<slug>/index.md as page bundles).
hugo_site() {  # NAME CONTENT_DIR EXTRA_CONFIG
    mkdir -p "$out/$1/layouts/_default"
    printf 'baseURL = "https://bench.example.org/"\ntitle = "Benchmark corpus"\ncontentDir = "%s"\n%s\n' \
        "$2" "$3" >"$out/$1/hugo.toml"
    cat >"$out/$1/layouts/_default/single.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .TableOfContents }}
{{ .Content }}
</main></body></html>
HTML
}
minimal='disableKinds = ["taxonomy", "term", "RSS", "sitemap"]'
hugo_site hugo-minimal "$corpus/content" "$minimal"
hugo_site hugo-default "$corpus/content" ""
hugo_flags="--quiet --buildFuture --noBuildLock --cacheDir $out/hugo-cache"

# --- the real site: a copy, so that nothing is written into the repo -----------------------------------------
real=$out/real-site
real_ok=no
if compgen -G "$real_site/content/*/index.md" >/dev/null; then
    mkdir -p "$real/content"
    cp -a "$real_site/content/." "$real/content/"  # keeps evidence measured into the copy by an earlier run
    [ -d "$real_site/templates" ] && rm -rf "$real/templates" && cp -a "$real_site/templates" "$real/"
    if "$evident" build --site "$real" --output "$out/out/real" --frozen --quiet 2>/dev/null; then
        real_ok=yes
    else
        say "the real site lacks stored evidence: measuring it once into $real (minutes)"
        python=$EVIDENT_PYTHON
        if [ -f "$real_site/requirements.txt" ] && [ ! -x "$real_site/.venv/bin/python" ]; then
            [ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
            "$out/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$real_site/requirements.txt"
            python=$out/venv/bin/python
        fi
        if EVIDENT_PYTHON=$python "$evident" build --site "$real" --output "$out/out/real" >&2; then real_ok=yes; fi
    fi
    hugo_site hugo-real "$real/content" "$minimal"
else
    say "$real_site/content has no essays: the no-op rebuild rows are skipped (set BENCH_REAL_SITE)"
fi

# --- the interleaved run -------------------------------------------------------------------------------------
spec=$out/spec.tsv
tab=$'\t'
{
    echo "cmark-floor${tab}$essays${tab}rm -rf $out/out/floor${tab}$out/cmark-floor $corpus/content $out/out/floor"
    echo "evident-cold${tab}$essays${tab}rm -rf $corpus/.evident-cache${tab}$evident build --site $corpus --output $out/out/evident --frozen --quiet"
    echo "evident-warm${tab}$essays${tab}-${tab}$evident build --site $corpus --output $out/out/evident --frozen --quiet"
    if command -v hugo >/dev/null; then
        echo "hugo-minimal${tab}$essays${tab}rm -rf $out/out/hugo-minimal${tab}hugo $hugo_flags -s $out/hugo-minimal -d $out/out/hugo-minimal"
        echo "hugo-default${tab}$essays${tab}rm -rf $out/out/hugo-default${tab}hugo $hugo_flags -s $out/hugo-default -d $out/out/hugo-default"
    fi
    if [ "$real_ok" = yes ]; then
        pages=$(ls -d "$real"/content/*/index.md | wc -l)
        echo "evident-noop-real${tab}$pages${tab}-${tab}$evident build --site $real --output $out/out/real --quiet"
        if command -v hugo >/dev/null; then
            echo "hugo-real-site${tab}$pages${tab}rm -rf $out/out/hugo-real${tab}hugo $hugo_flags -s $out/hugo-real -d $out/out/hugo-real"
        fi
    fi
    docs_pages=$(ls -d "$root"/docs/content/*/index.md | wc -l)
    echo "evident-noop-docs${tab}$docs_pages${tab}-${tab}$evident build --site $root/docs --output $out/out/docs --frozen --quiet"
} >"$spec"

say ""
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "timing $rounds interleaved rounds (plus one warm-up) on $out; shared machines are noisy: read the medians"
python3 "$root/bench/interleave.py" "$spec" --rounds "$rounds" --csv "$out/samples.csv"
say "raw samples: $out/samples.csv"
