"""Async hides load, part two: requests arrive faster than a backend with 4 slots can serve them.

Requests arrive on a fixed schedule at `overload` times the backend's capacity for `duration_ms`; each holds
one of 4 slots for service_ms. unbounded: asyncio takes every request and queues it behind the semaphore
(nothing pushes back). bounded: admission control: a request that would find more than queue_limit others
waiting is rejected at once. Latency runs from the scheduled arrival (so a late start is counted too).

Metrics: p99_ms of the served requests, rejected (count), wall_ns (the whole run).
"""

import asyncio
import time

from evident_bench import Bench

SLOTS = 4
bench = Bench()


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


async def serve_all(overload, duration_ms, service_ms, queue_limit):
    slots = asyncio.Semaphore(SLOTS)
    latencies, rejected, waiting = [], 0, 0
    interval = service_ms / 1000 / SLOTS / overload  # seconds between arrivals
    count = int(duration_ms / 1000 / interval)

    async def request(arrival):
        nonlocal waiting
        waiting += 1
        async with slots:
            waiting -= 1
            await asyncio.sleep(service_ms / 1000)
        latencies.append(time.perf_counter() - arrival)

    start = time.perf_counter()
    tasks = []
    for i in range(count):
        arrival = start + i * interval
        if (delay := arrival - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        if queue_limit is not None and waiting >= queue_limit:
            rejected += 1
            continue
        tasks.append(asyncio.create_task(request(arrival)))
    await asyncio.gather(*tasks)
    return {"p99_ms": p99(latencies) * 1000, "rejected": rejected}


@bench.variant("unbounded")
async def unbounded(overload, duration_ms, service_ms):
    return await serve_all(overload, duration_ms, service_ms, queue_limit=None)


@bench.variant("bounded")
async def bounded(overload, duration_ms, service_ms, queue_limit):
    return await serve_all(overload, duration_ms, service_ms, queue_limit)


if __name__ == "__main__":
    bench.main()
