"""Async hides load, part two: requests arrive faster than a backend with 4 slots can serve them.

Requests arrive on a fixed schedule at `overload` times the backend's capacity for `duration_ms`. The backend is
the same for every server: a separate process (delay_server.py) that answers each request line after
service_ms; a slot is one connection to it, held from sending the request to reading the answer. So every style
waits on the same socket and the same timer, in another process: what differs is only how the server queues.

- async_unbounded: asyncio takes every request and queues it for a slot (nothing pushes back);
- threads_unbounded: a pool of 4 threads, each with its own slot, whose queue is unbounded too (ThreadPoolExecutor);
- async_bounded_8 and threads_bounded_8: the same two with admission control: a request that would find 8 others
  waiting is rejected at once.

Every request counts, rejected ones included. A request's latency runs from its scheduled arrival (a late start
is counted too) to its answer: the response, or the rejection. Metrics: p99_ms of those latencies over every
request; good_percent, the share of all requests served within deadline_ms (a rejection is not good); hold_ms,
the median time a request held its slot (the backend's service time as each server saw it, round trip
included); late_ms, the median delay of an arrival behind its schedule (each style's own timer: asyncio.sleep or
time.sleep). Run for two durations, so the table shows how the numbers grow with the length of the overload.
"""

import asyncio
import queue
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import delay_server
from evident_bench import Bench

SLOTS = 4
QUEUE_LIMIT = 8
bench = Bench()


@bench.fixture
def backend():
    with delay_server.running() as port:
        yield {"port": port}


def schedule(overload, duration_ms, service_ms):
    """Seconds between arrivals, and how many requests arrive."""
    interval = service_ms / 1000 / SLOTS / overload
    return interval, int(duration_ms / 1000 / interval)


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


class Tally:
    """What every server records, whatever its style."""

    def __init__(self, count, deadline_ms):
        self.count, self.deadline_ms = count, deadline_ms
        self.latencies, self.holds, self.lateness, self.good = [], [], [], 0
        self.lock = threading.Lock()

    def answered(self, arrival, held=None):
        latency = time.perf_counter() - arrival
        with self.lock:
            self.latencies.append(latency)
            if held is not None:
                self.holds.append(held)
                self.good += latency * 1000 <= self.deadline_ms

    def summary(self):
        ordered = sorted(self.latencies)
        return {
            "p99_ms": ordered[min(self.count - 1, int(0.99 * self.count))] * 1000,
            "good_percent": 100 * self.good / self.count,
            "hold_ms": median(self.holds) * 1000,
            "late_ms": median(self.lateness) * 1000,
        }


async def serve_async(port, overload, duration_ms, service_ms, deadline_ms, queue_limit):
    interval, count = schedule(overload, duration_ms, service_ms)
    tally, line = Tally(count, deadline_ms), b"%g\n" % service_ms
    slots = asyncio.Queue()
    for _ in range(SLOTS):
        slots.put_nowait(await asyncio.open_connection("127.0.0.1", port))
    waiting = 0

    async def request(arrival):
        nonlocal waiting
        waiting += 1
        reader, writer = await slots.get()
        waiting -= 1
        held = time.perf_counter()
        writer.write(line)
        assert await reader.readline() == b"ok\n"
        held = time.perf_counter() - held
        slots.put_nowait((reader, writer))
        tally.answered(arrival, held)

    start = time.perf_counter()
    tasks = []
    for i in range(count):
        arrival = start + i * interval
        if (delay := arrival - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        tally.lateness.append(time.perf_counter() - arrival)
        if queue_limit is not None and waiting >= queue_limit:
            tally.answered(arrival)  # answered at once: rejected
            continue
        tasks.append(asyncio.create_task(request(arrival)))
    await asyncio.gather(*tasks)
    while not slots.empty():
        writer = slots.get_nowait()[1]
        writer.close()
        await writer.wait_closed()
    return tally.summary()


def serve_threads(port, overload, duration_ms, service_ms, deadline_ms, queue_limit):
    interval, count = schedule(overload, duration_ms, service_ms)
    tally, line = Tally(count, deadline_ms), b"%g\n" % service_ms
    slots = queue.SimpleQueue()  # one connection per worker thread: a worker always finds one free
    for _ in range(SLOTS):
        connection = socket.create_connection(("127.0.0.1", port))
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        slots.put((connection, connection.makefile("rb")))
    waiting = [0]

    def request(arrival):
        with tally.lock:
            waiting[0] -= 1
        connection, answers = slots.get()
        held = time.perf_counter()
        connection.sendall(line)
        assert answers.readline() == b"ok\n"
        held = time.perf_counter() - held
        slots.put((connection, answers))
        tally.answered(arrival, held)

    with ThreadPoolExecutor(max_workers=SLOTS) as pool:
        start = time.perf_counter()
        for i in range(count):
            arrival = start + i * interval
            if (delay := arrival - time.perf_counter()) > 0:
                time.sleep(delay)
            tally.lateness.append(time.perf_counter() - arrival)
            with tally.lock:
                rejected = queue_limit is not None and waiting[0] >= queue_limit
                waiting[0] += not rejected
            if rejected:
                tally.answered(arrival)
                continue
            pool.submit(request, arrival)
    while not slots.empty():
        slots.get()[0].close()
    return tally.summary()


@bench.variant("async_unbounded")
async def async_unbounded(port, overload, duration_ms, service_ms, deadline_ms):
    return await serve_async(port, overload, duration_ms, service_ms, deadline_ms, queue_limit=None)


@bench.variant("async_bounded_8")
async def async_bounded_8(port, overload, duration_ms, service_ms, deadline_ms):
    return await serve_async(port, overload, duration_ms, service_ms, deadline_ms, queue_limit=QUEUE_LIMIT)


@bench.variant("threads_unbounded")
def threads_unbounded(port, overload, duration_ms, service_ms, deadline_ms):
    return serve_threads(port, overload, duration_ms, service_ms, deadline_ms, queue_limit=None)


@bench.variant("threads_bounded_8")
def threads_bounded_8(port, overload, duration_ms, service_ms, deadline_ms):
    return serve_threads(port, overload, duration_ms, service_ms, deadline_ms, queue_limit=QUEUE_LIMIT)


if __name__ == "__main__":
    bench.main()
