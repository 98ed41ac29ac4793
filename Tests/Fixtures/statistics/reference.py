#!/usr/bin/env python3
"""Reference values for evident's statistics, written as JSON fixtures beside this script.

Run with any Python 3.11+ (standard library only):  python3 reference.py
Every number comes from Python's `statistics` module or from exact integer arithmetic, and the bootstrap
uses the same generator (SplitMix64), the same bounded draw (Lemire) and the same resampling order as
Sources/Evident/Evidence/Statistics, so the Swift results must match bit for bit.
"""

import json
import math
import random
import statistics
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
MASK = (1 << 64) - 1
SIGMA_PER_MAD = 1.4826
OUTLIER_MADS = 3.0


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        """Lemire's multiply-shift with rejection: uniform in [0, n)."""
        m = self.next() * n
        if (m & MASK) < n:
            threshold = ((1 << 64) - n) % n
            while (m & MASK) < threshold:
                m = self.next() * n
        return m >> 64

    def shuffle(self, items):
        """Fisher-Yates from the end, as SplitMix64.shuffle."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def summary(sample):
    median = statistics.median(sample)
    mad = statistics.median([abs(x - median) for x in sample])
    limit = OUTLIER_MADS * SIGMA_PER_MAD * mad
    return {
        "sample": sample,
        "median": median,
        "mad": mad,
        "min": min(sample),
        "max": max(sample),
        "outliers": sum(1 for x in sample if abs(x - median) > limit),
        "quantiles40": statistics.quantiles(sample, n=40, method="inclusive") if len(sample) > 1 else [],
    }


def median_ranks(n):
    """Largest symmetric order-statistic interval [x(l), x(n+1-l)] with coverage >= 95%, exactly."""
    total = 2**n
    best = None
    tail = 0
    for lower in range(1, n // 2 + 1):
        tail += math.comb(n, lower - 1)
        coverage = 1 - 2 * Fraction(tail, total)
        if coverage < Fraction(95, 100):
            break
        best = (lower, coverage)
    if best is None:
        return {"n": n, "lower": 1, "upper": n, "coverage": float(1 - Fraction(2, total)) if n > 0 else 0.0,
                "reaches95": False}
    lower, coverage = best
    return {"n": n, "lower": lower, "upper": n + 1 - lower, "coverage": float(coverage), "reaches95": True}


def bootstrap_ratio(a, b, resamples, seed):
    a, b = sorted(a), sorted(b)
    rng = SplitMix64(seed)
    ratios = []
    for _ in range(resamples):
        median_a = statistics.median(sorted(a[rng.below(len(a))] for _ in range(len(a))))
        median_b = statistics.median(sorted(b[rng.below(len(b))] for _ in range(len(b))))
        if median_b == 0:
            ratios.append(1.0 if median_a == 0 else math.inf)
        else:
            ratios.append(median_a / median_b)
    cuts = statistics.quantiles(sorted(ratios), n=40, method="inclusive")
    return {"ratio": statistics.median(a) / statistics.median(b), "lower": cuts[0], "upper": cuts[-1]}


def write(name, value):
    (HERE / name).write_text(json.dumps(value, indent=1) + "\n")


def main():
    data = random.Random(20240601)
    samples = [
        [5.0],
        [3.0, 1.0],
        [2.0, 9.0, 4.0],
        [1.0, 1.0, 1.0, 1.0, 7.0],
        [10.5, 10.25, 10.75, 10.5, 11.0, 10.0, 50.0, 10.5],
        [round(data.lognormvariate(14, 0.1)) for _ in range(31)],
        [data.gauss(100, 5) for _ in range(40)] + [400.0, 380.0],
        [data.expovariate(1 / 3e6) for _ in range(101)],
        [float(data.randint(0, 3)) for _ in range(20)],
    ]
    write("summaries.json", [summary(s) for s in samples])

    write("median_ranks.json", [median_ranks(n) for n in list(range(1, 301)) + [500, 1000, 2500, 5000]])

    generator = SplitMix64(1234567)
    draws = [generator.next() for _ in range(5)]
    bounded = SplitMix64(42)
    below = [bounded.below(n) for n in [1, 2, 3, 7, 10, 1000, 2**63 + 5, 2**64 - 1]]
    shuffled = list(range(20))
    SplitMix64(7).shuffle(shuffled)
    write("splitmix64.json", {"seed": 1234567, "next": [str(x) for x in draws],
                              "belowSeed": 42, "below": [str(x) for x in below],
                              "belowBounds": [str(n) for n in [1, 2, 3, 7, 10, 1000, 2**63 + 5, 2**64 - 1]],
                              "shuffleSeed": 7, "shuffled": shuffled})

    cases = []
    for n_a, n_b, scale, seed in [(10, 10, 2.0, 1), (31, 17, 0.5, 99), (100, 80, 1.1, 0x457669), (6, 40, 3.0, 5)]:
        a = [round(data.lognormvariate(12, 0.2) * scale, 3) for _ in range(n_a)]
        b = [round(data.lognormvariate(12, 0.2), 3) for _ in range(n_b)]
        cases.append({"a": a, "b": b, "resamples": 2000, "seed": seed, **bootstrap_ratio(a, b, 2000, seed)})
    zero = {"a": [0.0, 0.0, 1.0, 2.0], "b": [0.0, 3.0, 3.0, 4.0, 5.0, 6.0, 7.0], "resamples": 500, "seed": 3}
    cases.append({**zero, **bootstrap_ratio(zero["a"], zero["b"], zero["resamples"], zero["seed"])})
    write("bootstrap.json", cases)


if __name__ == "__main__":
    main()
