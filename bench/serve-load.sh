#!/usr/bin/env bash
# Load test of `evident serve` on loopback: a release build serves a copy of a site while wrk sends requests
# for a fixed time; reports requests, errors and the server's resident memory before and after, then stops it.
#
#   bench/serve-load.sh                      the basic fixture site, 8 connections, 2 threads, 5 s
#   SITE=path/to/site DURATION=10s bench/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SITE=${SITE:-Tests/Fixtures/sites/basic}
PORT=${PORT:-18080}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
MIN_REQUESTS=10000
HOST=127.0.0.1

if ! command -v wrk >/dev/null; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi

swift build -c release --static-swift-stdlib
work=$(mktemp -d)
cp -R "$SITE" "$work/site"

.build/release/evident serve --site "$work/site" --host "$HOST" --port "$PORT" >"$work/serve.log" 2>&1 &
server=$!
stop() {
    kill -INT "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

for _ in $(seq 1 100); do
    grep -q "serving http://" "$work/serve.log" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 0.1
done
grep -q "serving http://" "$work/serve.log" || { echo "the server did not start" >&2; exit 1; }

# Requests rotate over a page, the home page, the stylesheet and the feed.
cat >"$work/paths.lua" <<'LUA'
local paths = { "/first-essay/", "/", "/assets/style.css", "/feed.xml" }
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
LUA

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }
before=$(rss)
wrk -c "$CONNECTIONS" -t "$THREADS" -d "$DURATION" --latency -s "$work/paths.lua" "http://$HOST:$PORT" \
    | tee "$work/wrk.txt"
after=$(rss)

requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
socket_errors=$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' "$work/wrk.txt")
bad_status=$(awk '/Non-2xx or 3xx/ { print $NF }' "$work/wrk.txt")
errors=$((${socket_errors:-0} + ${bad_status:-0}))

echo "serve-load: $requests requests, $errors errors; server RSS ${before} kB before, ${after} kB after" \
    "($((after - before)) kB)"
[ "$requests" -ge "$MIN_REQUESTS" ] || { echo "fewer than $MIN_REQUESTS requests" >&2; exit 1; }
[ "$errors" -eq 0 ] || exit 1
