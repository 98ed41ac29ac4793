"""Async costs even when nothing waits: a chain of `depth` nested calls that never suspend, as plain
functions and as awaited `async def` coroutines. Each sample makes `calls` calls of the whole chain in a loop
of the variant's own (as call_overhead.js and CallOverhead.swift do), so the helper's timing of one call of
the variant is spread over many chains in every language alike. Each chain carries the loop's counter down and
back, and the results are summed and checked, so that no compiler can skip a chain or hoist it out of the loop.
"""

from evident_bench import Bench

bench = Bench()


def plain_chain(depth, value):
    return plain_chain(depth - 1, value) if depth > 1 else value


async def async_chain(depth, value):
    return await async_chain(depth - 1, value) if depth > 1 else value


@bench.variant("plain")
def plain(depth, calls):
    total = 0
    for i in range(calls):
        total += plain_chain(depth, i)
    assert total == calls * (calls - 1) // 2


@bench.variant("awaited")
async def awaited(depth, calls):
    total = 0
    for i in range(calls):
        total += await async_chain(depth, i)
    assert total == calls * (calls - 1) // 2


if __name__ == "__main__":
    bench.main()
