"""A CPU-bound request handler: n requests, each computing the Adler-32 checksum of a `kib` KiB payload in
plain Python (checked against zlib). Nothing waits, so async has nothing to overlap.

loop: one request after another. gather: each request an `async def` handler, all gathered in one loop.
processes: a process pool with one worker per core (started once per process, outside the timing).
AwaitLoop.swift has the same handler in Swift.
"""

import asyncio
import os
import zlib
from concurrent.futures import ProcessPoolExecutor

from evident_bench import Bench

bench = Bench()


def payload(kib):
    return bytes((k * 7919) % 251 for k in range(kib * 1024))


def handle(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


async def async_handle(data):
    return handle(data)


def check(results, data):
    assert results and all(r == zlib.adler32(data) for r in results)


@bench.fixture
def pool(variant):
    if variant != "processes":
        yield None
        return
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as executor:
        list(executor.map(int, range(8)))  # start the workers now
        yield {"executor": executor}


@bench.variant("loop")
def loop(n, kib):
    data = payload(kib)
    check([handle(data) for _ in range(n)], data)


@bench.variant("gather")
async def gather(n, kib):
    data = payload(kib)
    check(await asyncio.gather(*(async_handle(data) for _ in range(n))), data)


@bench.variant("processes")
def processes(n, kib, executor):
    data = payload(kib)
    check(list(executor.map(handle, [data] * n, chunksize=max(1, n // 8))), data)


if __name__ == "__main__":
    bench.main()
