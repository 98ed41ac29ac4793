"""A loop of awaits is still a loop: n I/O operations one after another, awaited one after another, all at
once with gather, and all at once on threads: `threads` submits them to a pool of n threads started before the
samples (the way a server keeps one), `threads_startup` starts a fresh pool of n threads inside each sample.

transport=sleep waits latency_ms (time.sleep / asyncio.sleep); transport=tcp opens a loopback connection per
operation to a delay server that answers after latency_ms (the server runs in its own process).
"""

import asyncio
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import delay_server
from evident_bench import Bench

bench = Bench()

@bench.fixture
def server(transport):
    if transport == "tcp":
        with delay_server.running() as port:
            yield {"port": port}
    else:
        yield {"port": None}


@bench.fixture
def thread_pool(n):
    # Started before the samples, as a server keeps one; its idle workers cost the other variants nothing when
    # they share the process.
    with ThreadPoolExecutor(max_workers=n) as pool:
        list(pool.map(time.sleep, [0.001] * n))  # every worker started before the first sample
        yield {"pool": pool}

def io_op(transport, latency_ms, port):
    if transport == "sleep":
        time.sleep(latency_ms / 1000)
        return
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"%g\n" % latency_ms)
        assert conn.makefile("rb").readline() == b"ok\n"

async def async_io_op(transport, latency_ms, port):
    if transport == "sleep":
        await asyncio.sleep(latency_ms / 1000)
        return
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"%g\n" % latency_ms)
    assert await reader.readline() == b"ok\n"
    writer.close()
    await writer.wait_closed()

@bench.variant("sync")
def sync(n, transport, latency_ms, port):
    for _ in range(n):
        io_op(transport, latency_ms, port)

@bench.variant("await_loop")
async def await_loop(n, transport, latency_ms, port):
    for _ in range(n):
        await async_io_op(transport, latency_ms, port)

@bench.variant("gather")
async def gather(n, transport, latency_ms, port):
    await asyncio.gather(*(async_io_op(transport, latency_ms, port) for _ in range(n)))

@bench.variant("threads")
def threads(n, transport, latency_ms, port, pool):
    for future in [pool.submit(io_op, transport, latency_ms, port) for _ in range(n)]:
        future.result()

@bench.variant("threads_startup")
def threads_startup(n, transport, latency_ms, port):
    with ThreadPoolExecutor(max_workers=n) as pool:
        for future in [pool.submit(io_op, transport, latency_ms, port) for _ in range(n)]:
            future.result()

if __name__ == "__main__":
    bench.main()
