"""What the helper's timing loop adds to a sample: one variant that does nothing, timed one call per sample and
many calls per sample (`number="auto"`, reported per call)."""
from evident_bench import Bench

bench = Bench()


def nothing():
    pass


bench.variant("one_call")(nothing)
bench.variant("many_calls", number="auto")(nothing)

if __name__ == "__main__":
    bench.main()
