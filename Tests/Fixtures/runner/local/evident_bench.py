"""A local copy of evident_bench.py: enough of the protocol for the runner's tests."""
import json
import sys

ORIGIN = "local"


def main(variants):
    args = sys.argv[1:]
    variant, params, samples, warmup = None, {}, 1, 0
    while args:
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--variant":
            variant = value
        elif flag == "--param":
            key, _, text = value.partition("=")
            params[key] = text
        elif flag == "--samples":
            samples = int(value)
        elif flag == "--warmup":
            warmup = int(value)
    if variant not in variants:
        print(f"unknown variant {variant}", file=sys.stderr)
        sys.exit(2)
    for index in range(samples):
        value = variants[variant](params)
        print(json.dumps({"metric": "wall_ns", "value": value, "sample": index, "helper": ORIGIN, "warmup": warmup}))
