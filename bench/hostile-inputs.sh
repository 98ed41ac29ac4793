#!/usr/bin/env bash
# Hostile inputs, end to end: throw-away sites built by the real `evident build`, one family of attack each.
#
#   symlinks        an experiment's Python import, a package folder, a Node.js require, a probe snippet, a
#                   directive's experiment and an essay's index.md, each a link to /etc/hostname,
#                   /proc/self/environ or a file outside the site (and an import added after the evidence was
#                   stored, built --frozen): exit 1 naming the link, no public/, and neither the file's text
#                   nor the EVIDENT_FUZZ_TOKEN in the build's environment anywhere in what the build wrote
#   yaml-aliases    alias bombs of 6 to 9 levels in front matter `extra:`, site.yml and a directive, and an alias
#                   used as a key: exit 1 at the line, under 5 s and 200 MB
#   partial-cycles  a partial that includes itself, two that include each other, the same through parents: exit
#                   1 at templates/…:line, never a crash; a deep but finite recursion ended by a section: exit 0
#   headings        20,000 and 100,000 `## a`, and `## a` mixed with `## a-<n>`: exit 0 within 10 s, ids unique
#   grids           6, 7 and 20 parameters of 10 values, 3 of 10 with two variants: exit 1 at `params`; 3 of 10
#                   with one variant (1,000 cells, the limit) reaches --frozen's missing evidence instead
#   signals         an experiment that leaves `sleep <marker>` in a process group, or a session, of its own, hit
#                   by SIGINT, SIGTERM and SIGHUP mid-measure (exit 130, 143, 129) or by a 1 s `timeout:` (exit
#                   1): no `sleep <marker>` left in /proc afterwards
#
# Each case runs under `timeout 60` and prints one line: family, case, exit status, seconds, peak RSS (the
# largest process of the build; GNU time, else Python's resource module) and PASS or FAIL, with what failed
# below it. Ends with "N cases, M failed" and exits 1 when any failed. About 20 s with a debug build.
#
#   bench/hostile-inputs.sh [EVIDENT_BINARY]        default .build/release/evident, built when missing
#   FUZZ_SEED=7 bench/hostile-inputs.sh .build/debug/evident
#
# FUZZ_SEED (default 1) picks the names, depths, widths, targets and markers; EVIDENT_PYTHON defaults to the
# project's .venv. `make fuzz` runs it after the seeded fuzzers.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -gt 0 ]; then
    case $1 in /*) bin=$1 ;; *) bin=$PWD/$1 ;; esac
    [ -x "$bin" ] || { echo "hostile-inputs: no evident at $bin" >&2; exit 2; }
else
    bin=$root/.build/release/evident
    [ -x "$bin" ] || (cd "$root" && swift build -c release --static-swift-stdlib >&2)
fi
seed=${FUZZ_SEED:-1}
export LC_NUMERIC=C
RANDOM=$seed
if [ -z "${EVIDENT_PYTHON:-}" ] && [ -x "$root/.venv/bin/python" ]; then
    export EVIDENT_PYTHON=$root/.venv/bin/python
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/evident-hostile.XXXXXX")

cases=0
failed=0
markers=()   # every `sleep` marker a signal case used, for the clean-up
launched=""  # the measuring wrapper of the build running in the background, if any

# --- helpers ---------------------------------------------------------------------------------------------------

# REPLY = a number in [low, high], from the seeded generator (never call it in a subshell: bash reseeds there).
rnd() { REPLY=$(($1 + RANDOM % ($2 - $1 + 1))); }

# REPLY = a name of letters, prefix first: a module, partial or parameter name that differs from seed to seed.
rname() {
    local letters=abcdefghijklmnopqrstuvwxyz name=$1 i
    for i in 1 2 3 4 5; do name+=${letters:RANDOM % 26:1}; done
    REPLY=$name
}

# The pids of the processes whose command line is exactly `sleep <marker>`.
sleepers() {
    local file word0 word1
    for file in /proc/[0-9]*/cmdline; do
        { IFS= read -r -d '' word0 && IFS= read -r -d '' word1; } 2>/dev/null <"$file" || continue
        if [ "$word0" = sleep ] && [ "$word1" = "$1" ]; then
            word0=${file#/proc/}
            echo "${word0%/cmdline}"
        fi
    done
}

