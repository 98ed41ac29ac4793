import time

import runs
from evident_bench import Bench

bench = Bench()


@bench.variant("one")
def one():
    time.sleep(0.002)


@bench.variant("two")
def two():
    time.sleep(0.004)


if __name__ == "__main__":
    runs.count("spins")
    bench.main()
