#!/usr/bin/env bash
# What `evident serve` costs while nobody edits, and how fast a save reaches an open page, on sites with many
# files under content/. For each size it generates a site (essays of about 1 KB, each with experiment files beside
# it, 10 files per essay), starts a release build of evident serve on loopback, waits until it serves, reads its
# CPU time (utime + stime from /proc/PID/stat) over an idle period, then edits an essay several times and times each
# save until the live-reload event arrives on an open event stream. Prints a table, with the median time of the
# rebuild itself (as the server reports it), which the save-to-reload time includes.
#
#   bench/serve-idle.sh                          builds the release binary, sizes 2,000 and 20,000 files
#   EVIDENT=/path/to/evident bench/serve-idle.sh measures that binary instead (e.g. one built from another commit)
#   SIZES="2000 20000" IDLE_SECONDS=10 EDITS=7 bench/serve-idle.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"2000 20000"}
IDLE_SECONDS=${IDLE_SECONDS:-10}
EDITS=${EDITS:-7}
if [ -z "${EVIDENT:-}" ]; then
    swift build -c release --static-swift-stdlib >&2
    EVIDENT=.build/release/evident
fi
EVIDENT=$(realpath "$EVIDENT")
work=$(mktemp -d)
server=""
stop() {
    [ -n "$server" ] && kill -INT "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

# A site with `files` files under content/ (and site.yml): essays with 9 experiment files each.
generate() {
    python3 - "$1" "$2" <<'PY'
import os, sys
site, files = sys.argv[1], int(sys.argv[2])
content = os.path.join(site, "content")
os.makedirs(content)
with open(os.path.join(content, "site.yml"), "w") as f:
    f.write("title: Idle bench\nbase_url: http://127.0.0.1/\nauthor: Bench\n")
paragraph = "A sentence of an essay that says little, written to have the size of one. " * 6
essays = max(1, files // 10)
for n in range(essays):
    folder = os.path.join(content, f"essay-{n:05d}")
    os.makedirs(os.path.join(folder, "experiments"))
    with open(os.path.join(folder, "index.md"), "w") as f:
        f.write(f"---\ntitle: Essay {n}\ndate: 2024-01-{n % 28 + 1:02d}\nsummary: Essay {n}.\n---\n\n"
                f"{paragraph}\n\n{paragraph}\n")
    for k in range(9):
        with open(os.path.join(folder, "experiments", f"step_{k}.py"), "w") as f:
            f.write(f"def step_{k}(x):\n    return x + {k}\n")
PY
}

# user + system CPU ticks of a process (fields 14 and 15 of /proc/PID/stat, after the command name).
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# Edits an essay EDITS times and prints the median, min and max milliseconds from each save to its reload event.
reload_latency() {
    python3 - "$1" "$2" "$EDITS" <<'PY'
import socket, statistics, sys, time
port, essay, edits = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
stream = socket.create_connection(("127.0.0.1", port))
stream.sendall(f"GET /__evident/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
received = b""
def next_event(timeout):
    global received
    deadline = time.monotonic() + timeout
    while b"event: build\ndata: " not in received:
        stream.settimeout(max(0.001, deadline - time.monotonic()))
        chunk = stream.recv(65536)
        if not chunk:
            sys.exit("the event stream closed")
        received += chunk
    start = received.index(b"event: build\ndata: ")
    end = received.index(b"\n", start + 19)
    value, received = received[start + 19:end], received[end:]
    return value
next_event(30)
delays = []
for round in range(edits):
    time.sleep(1.0)
    with open(essay, "a") as f:
        f.write(f"\nEdit {round}.\n")
    saved = time.monotonic()
    next_event(60)
    delays.append((time.monotonic() - saved) * 1000)
print(f"{statistics.median(delays):.0f} {min(delays):.0f} {max(delays):.0f}")
PY
}

# The median of the last EDITS rebuild times the server printed ("built N pages; 0.31 s → ..."), in ms.
rebuild_median() {
    python3 - "$1" "$EDITS" <<'PY'
import re, statistics, sys
times = [float(m) for m in re.findall(r"built \d+ pages?; ([0-9.]+) s", open(sys.argv[1]).read())]
median = statistics.median(times[-int(sys.argv[2]):]) * 1000 if times else None
print("?" if median is None else "<10" if median < 10 else f"{median:.0f}")  # printed in hundredths of a second
PY
}

rows=()
for size in $SIZES; do
    site="$work/site-$size"
    generate "$site" "$size"
    count=$(find "$site/content" -type f | wc -l)
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$EVIDENT" serve --site "$site" --port "$port" >"$work/serve-$size.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do
        grep -q "serving http://" "$work/serve-$size.log" && break
        kill -0 "$server" 2>/dev/null || { cat "$work/serve-$size.log" >&2; exit 1; }
        sleep 0.2
    done
    grep -q "serving http://" "$work/serve-$size.log" || { echo "the server did not start" >&2; exit 1; }
    sleep 2
    before=$(cpu_ticks "$server")
    sleep "$IDLE_SECONDS"
    after=$(cpu_ticks "$server")
    idle=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$IDLE_SECONDS" \
        'BEGIN { printf "%.1f", 100 * t / hz / s }')
    read -r median fastest slowest < <(reload_latency "$port" "$site/content/essay-00000/index.md")
    rebuild=$(rebuild_median "$work/serve-$size.log")
    rows+=("$(printf '%8s  %9s  %24s  %8s' "$count" "$idle %" "$median ms ($fastest–$slowest)" "$rebuild ms")")
    kill -INT "$server"
    wait "$server" 2>/dev/null || true
    server=""
    rm -rf "$site"
done

echo "evident serve, idle for ${IDLE_SECONDS} s, then ${EDITS} saves of one essay ($EVIDENT)"
printf '%8s  %9s  %24s  %8s\n' "files" "idle CPU" "save → reload, median" "rebuild"
for row in "${rows[@]}"; do echo "$row"; done
