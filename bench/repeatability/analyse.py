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


def inside(a, b, key):
    """Whether the medians of cells a and b lie inside each other's interval `key` (ci, or ci_run: the run's own)."""
    ci_a, ci_b = a.get(key, a["ci"]), b.get(key, b["ci"])
    return ci_a[0] <= b["median"] <= ci_a[1] and ci_b[0] <= a["median"] <= ci_b[1]


def half_width(cell, key):
    ci = cell.get(key, cell["ci"])
    return (ci[1] - ci[0]) / 2 / cell["median"]


def main(folders):
    runs = [cells(load(folder, "known.json")) for folder in folders]
    print(f"{len(folders)} runs; pairs of runs whose medians lie inside each other's 95 % interval, as published "
          f"(widened by the drift between runs) and with each run's own interval alone")
    print(f"{'experiment':<12} {'inside':>7} {'± width':>8} {'own: inside':>12} {'± width':>8} {'earlier runs':>13} "
          f"{'processes':>10} {'spread of medians':>18}")
    totals = {"ci": 0, "ci_run": 0}
    total_pairs = 0
    for variant in runs[0]:
        series = [run[variant] for run in runs if variant in run]
        pairs = list(itertools.combinations(series, 2))
        counts = {key: sum(inside(a, b, key) for a, b in pairs) for key in totals}
        for key in totals:
            totals[key] += counts[key]
        total_pairs += len(pairs)
        processes = [c["processes"] for c in series if "processes" in c]
        medians = [c["median"] for c in series]
        print(f"{variant:<12} {counts['ci'] / len(pairs):>7.0%} "
              f"{statistics.median(half_width(c, 'ci') for c in series):>8.1%} "
              f"{counts['ci_run'] / len(pairs):>12.0%} "
              f"{statistics.median(half_width(c, 'ci_run') for c in series):>8.1%} "
              f"{statistics.median(len(c.get('earlier', [])) for c in series):>13} "
              f"{str(statistics.median(processes or [0])):>10} {max(medians) / min(medians) - 1:>17.1%}")
    print(f"{'all':<12} {totals['ci'] / total_pairs:>7.0%} {'':>8} {totals['ci_run'] / total_pairs:>12.0%}"
          f"   ({total_pairs} pairs; target: at least 80 %)")
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
