"""Async hides load, part two: requests arrive faster than a backend with 4 slots can serve them.

Requests arrive on a fixed schedule at `overload` times the backend's capacity for `duration_ms`; each holds one
of 4 slots for service_ms. Three servers:

- async_unbounded: asyncio takes every request and queues it behind a semaphore of 4 (nothing pushes back);
- threads_unbounded: a pool of 4 threads whose queue is unbounded too (ThreadPoolExecutor), the sync way;
- async_bounded_8: asyncio with admission control: a request that would find 8 others waiting is rejected at once.

Every request counts, rejected ones included. A request's latency runs from its scheduled arrival (a late start
is counted too) to its answer: the response, or the rejection. Metrics: p99_ms of those latencies over every
request, and good_pct, the share of all requests served within deadline_ms (a rejection is not good). Run for two
durations, so the table shows how the numbers grow with the length of the overload.
"""

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from evident_bench import Bench

SLOTS = 4
QUEUE_LIMIT = 8
bench = Bench()


def schedule(overload, duration_ms, service_ms):
    """Seconds between arrivals, and how many requests arrive."""
    interval = service_ms / 1000 / SLOTS / overload
    return interval, int(duration_ms / 1000 / interval)


def summary(latencies, served_in_time, count):
    ordered = sorted(latencies)
    p99 = ordered[min(count - 1, int(0.99 * count))]
    return {"p99_ms": p99 * 1000, "good_pct": 100 * served_in_time / count}


async def serve_async(overload, duration_ms, service_ms, deadline_ms, queue_limit):
    slots = asyncio.Semaphore(SLOTS)
    interval, count = schedule(overload, duration_ms, service_ms)
    latencies, good, waiting = [], 0, 0

    async def request(arrival):
        nonlocal waiting, good
        waiting += 1
        async with slots:
            waiting -= 1
            await asyncio.sleep(service_ms / 1000)
        latency = time.perf_counter() - arrival
        latencies.append(latency)
        good += latency * 1000 <= deadline_ms

    start = time.perf_counter()
    tasks = []
    for i in range(count):
        arrival = start + i * interval
        if (delay := arrival - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        if queue_limit is not None and waiting >= queue_limit:
            latencies.append(time.perf_counter() - arrival)  # answered at once: rejected
            continue
        tasks.append(asyncio.create_task(request(arrival)))
    await asyncio.gather(*tasks)
    return summary(latencies, good, count)


@bench.variant("async_unbounded")
async def async_unbounded(overload, duration_ms, service_ms, deadline_ms):
    return await serve_async(overload, duration_ms, service_ms, deadline_ms, queue_limit=None)


@bench.variant("async_bounded_8")
async def async_bounded_8(overload, duration_ms, service_ms, deadline_ms):
    return await serve_async(overload, duration_ms, service_ms, deadline_ms, queue_limit=QUEUE_LIMIT)


@bench.variant("threads_unbounded")
def threads_unbounded(overload, duration_ms, service_ms, deadline_ms):
    interval, count = schedule(overload, duration_ms, service_ms)
    latencies, good = [], [0]
    lock = threading.Lock()

    def request(arrival):
        time.sleep(service_ms / 1000)
        latency = time.perf_counter() - arrival
        with lock:
            latencies.append(latency)
            good[0] += latency * 1000 <= deadline_ms

    with ThreadPoolExecutor(max_workers=SLOTS) as pool:
        start = time.perf_counter()
        for i in range(count):
            arrival = start + i * interval
            if (delay := arrival - time.perf_counter()) > 0:
                time.sleep(delay)
            pool.submit(request, arrival)
    return summary(latencies, good[0], count)


if __name__ == "__main__":
    bench.main()