cleanup() {
    local marker pid
    if [ -n "$launched" ]; then kill -KILL "$(cat "$work/evident.pid" 2>/dev/null)" 2>/dev/null || true; fi
    for marker in "${markers[@]}"; do
        for pid in $(sleepers "$marker"); do kill -KILL "$pid" 2>/dev/null || true; done
    done
    rm -rf "$work"
}
trap cleanup EXIT

# Runs "$@" and writes its peak RSS in KB as the last line of file $1, after "Command terminated by signal N"
# when a signal ended it; exits as the command did (128 + N for a signal). GNU time when there is one, else a
# small Python wrapper around wait4.
if [ -x /usr/bin/time ]; then
    measured() { local out=$1; shift; /usr/bin/time -f %M -o "$out" "$@"; }
else
    cat >"$work/maxrss.py" <<'PY'
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    if os.WIFSIGNALED(status):
        out.write(f"Command terminated by signal {os.WTERMSIG(status)}\n")
    out.write(f"{usage.ru_maxrss}\n")
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
PY
    measured() { local out=$1; shift; "${EVIDENT_PYTHON:-python3}" "$work/maxrss.py" "$out" "$@"; }
fi

# A new site folder $work/$1 with a site.yml; SITE = its path.
new_site() {
    SITE=$work/$1
    mkdir -p "$SITE/content"
    printf 'title: Hostile inputs\nbase_url: http://localhost/\n' >"$SITE/content/site.yml"
}

# Writes essay $2 of site $1: front matter (with lines $4 inserted before its end), then body $3.
essay() {
    mkdir -p "$1/content/$2"
    printf -- '---\ntitle: %s\ndate: 2026-01-02\n%s---\n\n%s\n' "$2" "${4:-}" "$3" >"$1/content/$2/index.md"
}

# A bench directive block running experiment $1 (a path in the essay folder), with more YAML lines in $2.
bench_block() { printf '```bench\nid: b\ntitle: B\nexperiment: %s\nvariants: [a]\nsamples: 1\n%s```\n' "$1" "${2:-}"; }

# An experiment for the Python helper with variants $2 (default `a`) that take any parameters; $1 goes first.
python_experiment() {
    local name
    printf '%s\nfrom evident_bench import Bench\n\nbench = Bench()\n' "${1:-}"
    for name in ${2:-a}; do
        printf '\n\n@bench.variant("%s")\ndef %s(**params):\n    sum(range(100))\n' "$name" "$name"
    done
    printf '\n\nif __name__ == "__main__":\n    bench.main()\n'
}

# Starts `evident build --site $1 --quiet ${@:2}` in the background under `timeout 60`, measured; its pid goes
# to $work/evident.pid, its output to $work/stdout and $work/stderr.
launch() {
    local site=$1
    shift
    rm -f "$work/evident.pid" "$work/rss"
    started_at=$(date +%s.%N)
    measured "$work/rss" timeout 60 sh -c 'echo $$ >"$0" && exec "$@"' "$work/evident.pid" \
        "$bin" build --site "$site" --quiet "$@" >"$work/stdout" 2>"$work/stderr" </dev/null &
    launched=$!
}

# Waits for the build `launch` started: STATUS (128 + N for signal N), SIGNALED (N, or empty), SECS, RSS_MB.
finish() {
    STATUS=0
    wait "$launched" || STATUS=$?
    launched=""
    SIGNALED=$(sed -n 's/^Command terminated by signal \([0-9]*\)$/\1/p' "$work/rss" 2>/dev/null || true)
    [ "$STATUS" != 124 ] || problem "still running after 60 s: stopped by \`timeout 60\`"
    SECS=$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    local kb
    kb=$(tail -n 1 "$work/rss" 2>/dev/null || true)
    case $kb in '' | *[!0-9]*) kb=0 ;; esac
    RSS_MB=$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')
}

build() { launch "$@" && finish; }

# --- checks: each adds to PROBLEMS -------------------------------------------------------------------------------

PROBLEMS=()
problem() { PROBLEMS+=("$*"); }

