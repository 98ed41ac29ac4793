"""Reads the evidence of every run of bench/repeatability.sh and prints, per experiment, how often two runs'
medians fall inside each other's 95 % interval, and how often the A/A ratio's interval covers 1.0.

usage: analyse.py RUN_FOLDER...   (each holding known.json and aa.json of one refresh)"""

import itertools
import json
import os
import statistics
import sys


def load(folder, name):
    with open(os.path.join(folder, name)) as file:
        return json.load(file)


def cells(record):
    return {cell["variant"]: cell for cell in record["cells"]}


def main(folders):
    runs = [cells(load(folder, "known.json")) for folder in folders]
    print(f"{len(folders)} runs; pairs of runs whose medians lie inside each other's 95 % interval")
    print(f"{'experiment':<12} {'inside':>8} {'pairs':>6} {'median ± (half-width)':>22} {'processes':>10}")
    total_inside = total_pairs = 0
    for variant in runs[0]:
        pairs = list(itertools.combinations([run[variant] for run in runs if variant in run], 2))
        inside = sum(
            a["ci"][0] <= b["median"] <= a["ci"][1] and b["ci"][0] <= a["median"] <= b["ci"][1] for a, b in pairs
        )
        widths = [(c["ci"][1] - c["ci"][0]) / 2 / c["median"] for c in (run[variant] for run in runs)]
        processes = [c.get("processes", "-") for c in (run[variant] for run in runs)]
        total_inside += inside
        total_pairs += len(pairs)
        print(f"{variant:<12} {inside / len(pairs):>7.0%} {len(pairs):>6} {statistics.median(widths):>21.1%} "
              f"{str(statistics.median([p for p in processes if p != '-'] or [0])):>10}")
    print(f"{'all':<12} {total_inside / total_pairs:>7.0%} {total_pairs:>6}   (target: at least 80 %)")
    aa = [load(folder, "aa.json") for folder in folders]
    ratios = [next(r for r in record["ratios"] if r["variant"] == "b") for record in aa]
    covered = sum(r["ci"][0] <= 1.0 <= r["ci"][1] for r in ratios)
    print(f"A/A ratio b/a: interval covers 1.0 in {covered} of {len(ratios)} runs ({covered / len(ratios):.0%}; "
          f"target: at least 90 %); ratios " + ", ".join(f"{r['ratio']:.3f} [{r['ci'][0]:.3f}, {r['ci'][1]:.3f}]"
                                                     for r in ratios))
    seconds = [load(folder, "known.json")["duration_s"] + load(folder, "aa.json")["duration_s"] for folder in folders]
    print(f"measuring time per refresh: median {statistics.median(seconds):.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
