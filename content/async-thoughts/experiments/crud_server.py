"""The CRUD service of crud_service.py, in two styles, each in its own process: one request line in, one query to
the storage server (delay_server.py, which answers after the query's latency), one line "ok" out.

- threads: socketserver.ThreadingTCPServer, a thread per client connection, blocking sockets; each thread keeps
  its own storage connection (as a connection pool of one per thread would).
- asyncio: asyncio.start_server, a task per client connection, each with its own storage connection.

Run as `crud_server.py STYLE STORAGE_PORT QUERY_MS`, it prints its port and serves until its standard input
closes. `running(style, storage_port, query_ms, cpus)` is a context manager yielding the port and the process id;
the server runs on the CPUs `cpus` (all of this process's when None).
"""

import asyncio
import contextlib
import os
import socket
import socketserver
import subprocess
import sys
import threading


class Handler(socketserver.StreamRequestHandler):
    disable_nagle_algorithm = True  # as asyncio's transports do: small answers go out at once

    def handle(self):
        query = b"%g\n" % self.server.query_ms
        with socket.create_connection(("127.0.0.1", self.server.storage_port)) as storage:
            storage.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            answers = storage.makefile("rb")
            while self.rfile.readline():
                storage.sendall(query)
                assert answers.readline() == b"ok\n"
                self.wfile.write(b"ok\n")


class ThreadedServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    request_queue_size = 1024


def serve_threads(storage_port, query_ms):
    server = ThreadedServer(("127.0.0.1", 0), Handler)
    server.storage_port, server.query_ms = storage_port, query_ms
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()


async def serve_asyncio(storage_port, query_ms):
    query = b"%g\n" % query_ms

    async def handle(reader, writer):
        storage_reader, storage_writer = await asyncio.open_connection("127.0.0.1", storage_port)
        try:
            while await reader.readline():
                storage_writer.write(query)
                assert await storage_reader.readline() == b"ok\n"
                writer.write(b"ok\n")
        except (ConnectionError, asyncio.CancelledError):  # a client left, or the server is stopping
            pass
        finally:
            storage_writer.close()
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()


@contextlib.contextmanager
def running(style, storage_port, query_ms, cpus=None):
    argv = [sys.executable, __file__, style, str(storage_port), str(query_ms)]
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, preexec_fn=pin)
    try:
        yield int(child.stdout.readline()), child.pid
    finally:
        child.stdin.close()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


if __name__ == "__main__":
    style, port, latency = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    if style == "threads":
        serve_threads(port, latency)
    else:
        asyncio.run(serve_asyncio(port, latency))
