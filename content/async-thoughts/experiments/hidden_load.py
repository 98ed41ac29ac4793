"""Async hides load: a producer sends size_mib MiB in 64 KiB chunks to a peer that reads rate_mib_s MiB/s.

- no_drain: asyncio writer.write() for each chunk, never awaiting drain(): write() always returns at once,
  the data piles up in the transport's buffer in our own memory.
- drain: the same with `await writer.drain()` after each write: the producer waits for the peer.
- sendall: a blocking socket: sendall() returns when the kernel took the chunk.

Metrics per sample: wall_ns = when the producer believed it was done; received_ns = when the peer had it all;
peak_buffer_bytes = most bytes held in user space, accepted from the producer but not yet by the kernel
(the transport buffer for asyncio; for sendall the one chunk being sent); rss_growth_bytes = the process's
resident memory at that peak (or after sending) minus before its first send.
"""

import asyncio
import socket
import time

import slow_reader
from evident_bench import Bench

CHUNK = 64 * 1024
bench = Bench()


@bench.fixture
def reader():
    with slow_reader.running() as port:
        # Memory is measured against the process before its first send: the allocator keeps what a
        # buffer once took, so later samples would otherwise hide it.
        yield {"port": port, "rss_start": rss_bytes()}


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def header(size_mib, rate_mib_s):
    return b"%d %d\n" % (size_mib << 20, rate_mib_s << 20)


async def produce(port, size_mib, rate_mib_s, rss_start, drain):
    chunk = b"x" * CHUNK
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.transport.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)
    peak, rss_peak = 0, rss_bytes()
    start = time.perf_counter_ns()
    writer.write(header(size_mib, rate_mib_s))
    for _ in range((size_mib << 20) // CHUNK):
        writer.write(chunk)
        if drain:
            await writer.drain()
        buffered = writer.transport.get_write_buffer_size()
        if buffered > peak:
            peak, rss_peak = buffered, rss_bytes()
    done = time.perf_counter_ns()  # the producer's work is over, as far as it can tell
    assert await reader.readline() == b"ok\n"
    received = time.perf_counter_ns()
    writer.close()
    await writer.wait_closed()
    return {"wall_ns": done - start, "received_ns": received - start, "peak_buffer_bytes": peak,
            "rss_growth_bytes": max(0, rss_peak - rss_start)}


@bench.variant("no_drain")
async def no_drain(port, size_mib, rate_mib_s, rss_start):
    return await produce(port, size_mib, rate_mib_s, rss_start, drain=False)


@bench.variant("drain")
async def drain(port, size_mib, rate_mib_s, rss_start):
    return await produce(port, size_mib, rate_mib_s, rss_start, drain=True)


@bench.variant("sendall")
def sendall(port, size_mib, rate_mib_s, rss_start):
    chunk = b"x" * CHUNK
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)
        start = time.perf_counter_ns()
        conn.sendall(header(size_mib, rate_mib_s))
        for _ in range((size_mib << 20) // CHUNK):
            conn.sendall(chunk)
        done = time.perf_counter_ns()
        assert conn.makefile("rb").readline() == b"ok\n"
        received = time.perf_counter_ns()
    return {"wall_ns": done - start, "received_ns": received - start, "peak_buffer_bytes": CHUNK,
            "rss_growth_bytes": max(0, rss_bytes() - rss_start)}


if __name__ == "__main__":
    bench.main()
