"""A run-of-the-mill CRUD app gains nothing: `rows` inserts, selects by id, updates and deletes, one operation
(and commit) at a time as request handlers would do them, on a WAL-mode SQLite file in a temporary folder.

sync: sqlite3 directly. to_thread: the same calls, each sent to a worker thread with asyncio.to_thread.
aiosqlite: the async driver (its own worker thread per connection). Metrics: wall_ns for the whole set,
ops_per_s.
"""

import asyncio
import os
import sqlite3
import tempfile
import time

import aiosqlite
from evident_bench import Bench

SCHEMA = "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)"
bench = Bench()


def statements(rows):
    """The workload, as (sql, args) in order: the same for every variant."""
    for i in range(rows):
        yield "INSERT INTO items (id, name, qty) VALUES (?, ?, ?)", (i, f"item {i}", i % 7)
    for i in range(rows):
        yield "SELECT name, qty FROM items WHERE id = ?", (i,)
    for i in range(rows):
        yield "UPDATE items SET qty = qty + 1 WHERE id = ?", (i,)
    for i in range(rows):
        yield "DELETE FROM items WHERE id = ?", (i,)


@bench.fixture
def database():
    with tempfile.TemporaryDirectory(prefix="evident-crud-") as folder:  # removed afterwards, with -wal/-shm
        path = os.path.join(folder, "crud.db")
        conn = sqlite3.connect(path, check_same_thread=False)  # to_thread uses it from worker threads
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(SCHEMA)
        conn.commit()
        yield {"path": path, "conn": conn}
        conn.close()


@bench.fixture
async def async_database(path):
    async with aiosqlite.connect(path) as aconn:
        await aconn.execute("PRAGMA synchronous=NORMAL")
        yield {"aconn": aconn}


def one_op(conn, sql, args):
    conn.execute(sql, args).fetchall()
    conn.commit()


def result(rows, elapsed_ns):
    return {"ops_per_s": 4 * rows / (elapsed_ns / 1e9)}


@bench.variant("sync")
def sync(conn, rows):
    start = time.perf_counter_ns()
    for sql, args in statements(rows):
        one_op(conn, sql, args)
    return result(rows, time.perf_counter_ns() - start)


@bench.variant("to_thread")
async def to_thread(conn, rows):
    start = time.perf_counter_ns()
    for sql, args in statements(rows):
        await asyncio.to_thread(one_op, conn, sql, args)
    return result(rows, time.perf_counter_ns() - start)


@bench.variant("aiosqlite")
async def aiosqlite_ops(aconn, rows):
    start = time.perf_counter_ns()
    for sql, args in statements(rows):
        async with aconn.execute(sql, args) as cursor:
            await cursor.fetchall()
        await aconn.commit()
    return result(rows, time.perf_counter_ns() - start)


if __name__ == "__main__":
    bench.main()
