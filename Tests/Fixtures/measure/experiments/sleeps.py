"""Variants for the measuring tests; prints the runner protocol itself and logs each process to runs.log."""

import argparse
import json
import random
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--variant", required=True)
parser.add_argument("--param", action="append", default=[])
parser.add_argument("--samples", type=int, required=True)
parser.add_argument("--warmup", type=int, required=True)
args = parser.parse_args()
params = dict(item.split("=", 1) for item in args.param)

with open("runs.log", "a") as log:
    log.write(" ".join([args.variant] + args.param + [str(args.samples)]) + "\n")

if args.variant == "crash":
    print("about to fail", file=sys.stderr)
    raise SystemExit("boom: the experiment crashed")
if args.variant == "garbage":
    print("hello, not a sample")
    raise SystemExit(0)
if args.variant == "elsewhere":
    print(json.dumps({"metric": "other_ns", "value": 1}))
    raise SystemExit(0)


def sample():
    """Sleeps as the variant says; returns the value to report."""
    if args.variant == "noisy":
        time.sleep(0.005)
        return random.lognormvariate(15, 2)
    seconds = {"short": 0.02, "long": 0.04}[args.variant] * float(params.get("scale", "1"))
    start = time.perf_counter_ns()
    time.sleep(seconds)
    return time.perf_counter_ns() - start


for _ in range(args.warmup):
    sample()
for _ in range(args.samples):
    print(json.dumps({"metric": "wall_ns", "value": sample()}))
