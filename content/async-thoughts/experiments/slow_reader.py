"""A loopback TCP server that reads slowly: the stand-in for a congested peer.

A producer sends one line "SIZE RATE" (bytes, bytes per second), then SIZE bytes; the server reads them at
RATE and answers "ok" once the last byte is in. Its receive buffer is kept small so the kernel does not hide
the backlog. Run as a program it prints its port and serves until its standard input closes; experiments use
`running()`, a context manager yielding the port.
"""

import contextlib
import socket
import subprocess
import sys
import threading
import time

SMALL_BUFFER = 64 * 1024


def serve():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER)  # inherited by accepted sockets
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    print(listener.getsockname()[1], flush=True)
    # Serve on a daemon thread; the main thread returns (and the process ends) when the parent closes our
    # stdin or dies. (Closing a listener does not wake a thread blocked in accept().)
    threading.Thread(target=accept_forever, args=(listener,), daemon=True).start()
    sys.stdin.read()


def accept_forever(listener):
    while True:
        conn, _ = listener.accept()
        with conn:
            reader = conn.makefile("rb")
            size, rate = map(int, reader.readline().split())
            start, got = time.perf_counter(), 0
            while got < size:
                got += len(reader.read1(min(16 * 1024, size - got)))
                ahead = got / rate - (time.perf_counter() - start)
                if ahead > 0:
                    time.sleep(ahead)
            conn.sendall(b"ok\n")


@contextlib.contextmanager
def running():
    child = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        yield int(child.stdout.readline())
    finally:
        child.stdin.close()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


if __name__ == "__main__":
    serve()