expect_status() {
    if [ -n "$SIGNALED" ]; then
        problem "killed by signal $SIGNALED (SIG$(kill -l "$SIGNALED")), expected exit status $1"
    elif [ "$STATUS" != "$1" ]; then
        problem "exit status $STATUS, expected $1"
    fi
}
expect_stderr() { grep -qF -- "$1" "$work/stderr" || problem "stderr lacks: $1"; }
expect_stderr_re() { grep -qE -- "$1" "$work/stderr" || problem "stderr does not match: $1"; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
expect_within() { below "$SECS" "$1" || problem "took $SECS s, limit $1 s"; }
expect_rss_under() { below "$RSS_MB" "$1" || problem "peak RSS $RSS_MB MB, limit $1 MB"; }

# Nothing written: no public/ and no staging folder beside it.
expect_nothing_published() {
    local site=$1 staged
    [ ! -e "$site/public" ] || problem "public/ was written"
    staged=$(find "$site" -maxdepth 1 -name '.public.evident-staging-*' | head -n 1 || true)
    [ -z "$staged" ] || problem "a staging folder was left: ${staged#"$site"/}"
}

# None of the secrets in what the build wrote (public/, a staging folder), nor a copy of the file under /etc.
expect_no_secret() {
    local site=$1 where needle hits
    for where in "$site/public" "$site"/.public.evident-staging-*; do
        [ -e "$where" ] || continue
        hits=$(find "$where" -type f -size -64k -exec cmp -s "$etc_file" {} \; -print | head -n 3 || true)
        [ -z "$hits" ] || problem "$etc_file copied to ${hits//$site\//}"
        for needle in "$token" "$outside_secret" "$etc_text"; do
            [ -n "$needle" ] || continue
            hits=$(grep -rlF -- "$needle" "$where" | head -n 3 || true)
            [ -z "$hits" ] || problem "\`$needle\` published in ${hits//$site\//}"
        done
    done
}

# Prints the case's line and, when it failed, what failed and the head of its stderr.
report() {
    local family=$1 name=$2 verdict=PASS line outcome="exit $STATUS"
    cases=$((cases + 1))
    if [ ${#PROBLEMS[@]} -gt 0 ]; then verdict=FAIL && failed=$((failed + 1)); fi
    [ -z "$SIGNALED" ] || outcome="SIG$(kill -l "$SIGNALED")"
    printf '%-15s %-42s %-9s %7.2f s %7.1f MB  %s\n' "$family" "$name" "$outcome" "$SECS" "$RSS_MB" "$verdict"
    if [ $verdict = FAIL ]; then
        for line in "${PROBLEMS[@]}"; do printf '    - %s\n' "$line"; done
        head -n 8 "$work/stderr" | cut -c 1-240 | sed 's/^/    stderr: /'
    fi
    PROBLEMS=()
}

# --- symlinks --------------------------------------------------------------------------------------------------

token=secret-$seed-$RANDOM$RANDOM
export EVIDENT_FUZZ_TOKEN=$token
outside_secret=EVIDENT_FUZZ_FILE=secret-$RANDOM$RANDOM
mkdir -p "$work/outside/pkg"
printf '# %s\n' "$outside_secret" >"$work/outside/secret.txt"
printf -- '---\ntitle: Outside\ndate: 2026-01-02\n---\n\n%s\n' "$outside_secret" >"$work/outside/essay.md"
printf '# %s\n' "$outside_secret" >"$work/outside/pkg/secret.py"
: >"$work/outside/pkg/__init__.py"
etc_file=/etc/hostname
[ -s "$etc_file" ] || etc_file=/etc/passwd
etc_text=$(head -n 1 "$etc_file")
[ ${#etc_text} -ge 8 ] || etc_text=""  # a short host name (`vm`) is in any page: then only whole copies count

# TARGET = the file a link of target kind $1 points to (etc, environ, outside); a folder when $2 is `folder`.
link_target() {
    case $1/${2:-file} in
    etc/file) TARGET=$etc_file ;;
    environ/file) TARGET=/proc/self/environ ;;
    outside/file) TARGET=$work/outside/secret.txt ;;
    etc/folder) TARGET=$(dirname "$etc_file") ;;
    environ/folder) TARGET=/proc/self ;;
    outside/folder) TARGET=$work/outside/pkg ;;
    esac
}

