"""A variant that does nothing, declared with the default number=1 (which the helper calibrates) and with
many calls per sample (`number="auto"`, reported per call)."""
from evident_bench import Bench

bench = Bench()


def nothing():
    pass


bench.variant("one_call")(nothing)
bench.variant("many_calls", number="auto")(nothing)

if __name__ == "__main__":
    bench.main()
