"""Summing a range three ways."""
from evident_bench import Bench

bench = Bench()


# ANCHOR: variants
@bench.variant("loop")
def loop(n):
    total = 0
    for i in range(n):
        total += i
    return None


@bench.variant("builtin")
def builtin(n):
    sum(range(n))
# ANCHOR_END: variants


@bench.variant("formula")
def formula(n):
    n * (n - 1) // 2


if __name__ == "__main__":
    bench.main()