# One symlink case: kind $1, target kind $2; LINK = the path the error must name.
symlink_case() {
    local kind=$1 target=$2 slug module flag=""
    new_site "symlink-$kind-$target"
    rname e && slug=$REPLY
    rname m && module=$REPLY
    local folder=$SITE/content/$slug
    mkdir -p "$folder/experiments"
    link_target "$target"
    case $kind in
    python-import)
        essay "$SITE" "$slug" "$(bench_block experiments/x.py)"
        python_experiment "if False:
    import $module" >"$folder/experiments/x.py"
        ln -s "$TARGET" "$folder/experiments/$module.py"
        LINK=experiments/$module.py
        ;;
    python-package)
        local inner=secret
        case $target in etc) inner=$(basename "$etc_file") ;; environ) inner=environ ;; esac
        link_target "$target" folder
        essay "$SITE" "$slug" "$(bench_block experiments/x.py)"
        python_experiment "import $module.$inner" >"$folder/experiments/x.py"
        ln -s "$TARGET" "$folder/experiments/$module"
        LINK=experiments/$module
        ;;
    node-require)
        essay "$SITE" "$slug" "$(printf '```bench\nid: b\ntitle: B\nvariants:\n  a: %s\nsamples: 1\n```\n' \
            experiments/x.js#a)"
        {
            printf 'const { Bench } = require("evident_bench");\nconst lib = require("./%s");\n' "$module"
            printf 'const bench = new Bench();\nbench.variant("a", () => lib);\nbench.main();\n'
        } >"$folder/experiments/x.js"
        ln -s "$TARGET" "$folder/experiments/$module.js"
        LINK=experiments/$module.js
        ;;
    probe-snippet)
        mkdir -p "$folder/snippets"
        essay "$SITE" "$slug" "$(printf '```probe\nid: p\ntitle: P\ntools:\n  sh: %s\nsnippets:\n  s: %s\n```\n' \
            "sh {file}" "snippets/$module.sh")"
        ln -s "$TARGET" "$folder/snippets/$module.sh"
        LINK=snippets/$module.sh
        ;;
    directive-path)
        essay "$SITE" "$slug" "$(bench_block "experiments/$module.py")"
        ln -s "$TARGET" "$folder/experiments/$module.py"
        LINK=experiments/$module.py
        ;;
    essay-index)
        [ "$target" = outside ] && TARGET=$work/outside/essay.md
        ln -s "$TARGET" "$folder/index.md"
        LINK=content/$slug/index.md
        ;;
    esac
    rnd 0 1
    [ "$REPLY" = 1 ] && flag=--frozen
    build "$SITE" $flag
    check_refused_link "$SITE"
    report symlinks "$kind -> $target${flag:+ (frozen)}"
}

check_refused_link() {
    expect_status 1
    expect_stderr "\`$LINK\`"
    expect_stderr "outside the essay folder"
    expect_nothing_published "$1"
    expect_no_secret "$1"
}

# The issue's first case as CI meets it: evidence measured and stored, then an import of a link added, then a
# --frozen build, which reuses the stored evidence and must still refuse the link.
symlink_after_evidence_case() {
    local target=$1 slug module
    new_site "symlink-after-evidence-$target"
    rname e && slug=$REPLY
    rname m && module=$REPLY
    local folder=$SITE/content/$slug
    mkdir -p "$folder/experiments"
    essay "$SITE" "$slug" "$(bench_block experiments/x.py)"
    python_experiment >"$folder/experiments/x.py"
    build "$SITE"
    if [ "$STATUS" != 0 ]; then
        problem "the first build, before the link, exited $STATUS"
    else
        rm -rf "$SITE/public"
        link_target "$target"
        python_experiment "if False:
    import $module" >"$folder/experiments/x.py"
        ln -s "$TARGET" "$folder/experiments/$module.py"
        LINK=experiments/$module.py
        build "$SITE" --frozen
        check_refused_link "$SITE"
    fi
    report symlinks "import after evidence -> $target (frozen)"
}

symlinks() {
    local kind target
    for kind in python-import python-package node-require probe-snippet directive-path essay-index; do
        for target in etc environ outside; do symlink_case "$kind" "$target"; done
    done
    local targets=(etc environ outside)
    rnd 0 2 && symlink_after_evidence_case "${targets[REPLY]}"
}

# --- YAML aliases ----------------------------------------------------------------------------------------------

# `a0: &a0 [x, ...]`, then `aK: &aK [*aK-1, ...]` up to level $1, $2 items a list, each line indented by $3.
alias_bomb() {
    local levels=$1 width=$2 indent=${3:-} level items
    items=$(printf 'x,%.0s' $(seq "$width"))
    echo "${indent}a0: &a0 [${items%,}]"
    for level in $(seq "$levels"); do
        items=$(printf "*a$((level - 1)),%.0s" $(seq "$width"))
        echo "${indent}a$level: &a$level [${items%,}]"
    done
}

