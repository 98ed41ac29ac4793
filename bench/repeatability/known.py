"""Known-answer experiments for bench/repeatability.sh: what each variant costs is fixed by its code, so any
difference between two runs is the machine's and the harness's, not the experiment's."""

import time
from concurrent.futures import ThreadPoolExecutor

from evident_bench import Bench

bench = Bench()


@bench.variant("sleep_1ms")
def sleep_1ms():
    time.sleep(0.001)


@bench.variant("sleep_5ms")
def sleep_5ms():
    time.sleep(0.005)


@bench.variant("sleep_20ms")
def sleep_20ms():
    time.sleep(0.02)


@bench.variant("cpu_loop")
def cpu_loop():
    total = 0
    for i in range(20_000):
        total += i * i
    return None


@bench.variant("sub_us")
def sub_us():
    return None


@bench.variant("threads")
def threads():
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(time.sleep, [0.001] * 8))


@bench.variant("a")
def a():
    total = 0
    for i in range(20_000):
        total += i * i


@bench.variant("b")
def b():
    total = 0
    for i in range(20_000):
        total += i * i


@bench.variant("c")
def c():
    total = 0
    for i in range(21_000):  # 5 % more of the same work as a and b
        total += i * i


if __name__ == "__main__":
    bench.main()
