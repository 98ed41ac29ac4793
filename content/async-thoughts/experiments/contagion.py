"""Contagion: a sync caller needs the result of the one async function in the code base. Its choices:
start an event loop per call (asyncio.run), keep one loop and reuse it (run_until_complete), or become
async itself, and so must its callers. `plain` is the same function without async, for scale.
"""

import asyncio

from evident_bench import Bench

bench = Bench()


async def fetch(x):  # the one async function: nothing in it needs to wait
    return x + 1


def fetch_plain(x):
    return x + 1


@bench.fixture
def loop():
    loop = asyncio.new_event_loop()
    yield {"loop": loop}
    loop.close()


@bench.variant("asyncio_run", number="auto")
def asyncio_run():
    return asyncio.run(fetch(1)) and None


@bench.variant("reused_loop", number="auto")
def reused_loop(loop):
    return loop.run_until_complete(fetch(1)) and None


@bench.variant("async_caller", number="auto")
async def async_caller():
    return await fetch(1) and None


@bench.variant("plain", number="auto")
def plain():
    return fetch_plain(1) and None


if __name__ == "__main__":
    bench.main()
