"""Async costs even when nothing waits: a chain of `depth` nested calls that never suspend, as plain
functions and as awaited `async def` coroutines. Too fast to time one call, so the helper times many
(number="auto") and reports nanoseconds per call of the whole chain.
"""

from evident_bench import Bench

bench = Bench()


def plain_chain(depth):
    return plain_chain(depth - 1) if depth > 1 else depth


async def async_chain(depth):
    return await async_chain(depth - 1) if depth > 1 else depth


# The variants are the chains themselves, so the helper's loop adds the same cost to both.
bench.variant("plain", number="auto")(plain_chain)
bench.variant("awaited", number="auto")(async_chain)

if __name__ == "__main__":
    bench.main()
