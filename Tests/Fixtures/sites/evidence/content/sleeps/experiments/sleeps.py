import time

import runs
from evident_bench import Bench

bench = Bench()


@bench.variant("short")
def short():
    time.sleep(0.020)


@bench.variant("long")
def long():
    time.sleep(0.040)


if __name__ == "__main__":
    runs.count("sleeps")
    bench.main()