# Puts YAML $2 (lines, unindented) in place $1: front matter `extra:`, site.yml `extra:` or a bench directive's
# `params:`.
place_yaml() {
    local where=$1 yaml=$2
    case $where in
    front-matter)
        essay "$SITE" e Body. "extra:
$(sed 's/^/  /' <<<"$yaml")
"
        ;;
    site.yml)
        printf 'extra:\n%s\n' "$(sed 's/^/  /' <<<"$yaml")" >>"$SITE/content/site.yml"
        essay "$SITE" e Body.
        ;;
    directive)
        essay "$SITE" e "$(bench_block experiments/x.py "params:
$(sed 's/^/  /' <<<"$yaml")
")"
        mkdir -p "$SITE/content/e/experiments"
        python_experiment >"$SITE/content/e/experiments/x.py"
        ;;
    esac
}

yaml_bomb_case() {
    local where=$1 levels width
    rnd 6 9 && levels=$REPLY
    rnd 8 10 && width=$REPLY
    new_site "yaml-bomb-$where"
    place_yaml "$where" "$(alias_bomb "$levels" "$width")"
    build "$SITE"
    expect_status 1
    expect_stderr "expands to more than"
    check_yaml_refusal
    report yaml-aliases "$levels levels of $width in $where"
}

yaml_key_case() {
    local where=$1 levels forms form
    rnd 6 9 && levels=$REPLY
    rnd 1 "$levels"
    forms=("k: {*a$REPLY: 1}" "[*a$REPLY, x]: 1" "? *a$REPLY
: 1" "k:
  - {*a$REPLY : 1}")
    rnd 0 3 && form=${forms[REPLY]}
    new_site "yaml-key-$where"
    place_yaml "$where" "$(alias_bomb "$levels" 9)
$form"
    build "$SITE"
    expect_status 1
    expect_stderr "is used in a key of"
    check_yaml_refusal
    report yaml-aliases "alias as a key in $where"
}

check_yaml_refusal() {
    expect_stderr_re '^error: content/(site\.yml|e/index\.md):[0-9]+: '
    expect_within 5
    expect_rss_under 200
    expect_nothing_published "$SITE"
}

yaml_aliases() {
    local where
    for where in front-matter site.yml directive; do yaml_bomb_case "$where" && yaml_key_case "$where"; done
    local places=(front-matter site.yml directive)
    rnd 0 2 && yaml_bomb_case "${places[REPLY]}"
}

# --- partial cycles --------------------------------------------------------------------------------------------

# Writes template $2 of site $1 (a path under templates/, without .mustache): $3 blank lines, then text $4.
template() {
    mkdir -p "$(dirname "$1/templates/$2")"
    { for _ in $(seq "$3"); do echo; done; printf '%s\n' "$4"; } >"$1/templates/$2.mustache"
}

# Includes of kind $1 (partial or parent) of template $2: `{{>name}}` or `{{<name}}{{/name}}`.
include() { if [ "$1" = partial ]; then REPLY="{{>$2}}"; else REPLY="{{<$2}}{{/$2}}"; fi; }

cycle_self_case() {
    local kind=$1 name blank
    new_site "partial-self-$kind"
    essay "$SITE" e Body.
    rname partials/ && name=$REPLY
    rnd 0 6 && blank=$REPLY
    template "$SITE" partials/footer 0 "{{>$name}}"
    include "$kind" "$name"
    template "$SITE" "$name" "$blank" "x$REPLY"
    build "$SITE"
    check_cycle "templates/$name.mustache:$((blank + 1)): " "($name → $name)"
    report partial-cycles "$kind includes itself (line $((blank + 1)))"
}

cycle_pair_case() {
    local kind=$1 a b
    new_site "partial-pair-$kind"
    essay "$SITE" e Body.
    rname partials/ && a=$REPLY
    rname partials/ && b=$REPLY
    template "$SITE" partials/footer 0 "<footer>{{>$a}}</footer>"
    include "$kind" "$b"
    template "$SITE" "$a" 1 "a $REPLY"
    include "$kind" "$a"
    template "$SITE" "$b" 2 "b $REPLY"
    build "$SITE"
    check_cycle "" "nests templates more than"
    expect_stderr_re "^error: templates/($a\.mustache:2|$b\.mustache:3): including "
    report partial-cycles "two ${kind}s include each other"
}

check_cycle() {
    expect_status 1
    [ "$SIGNALED" != 11 ] || problem "crashed (SIGSEGV: a stack overflow?)"
    [ -z "$1" ] || expect_stderr "error: $1"
    expect_stderr "$2"
    expect_nothing_published "$SITE"
}

# A tree of $depth nested `n:` maps in the essay's extra, rendered by partials that include each other inside
# {{#n}}, ended at the innermost map by {{^end}}: finite, so the page builds with one <i> per level.
finite_case() {
    local partials=$1 depth indent="" level a b
    rnd 10 30 && depth=$REPLY
    new_site "partial-finite-$partials"
    local extra="extra:
  t:
"
    for level in $(seq "$depth"); do
        extra+="    $indent""n:
"
        indent+="  "
    done
    extra+="    $indent""end: true
"
    essay "$SITE" e Body. "$extra"
    rname partials/ && a=$REPLY
    rname partials/ && b=$REPLY
    [ "$partials" = 1 ] && b=$a
    template "$SITE" partials/footer 0 "{{#page.extra.t}}{{>$a}}{{/page.extra.t}}"
    template "$SITE" "$a" 0 "{{^end}}<i>{{#n}}{{>$b}}{{/n}}</i>{{/end}}"
    [ "$partials" = 1 ] || template "$SITE" "$b" 0 "{{^end}}<i>{{#n}}{{>$a}}{{/n}}</i>{{/end}}"
    build "$SITE"
    expect_status 0
    local found
    found=$(grep -o '<i>' "$SITE/public/e/index.html" 2>/dev/null | wc -l || true)
    [ "$found" = "$depth" ] || problem "$found levels rendered, expected $depth"
    report partial-cycles "finite, $depth deep, $partials partial(s)"
}

partial_cycles() {
    local kind
    for kind in partial parent; do cycle_self_case "$kind" && cycle_pair_case "$kind"; done
    finite_case 1
    finite_case 2
}

# --- repeated headings -----------------------------------------------------------------------------------------

headings_case() {
    local count=$1 mixed=${2:-} body awk_seed=$RANDOM
    new_site "headings-$count${mixed:+-mixed}"
    if [ -z "$mixed" ]; then
        body=$(awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++) print "## a\n" }')
    else
        # `## a` interleaved with `## a-<n>`: an author's heading takes a suffix an earlier one would get.
        body=$(awk -v n="$count" -v s="$awk_seed" 'BEGIN { srand(s); for (i = 0; i < n; i++)
            print (i % 2 ? "## a-" int(rand() * n / 2) : "## a") "\n" }')
    fi
    essay "$SITE" e "$body"
    build "$SITE"
    expect_status 0
    expect_within 10
    local ids dups
    ids=$(grep -o '<h2 id="[^"]*"' "$SITE/public/e/index.html" 2>/dev/null | wc -l || true)
    [ "$ids" = "$count" ] || problem "$ids headings with an id, expected $count"
    dups=$(grep -o '<h2 id="[^"]*"' "$SITE/public/e/index.html" 2>/dev/null | sort | uniq -d | head -n 3 || true)
    [ -z "$dups" ] || problem "ids given twice: $(echo $dups)"
    report headings "$count x ${mixed:-## a}"
}

