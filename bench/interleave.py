#!/usr/bin/env python3
"""Times commands interleaved: round after round, each command once per round, in a shuffled order (fixed seed).

    python3 bench/interleave.py SPEC --rounds N [--warmup W] [--csv FILE]

SPEC has one command per line, tab-separated: `name  pages  prepare  command` (prepare may be `-`). The prepare
command runs untimed before each timed run. Each run is timed as a whole process: wall clock around spawn and
wait4, and peak RSS from its rusage (the largest of the process and the children it waited for). A drifting,
shared machine then slows every command alike instead of biasing one. Prints medians; the raw samples go to CSV.
"""

import argparse
import os
import random
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    """Runs a shell command; returns (wall seconds, peak RSS in KiB), exiting on failure."""
    started = time.perf_counter_ns()
    process = subprocess.Popen(["/bin/sh", "-c", "exec " + command], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter_ns() - started) / 1e9
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {command}\n{stderr[-2000:]}")
    return wall, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--csv")
    args = parser.parse_args()
    commands = []
    with open(args.spec) as spec:
        for line in spec:
            if line.strip() and not line.startswith("#"):
                name, pages, prepare, command = line.rstrip("\n").split("\t")
                commands.append({"name": name, "pages": int(pages), "prepare": prepare, "command": command,
                                 "wall": [], "rss": []})
    rng = random.Random(20240601)
    samples = []
    for round_number in range(-args.warmup, args.rounds):
        order = commands[:]
        rng.shuffle(order)
        for entry in order:
            if entry["prepare"] != "-":
                subprocess.run(["/bin/sh", "-c", entry["prepare"]], check=True)
            wall, rss = run(entry["command"])
            if round_number >= 0:
                entry["wall"].append(wall)
                entry["rss"].append(rss)
                samples.append((round_number, entry["name"], wall, rss))
        label = "warm-up" if round_number < 0 else f"round {round_number + 1}/{args.rounds}"
        print(f"  {label}: " + ", ".join(f"{e['name']} {e['wall'][-1] * 1000:.0f} ms" if e["wall"] and round_number >= 0
                                          else e["name"] for e in commands), file=sys.stderr)
    if args.csv:
        with open(args.csv, "w") as out:
            out.write("round,name,wall_s,peak_rss_kib\n")
            for round_number, name, wall, rss in samples:
                out.write(f"{round_number},{name},{wall:.6f},{rss}\n")
    print(f"{'command':<22} {'median wall':>12} {'min':>9} {'max':>9} {'ms/page':>8} {'peak RSS':>9}")
    for entry in commands:
        median = statistics.median(entry["wall"])
        print(f"{entry['name']:<22} {median * 1000:>9.0f} ms {min(entry['wall']) * 1000:>6.0f} ms "
              f"{max(entry['wall']) * 1000:>6.0f} ms {median * 1000 / entry['pages']:>8.3f} "
              f"{statistics.median(entry['rss']) / 1024:>6.0f} MB")
    medians = {e["name"]: statistics.median(e["wall"]) for e in commands}
    print()
    for line in RATIOS:
        numerator, denominator, goal = line
        if numerator in medians and denominator in medians:
            print(f"{numerator} / {denominator}: {medians[numerator] / medians[denominator]:.2f}  (goal {goal})")
    for entry in commands:
        if entry["name"] in RSS_GOALS:
            print(f"{entry['name']} peak RSS at {entry['pages']} pages: {max(entry['rss']) / 1024:.0f} MB  "
                  f"(goal {RSS_GOALS[entry['name']]})")


RATIOS = [
    ("evident-warm", "cmark-floor", "<= 1.3"),
    ("evident-cold", "cmark-floor", "-"),
    ("hugo-minimal", "evident-cold", ">= 3"),
    ("hugo-minimal", "evident-warm", "-"),
    ("hugo-default", "evident-cold", "-"),
    ("hugo-real-site", "evident-noop-real", "> 1"),
    ("hugo-real-site", "evident-noop-docs", "> 1"),
]

# The largest peak RSS of any round (the process and the children it waited for, Pygments included).
RSS_GOALS = {
    "evident-cold": "<= 100 MB at 10,000 essays",
    "evident-warm": "<= 100 MB at 10,000 essays",
}

if __name__ == "__main__":
    main()
