"""A CRUD service under concurrent clients: does an asyncio server serve more than a threaded sync one?

`clients` clients, each on its own keep-alive connection, send requests one after another (requests each per
sample) to the service (crud_server.py: threads or asyncio, in its own process); each request is one query to a
storage server that answers after query_ms (delay_server.py, in a third process, standing in for a database on
the network). The clients run in this process, in one event loop, connected before the first sample. Both
servers run for the whole process, so that their samples alternate in pairs (a slow spell of the machine hits
both); the one not being measured sits idle.

Where the machine has two CPUs or more, the servers run on one of them, and the clients and the storage server
(the load and the database) on the others, so that the load does not take the service's CPU;
driver_cpu_percent says how busy the load and the database kept their side, and service_cpu_percent how busy
the measured server kept its CPU (100 % is one whole CPU).

With `crowd` set, `crowd_size` more connections to each server stay open around the clients for the whole
process (both servers carry theirs at once), each having made one request: `idle` ones send nothing more
(keep-alive connections of users reading a page), `slow` ones send each request a byte at a time, one byte a
second (clients on a slow or stalled network). memory_per_connection_bytes is the growth of the server's
resident memory while its crowd connected, per connection.

Metrics: ops_per_s, the clients' requests served per second of the sample; p99_ms, the 99th percentile of their
latencies; the CPU use of the two sides; memory_per_connection_bytes with a crowd.
"""

import asyncio
import contextlib
import os
import time

import crud_server
import delay_server
from evident_bench import Bench

bench = Bench()
SLOW_BYTE_S = 1.0


def cpu_plan():
    """The CPU for the service and the CPUs for the rest, or (None, None) on a machine of one CPU."""
    cpus = sorted(os.sched_getaffinity(0))
    return ({cpus[0]}, set(cpus[1:])) if len(cpus) >= 2 else (None, None)


def cpu_seconds(pid):
    """The CPU time of every thread of process `pid`, in nanoseconds' precision (schedstat, not clock ticks)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(FileNotFoundError):  # a thread that ended meanwhile
            total += int(open(f"/proc/{pid}/task/{task}/schedstat").read().split()[0])
    return total / 1e9


def resident_bytes(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


@bench.fixture
def servers(query_ms):
    service_cpus, driver_cpus = cpu_plan()
    if driver_cpus:
        os.sched_setaffinity(0, driver_cpus)  # this process, and the storage server it starts
    with (
        delay_server.running() as storage_port,
        crud_server.running("threads", storage_port, query_ms, service_cpus) as threads_server,
        crud_server.running("asyncio", storage_port, query_ms, service_cpus) as asyncio_server,
    ):
        children = open(f"/proc/self/task/{os.getpid()}/children").read().split()
        services = {"threads": threads_server, "asyncio": asyncio_server}
        storage_pid = next(int(child) for child in children if int(child) not in {pid for _, pid in services.values()})
        yield {"servers": services, "storage_pid": storage_pid}


async def request(reader, writer):
    writer.write(b"get\n")
    assert await reader.readline() == b"ok\n"


async def trickle(reader, writer):
    """A slow client: each request a byte at a time."""
    try:
        while True:
            for byte in (b"g", b"e", b"t", b"\n"):
                writer.write(byte)
                await asyncio.sleep(SLOW_BYTE_S)
            assert await reader.readline() == b"ok\n"
    except (asyncio.CancelledError, ConnectionError):
        pass


async def join(port, crowd_size):
    """crowd_size connections to the server on `port`, each after its first request."""
    opened = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(crowd_size)))
    await asyncio.gather(*(request(reader, writer) for reader, writer in opened))
    return opened


@bench.fixture
async def crowd(servers, crowd=None, crowd_size=0):
    if crowd is None:
        yield None
        return
    before = {style: resident_bytes(pid) for style, (_, pid) in servers.items()}
    crowds = await asyncio.gather(*(join(port, crowd_size) for port, _ in servers.values()))
    memory = {style: (resident_bytes(pid) - before[style]) / crowd_size for style, (_, pid) in servers.items()}
    opened = sum(crowds, [])
    tasks = [asyncio.create_task(trickle(*pair)) for pair in opened] if crowd == "slow" else []
    yield {"memory_per_connection": memory}
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks)
    for _, writer in opened:
        writer.close()


@bench.fixture
async def connections(servers, clients):
    opened = {
        style: [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]
        for style, (port, _) in servers.items()
    }
    yield {"connections": opened}
    for _, writer in sum(opened.values(), []):
        writer.close()


async def client(reader, writer, requests, latencies):
    for _ in range(requests):
        start = time.perf_counter()
        await request(reader, writer)
        latencies.append(time.perf_counter() - start)


def driver_seconds(storage_pid):
    return time.process_time() + cpu_seconds(storage_pid)


async def load(style, connections, servers, requests, storage_pid, memory_per_connection):
    latencies, service_pid = [], servers[style][1]
    service_cpu, driver_cpu = cpu_seconds(service_pid), driver_seconds(storage_pid)
    start = time.perf_counter()
    await asyncio.gather(*(client(reader, writer, requests, latencies) for reader, writer in connections[style]))
    elapsed = time.perf_counter() - start
    # The driver's side is read first: reading the server's threads' counters costs this process CPU.
    driver_cpu = driver_seconds(storage_pid) - driver_cpu
    service_cpu = cpu_seconds(service_pid) - service_cpu
    latencies.sort()
    result = {
        "ops_per_s": len(latencies) / elapsed,
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
        "service_cpu_percent": 100 * service_cpu / elapsed,
        "driver_cpu_percent": 100 * driver_cpu / elapsed,
    }
    if memory_per_connection is not None:
        result["memory_per_connection_bytes"] = memory_per_connection[style]
    return result


@bench.variant("threads")
async def threads(connections, servers, requests, storage_pid, memory_per_connection=None):
    return await load("threads", connections, servers, requests, storage_pid, memory_per_connection)


@bench.variant("asyncio")
async def asyncio_style(connections, servers, requests, storage_pid, memory_per_connection=None):
    return await load("asyncio", connections, servers, requests, storage_pid, memory_per_connection)


if __name__ == "__main__":
    bench.main()