headings() {
    headings_case 20000
    headings_case 100000
    headings_case 20000 "## a and ## a-<n>"
}

# --- grids -----------------------------------------------------------------------------------------------------

# A site whose bench has $1 parameters of $2 values each and $3 variants.
grid_site() {
    local count=$1 values=$2 variants=$3 params="params:
" i name
    new_site "grid-$count-$values-$variants"
    for i in $(seq "$count"); do
        rname p && name=$REPLY
        params+="  $name: [$(seq -s, 1 "$values")]
"
    done
    local names=(a b c d)
    names=("${names[@]:0:variants}")
    essay "$SITE" e "$(printf '```bench\nid: g\ntitle: G\nexperiment: %s\nvariants: [%s]\nsamples: 1\n%s```\n' \
        experiments/x.py "$(IFS=,; echo "${names[*]}")" "$params")"
    mkdir -p "$SITE/content/e/experiments"
    python_experiment "" "${names[*]}" >"$SITE/content/e/experiments/x.py"
    PARAMS_LINE=$(grep -n '^params:' "$SITE/content/e/index.md" | cut -d: -f1)
}

grid_refused_case() {
    grid_site "$1" "$2" "$3"
    build "$SITE"
    expect_status 1
    expect_stderr "error: content/e/index.md:$PARAMS_LINE: "
    expect_stderr "cells to measure, more than the"
    expect_within 5
    expect_nothing_published "$SITE"
    report grids "$1 params x $2 values x $3 variant$([ "$3" = 1 ] || echo s)"
}

