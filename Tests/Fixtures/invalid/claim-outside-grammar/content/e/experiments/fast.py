"""A quick experiment that always succeeds."""
from evident_bench import Bench

bench = Bench()


@bench.variant("a")
def a(n=1):
    sum(range(100 * n))


@bench.variant("b")
def b(n=1):
    sum(range(200 * n))


if __name__ == "__main__":
    bench.main()
