"""Reads the evidence of every run of bench/repeatability.sh and prints, per experiment, how often two runs'
medians fall inside each other's 95 % interval, how often the A/A ratio's interval covers 1.0, and for the paired
A/A' directive (a and b identical, c doing 5 % more of the same work, in one process) each refresh's b/a and c/a
with their intervals, against the goals: b/a covers 1.0 in at least 5 of 6 with a median half-width of at most
3 %, c/a excludes 1.0 in at least 5 of 6 with its median between 1.02 and 1.09, and no cell interval whose own
run's interval is within ±25 % reaches an upper bound over 3× its lower.

usage: analyse.py RUN_FOLDER...   (each holding known.json, aa.json and aac.json of one refresh)"""

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
    paired(folders)
    seconds = [sum(load(folder, f"{name}.json")["duration_s"] for name in ("known", "aa", "aac")) for folder in folders]
    print(f"measuring time per refresh: median {statistics.median(seconds):.1f} s")


def paired(folders):
    """The A/A' directive, refresh by refresh, and its goals."""
    records = [load(folder, "aac.json") for folder in folders]
    print("A/A' in one process (a, b identical; c 5 % more work): per refresh, b/a and c/a with their intervals")
    print(f"{'refresh':>7} {'b/a':>24} {'± width':>8} {'c/a':>24} {'earlier runs':>13}")
    widths, b_covers, c_excludes, c_ratios = [], 0, 0, []
    for index, record in enumerate(records, 1):
        ratio = {r["variant"]: r for r in record["ratios"]}
        b, c = ratio["b"], ratio["c"]
        width = max(b["ratio"] - b["ci"][0], b["ci"][1] - b["ratio"]) / b["ratio"]
        widths.append(width)
        b_covers += b["ci"][0] <= 1.0 <= b["ci"][1]
        c_excludes += not c["ci"][0] <= 1.0 <= c["ci"][1]
        c_ratios.append(c["ratio"])
        text = lambda r: f"{r['ratio']:.3f} [{r['ci'][0]:.3f}–{r['ci'][1]:.3f}]"  # noqa: E731
        print(f"{index:>7} {text(b):>24} {width:>8.1%} {text(c):>24} {len(b.get('earlier', [])):>13}")
    n = len(records)
    print(f"b/a covers 1.0 in {b_covers} of {n} (goal: at least {n - 1}); median half-width "
          f"{statistics.median(widths):.1%} (goal: at most 3 %)")
    print(f"c/a excludes 1.0 in {c_excludes} of {n} (goal: at least {n - 1}); median c/a "
          f"{statistics.median(c_ratios):.3f} (goal: 1.02–1.09)")
    spans = []
    for record in records + [load(folder, name) for folder in folders for name in ("known.json", "aa.json")]:
        for cell in record["cells"]:
            own = cell.get("ci_run", cell["ci"])
            if own[0] > 0 and max(cell["median"] - own[0], own[1] - cell["median"]) / cell["median"] <= 0.25:
                spans.append((cell["ci"][1] / cell["ci"][0] if cell["ci"][0] > 0 else float("inf"), cell["variant"]))
    worst = max(spans, default=(0, ""))
    over = sum(span > 3 for span, _ in spans)
    print(f"cells whose own interval is within ±25 %: {len(spans)}; published upper/lower above 3×: {over} "
          f"(worst {worst[0]:.2f}× for {worst[1]}; goal: none)")


if __name__ == "__main__":
    main(sys.argv[1:])