# 1,000 cells × 1 variant is within the limit: --frozen gets past the grid to the missing evidence.
grid_allowed_case() {
    grid_site 3 10 1
    build "$SITE" --frozen
    expect_status 1
    expect_stderr "no stored evidence for \`g\`"
    grep -qF "cells to measure" "$work/stderr" && problem "the grid was refused"
    expect_within 5
    report grids "3 params x 10 values x 1 variant (frozen)"
}

grids() {
    grid_refused_case 6 10 1
    grid_refused_case 7 10 1
    grid_refused_case 20 10 1
    grid_refused_case 3 10 2
    grid_allowed_case
}

# --- signals ---------------------------------------------------------------------------------------------------

# A site whose experiment starts `sleep $2` in a process group (`group`) or session (`session`) of its own ($1),
# writes started.pid once it has, then sleeps 60 s; the directive's time-out is $3.
signal_site() {
    local how=$1 marker=$2 timeout=$3 option
    [ "$how" = group ] && option="process_group=0" || option="start_new_session=True"
    new_site "signal-$how-$marker"
    essay "$SITE" e "$(bench_block experiments/x.py "timeout: $timeout
")"
    mkdir -p "$SITE/content/e/experiments"
    cat >"$SITE/content/e/experiments/x.py" <<PY
import os
import subprocess
import time

child = subprocess.Popen(["sleep", "$marker"], $option)
with open("started.tmp", "w") as file:
    file.write(str(child.pid))
os.rename("started.tmp", "started.pid")
time.sleep(60)
PY
}

# REPLY = a fresh `sleep` argument: a number no other process is likely to sleep.
new_marker() {
    REPLY=$((300 + RANDOM % 600)).$seed$RANDOM$RANDOM
    markers+=("$REPLY")
}

# Waits up to $2 s for file $1.
wait_for() {
    local tries=$(($2 * 20))
    while [ ! -e "$1" ] && [ $tries -gt 0 ]; do
        sleep 0.05
        tries=$((tries - 1))
    done
    [ -e "$1" ]
}

# No `sleep <marker>` left, within 3 s (for the kernel to finish the kills).
expect_no_sleeper() {
    local tries=60
    while [ -n "$(sleepers "$1")" ] && [ $tries -gt 0 ]; do
        sleep 0.05
        tries=$((tries - 1))
    done
    [ -z "$(sleepers "$1")" ] || problem "\`sleep $1\` outlived the build (pid $(sleepers "$1" | tr '\n' ' '))"
}

signal_case() {
    local how=$1 signal=$2 expected=$3 marker
    new_marker && marker=$REPLY
    signal_site "$how" "$marker" 60s
    launch "$SITE"
    if wait_for "$SITE/content/e/experiments/started.pid" 30 && wait_for "$work/evident.pid" 1; then
        kill -s "$signal" "$(cat "$work/evident.pid")" || problem "evident had ended before the signal"
    else
        problem "the experiment never started its child"
    fi
    finish
    expect_status "$expected"
    expect_no_sleeper "$marker"
    expect_nothing_published "$SITE"
    report signals "$how child, $signal mid-measure"
}

signal_timeout_case() {
    local how=$1 marker
    new_marker && marker=$REPLY
    signal_site "$how" "$marker" 1s
    build "$SITE"
    expect_status 1
    expect_stderr "ran past its time-out of 1 s"
    expect_within 10
    [ -e "$SITE/content/e/experiments/started.pid" ] || problem "the experiment never started its child"
    expect_no_sleeper "$marker"
    expect_nothing_published "$SITE"
    report signals "$how child, 1 s timeout"
}

signals() {
    local how
    for how in group session; do
        signal_case "$how" INT 130
        signal_case "$how" TERM 143
        signal_case "$how" HUP 129
        signal_timeout_case "$how"
    done
}

# --- run -------------------------------------------------------------------------------------------------------

echo "hostile inputs: seed $seed, $bin, python ${EVIDENT_PYTHON:-from PATH}"
symlinks
yaml_aliases
partial_cycles
headings
grids
signals
echo "$cases cases, $failed failed"
[ "$failed" = 0 ]
