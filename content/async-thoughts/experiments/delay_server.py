"""A loopback TCP server that answers each request line after a delay: the stand-in for a remote service.

A request is one line holding the delay in milliseconds; the answer is the line "ok". Run as a program it
prints its port and serves until its standard input closes, so it cannot outlive the experiment that
started it. Experiments use `running()`, a context manager yielding the port.
"""

import asyncio
import contextlib
import subprocess
import sys


async def answer(reader, writer):
    try:
        while line := await reader.readline():
            await asyncio.sleep(float(line) / 1000)
            writer.write(b"ok\n")
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def serve():
    # A large backlog: the gather variants open 100 connections at once.
    server = await asyncio.start_server(answer, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # returns when the parent closes our stdin (or dies)
    server.close()


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
    asyncio.run(serve())
