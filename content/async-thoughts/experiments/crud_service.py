"""A CRUD service under concurrent clients: does an asyncio server serve more than a threaded sync one?

`clients` clients, each on its own keep-alive connection, send requests one after another (requests each per
sample) to the service (crud_server.py: threads or asyncio, in its own process); each request is one query to a
storage server that answers after query_ms (delay_server.py, in a third process, standing in for a database on
the network). The clients run in this process, in one event loop, connected before the first sample.

Metrics: ops_per_s, the requests served per second of the sample, and p99_ms, the 99th percentile of the
requests' latencies.
"""

import asyncio
import time

import crud_server
import delay_server
from evident_bench import Bench

bench = Bench()


@bench.fixture
def service(variant, query_ms):
    with delay_server.running() as storage_port, crud_server.running(variant, storage_port, query_ms) as port:
        yield {"port": port}


@bench.fixture
async def connections(port, clients):
    opened = [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]
    yield {"connections": opened}
    for _, writer in opened:
        writer.close()


async def client(reader, writer, requests, latencies):
    for _ in range(requests):
        start = time.perf_counter()
        writer.write(b"get\n")
        assert await reader.readline() == b"ok\n"
        latencies.append(time.perf_counter() - start)


async def load(connections, requests):
    latencies = []
    start = time.perf_counter()
    await asyncio.gather(*(client(reader, writer, requests, latencies) for reader, writer in connections))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {"ops_per_s": len(latencies) / elapsed, "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000}


@bench.variant("threads")
async def threads(connections, requests):
    return await load(connections, requests)


@bench.variant("asyncio")
async def asyncio_server(connections, requests):
    return await load(connections, requests)


if __name__ == "__main__":
    bench.main()
