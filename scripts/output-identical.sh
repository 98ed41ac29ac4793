#!/usr/bin/env bash
# Do two evident binaries write the same sites? `scripts/output-identical.sh OLD_EVIDENT NEW_EVIDENT` builds the
# real site (this repository), docs/ and each fixture site under Tests/Fixtures/sites/ with `--frozen`, from a
# scratch copy of each, and compares the outputs file by file (`diff -r`).
#
# OLD builds once with an empty cache. NEW builds twice from a copy of its own into one output folder: first with an
# empty cache (a clone's first build), then again over that output with the cache it left (a no-op rebuild); both
# must equal OLD's output. A site
# without stored evidence is measured once by OLD (without --frozen) and both build from that evidence; a site that
# OLD cannot build is reported and skipped; one that only NEW cannot build is a difference.
#
# Every page names the build's time (`build.time`): the lines holding it are compared after masking the
# timestamp. Exit 0 when every site is identical, 1 otherwise. Environment: SCRATCH (default a new temporary
# folder, removed at the end unless KEEP=1), EVIDENT_PYTHON (the Python with Pygments; default .venv).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 OLD_EVIDENT NEW_EVIDENT" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=${SCRATCH:-$(mktemp -d /tmp/output-identical.XXXXXX)}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$scratch"' EXIT
if [ -z "${EVIDENT_PYTHON:-}" ] && [ -x "$root/.venv/bin/python" ]; then export EVIDENT_PYTHON=$root/.venv/bin/python; fi

# A copy of the site in $1 at $2, without what builds leave in it (output, caches, the Swift build folder).
copy_site() {
    mkdir -p "$2"
    tar -C "$1" --exclude=./.build --exclude='./.build-*' --exclude='./.build_*' --exclude=./.git \
        --exclude=./.venv --exclude=public --exclude=.evident-cache --exclude='.*.evident-staging-*' -cf - . |
        tar -C "$2" -xf -
}

# Builds the copy at $2 with binary $1 into $3; prints nothing, returns the build's exit code.
build() {
    "$1" build --site "$2" --output "$3" --frozen --quiet >"$3.log" 2>&1
}

# The build time appears in pages, feeds and the sitemap: mask ISO 8601 and displayed stamps of the same minute.
masked_diff() {
    diff -r "$1" "$2" >/dev/null && return 0
    local differs=0
    while IFS= read -r file; do
        cmp -s "$1/$file" "$2/$file" && continue
        if ! diff <(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)/TIME/g' "$1/$file") \
            <(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)/TIME/g' "$2/$file") >/dev/null 2>&1; then
            echo "  differs: $file"
            differs=1
        fi
    done < <(comm -12 <(cd "$1" && find . -type f | sort) <(cd "$2" && find . -type f | sort))
    if ! diff <(cd "$1" && find . | sort) <(cd "$2" && find . | sort) >/dev/null; then
        diff <(cd "$1" && find . | sort) <(cd "$2" && find . | sort) | grep '^[<>]' | sed 's/^/  only in one: /'
        differs=1
    fi
    return $differs
}

sites=("$root" "$root/docs")
for fixture in "$root"/Tests/Fixtures/sites/*/; do sites+=("${fixture%/}"); done

status=0
for site in "${sites[@]}"; do
    name=$(realpath --relative-to="$root" "$site")
    [ "$name" = . ] && name=real-site
    work=$scratch/${name//\//_}
    copy_site "$site" "$work/old-site"
    copy_site "$site" "$work/new-site"
    if ! build "$old" "$work/old-site" "$work/old-out"; then
        # A fixture without stored evidence: OLD measures it once, and both build from that evidence.
        if ! "$old" build --site "$work/old-site" --output "$work/old-out" --quiet >"$work/measure.log" 2>&1 ||
            ! build "$old" "$work/old-site" "$work/old-out"; then
            echo "skip  $name: the old binary cannot build it ($(tail -n 1 "$work/old-out.log"))"
            continue
        fi
        (cd "$work/old-site" && find content -path '*/evidence/*.json' -exec cp --parents {} "$work/new-site/" \;)
        rm -rf "$work/old-site/.evident-cache"
        build "$old" "$work/old-site" "$work/old-out"
    fi
    result=identical
    for pass in cold warm; do
        if ! build "$new" "$work/new-site" "$work/new-out"; then
            echo "FAIL  $name ($pass): the new binary cannot build it: $(tail -n 1 "$work/new-out.log")"
            result=failed
            continue
        fi
        if ! masked_diff "$work/old-out" "$work/new-out"; then
            echo "DIFF  $name ($pass build)"
            result=different
        fi
    done
    [ "$result" = identical ] && echo "same  $name (cold and warm builds)" || status=1
done
exit $status
