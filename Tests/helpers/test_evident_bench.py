"""Tests of helpers/evident_bench.py: python -m unittest discover -s Tests/helpers"""

import asyncio
import contextlib
import io
import json
import os
import subprocess
import sys
import time
import unittest

HELPERS = os.path.join(os.path.dirname(__file__), "..", "..", "helpers")
sys.path.insert(0, HELPERS)

from evident_bench import Bench, convert  # noqa: E402

SLOW_CALL_S = 0.002  # a call this long is timed alone: far above 100x the timer-and-loop overhead


def run(bench, *argv):
    """Runs bench.main in-process; returns (parsed lines, stderr text, exit status)."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stderr(err):
        try:
            bench.main(list(argv), out=out)
        except SystemExit as stop:
            status = stop.code
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue(), status


class ConvertTests(unittest.TestCase):
    def test_int_float_str(self):
        self.assertEqual(convert("10"), 10)
        self.assertIsInstance(convert("10"), int)
        self.assertEqual(convert("0.5"), 0.5)
        self.assertEqual(convert("tcp"), "tcp")
        self.assertEqual(convert(""), "")


class SamplingTests(unittest.TestCase):
    def test_one_line_per_sample_warmups_not_reported(self):
        bench, calls = Bench(), []

        @bench.variant("sync")
        def sync(n):
            calls.append(n)
            time.sleep(SLOW_CALL_S)  # slow enough to be timed call by call

        lines, _, status = run(bench, "--variant", "sync", "--param", "n=3", "--samples", "4", "--warmup", "2")
        self.assertEqual(status, 0)
        self.assertEqual(len(lines), 4)
        self.assertEqual(calls, [3] * 6)
        for line in lines:
            self.assertEqual(line["metric"], "wall_ns")
            self.assertIsInstance(line["value"], int)

    def test_only_accepted_params_are_passed(self):
        bench, seen = Bench(), {}

        @bench.variant("a")
        def a(n):
            seen["a"] = n

        @bench.variant("b")
        def b(n, latency_ms):
            seen["b"] = (n, latency_ms)

        @bench.variant("c")
        def c(**kw):
            seen["c"] = kw

        for name in "abc":
            run(bench, "--variant", name, "--param", "n=2", "--param", "latency_ms=0.5", "--samples", "1")
        self.assertEqual(seen, {"a": 2, "b": (2, 0.5), "c": {"n": 2, "latency_ms": 0.5, "variant": "c"}})

    def test_extra_metrics_and_wall_override(self):
        bench = Bench()

        @bench.variant("v")
        def v():
            return {"peak_buffer_bytes": 1024, "wall_ns": 7}

        lines, _, _ = run(bench, "--variant", "v", "--samples", "2", "--warmup", "0")
        self.assertEqual(
            lines,
            [{"metric": "wall_ns", "value": 7}, {"metric": "peak_buffer_bytes", "value": 1024}] * 2,
        )

    def test_async_variants_share_one_loop(self):
        bench, loops = Bench(), set()

        @bench.variant("a")
        async def a(n):
            await asyncio.sleep(0)
            loops.add(id(asyncio.get_running_loop()))

        lines, _, status = run(bench, "--variant", "a", "--param", "n=1", "--samples", "5", "--warmup", "1")
        self.assertEqual(status, 0)
        self.assertEqual(len(lines), 5)
        self.assertEqual(len(loops), 1)

    def test_fixture_wraps_all_samples_and_tears_down(self):
        bench, events = Bench(), []

        @bench.fixture
        def server(latency_ms):
            events.append(("up", latency_ms))
            yield {"port": 1234}
            events.append("down")

        @bench.variant("v")
        def v(port):
            events.append(port)
            time.sleep(SLOW_CALL_S)

        run(bench, "--variant", "v", "--param", "latency_ms=5", "--samples", "2", "--warmup", "0")
        self.assertEqual(events, [("up", 5), 1234, 1234, "down"])

    def test_teardown_runs_when_a_variant_fails(self):
        bench, events = Bench(), []

        @bench.fixture
        def resource():
            yield None
            events.append("down")

        @bench.variant("boom")
        def boom():
            raise RuntimeError("boom")

        with self.assertRaises(RuntimeError):
            run(bench, "--variant", "boom", "--samples", "1")
        self.assertEqual(events, ["down"])

    def test_async_fixture_runs_in_the_loop(self):
        bench = Bench()

        @bench.fixture
        async def queue():
            yield {"q": asyncio.Queue()}

        @bench.variant("v")
        async def v(q):
            await q.put(1)
            await asyncio.sleep(SLOW_CALL_S)
            return {"size": q.qsize()}

        lines, _, _ = run(bench, "--variant", "v", "--samples", "2", "--warmup", "0")
        self.assertEqual([line["value"] for line in lines if line["metric"] == "size"], [1, 2])

    def test_sync_variants_skip_async_fixtures(self):
        bench, events = Bench(), []

        @bench.fixture
        def plain(variant):
            events.append(("plain", variant))
            yield None

        @bench.fixture
        async def loop_bound():
            events.append("loop_bound")
            yield None

        @bench.variant("s")
        def s():
            pass

        @bench.variant("a")
        async def a():
            pass

        run(bench, "--variant", "s", "--samples", "1")
        run(bench, "--variant", "a", "--samples", "1")
        self.assertEqual(events, [("plain", "s"), ("plain", "a"), "loop_bound"])

    def test_number_reports_per_call(self):
        bench, calls = Bench(), []

        @bench.variant("fast", number=10)
        def fast():
            calls.append(1)

        lines, _, _ = run(bench, "--variant", "fast", "--samples", "3", "--warmup", "0")
        self.assertEqual(len(calls), 30)
        self.assertTrue(all(line["number"] == 10 for line in lines))
        self.assertIsInstance(lines[0]["value"], float)

    def test_auto_number_reaches_a_millisecond(self):
        bench = Bench()

        @bench.variant("fast", number="auto")
        def fast():
            pass

        @bench.variant("afast", number="auto")
        async def afast():
            pass

        for name in ("fast", "afast"):
            lines, _, _ = run(bench, "--variant", name, "--samples", "2", "--warmup", "0")
            number = lines[0]["number"]
            self.assertGreater(number, 100)
            self.assertLess(lines[0]["value"], 10_000)  # a no-op costs well under 10 µs


class OverheadTests(unittest.TestCase):
    """A number=1 variant near the timer-and-loop overhead is timed in a calibrated loop."""

    def test_a_no_op_is_calibrated_and_says_so(self):
        bench = Bench()

        @bench.variant("noop")
        def noop():
            pass

        @bench.variant("anoop")
        async def anoop():
            pass

        for name in ("noop", "anoop"):
            lines, _, status = run(bench, "--variant", name, "--samples", "3", "--warmup", "1")
            self.assertEqual(status, 0)
            self.assertEqual(len(lines), 3)
            for line in lines:
                self.assertGreater(line["number"], 100)
                self.assertGreater(line["overhead_ns"], 0)
                self.assertLess(line["value"], line["overhead_ns"] * 10)

    def test_a_slow_call_is_timed_alone_with_no_extra_call(self):
        bench, calls = Bench(), []

        @bench.variant("slow")
        def slow():
            calls.append(1)
            time.sleep(SLOW_CALL_S)

        lines, _, _ = run(bench, "--variant", "slow", "--samples", "3", "--warmup", "0")
        self.assertEqual(len(calls), 3)
        self.assertTrue(all("number" not in line and "overhead_ns" not in line for line in lines))
        self.assertTrue(all(line["value"] >= SLOW_CALL_S * 1e9 for line in lines))

    def test_a_variant_timing_itself_is_not_calibrated(self):
        bench = Bench()

        @bench.variant("own")
        def own():
            return {"wall_ns": 5}

        lines, _, _ = run(bench, "--variant", "own", "--samples", "2", "--warmup", "0")
        self.assertEqual(lines, [{"metric": "wall_ns", "value": 5}] * 2)


def pair_orders(test, lines):
    """The order of the variants in each pair, from lines that must come pair by pair, numbered from 0."""
    orders = []
    for line in lines:
        if line["pair"] == len(orders):
            orders.append([])
        test.assertEqual(line["pair"], len(orders) - 1, "lines out of pair order")
        if line["metric"] == "wall_ns":
            orders[-1].append(line["variant"])
    return orders


class PairedTests(unittest.TestCase):
    """Several --variant: one process, the variants alternating in pairs of balanced order."""

    def slow_bench(self, names, calls):
        bench = Bench()
        for name in names:
            def variant(variant):  # timed alone, so each sample is one call
                calls.append(variant)
                time.sleep(SLOW_CALL_S)
                return {"call": calls.count(variant)}

            bench.variant(name)(variant)
        return bench

    def test_each_pair_runs_every_variant_once_mirrored_on_odd_pairs(self):
        calls = []
        bench = self.slow_bench("abc", calls)
        argv = ["--variant", "a", "--variant", "b", "--variant", "c", "--samples", "6", "--warmup", "1", "--seed", "5"]
        lines, _, status = run(bench, *argv)
        self.assertEqual(status, 0)
        orders = pair_orders(self, lines)
        self.assertEqual(len(orders), 6)
        for j, order in enumerate(orders):
            self.assertEqual(sorted(order), ["a", "b", "c"])
            if j % 2:
                self.assertEqual(order, orders[j - 1][::-1])
        # Each variant's first call calibrates it and is its sample of the warm-up pair; then come the printed pairs.
        self.assertEqual(calls[:3], ["a", "b", "c"])
        self.assertEqual(calls[3:], [variant for order in orders for variant in order])
        self.assertEqual([line["value"] for line in lines if line["metric"] == "call"][:3], [2, 2, 2])
        self.assertEqual(pair_orders(self, run(bench, *argv)[0]), orders, "the same seed gives the same order")

    def test_every_line_names_its_variant_and_pair(self):
        bench = Bench()

        @bench.variant("a")
        def a():
            return {"wall_ns": 3, "bytes": 10}

        @bench.variant("b")
        def b():
            return {"wall_ns": 4}

        lines, _, _ = run(bench, "--variant", "a", "--variant", "b", "--samples", "2", "--warmup", "0")
        self.assertCountEqual(lines, [
            {"metric": "wall_ns", "value": 3, "variant": "a", "pair": 0},
            {"metric": "bytes", "value": 10, "variant": "a", "pair": 0},
            {"metric": "wall_ns", "value": 4, "variant": "b", "pair": 0},
            {"metric": "wall_ns", "value": 3, "variant": "a", "pair": 1},
            {"metric": "bytes", "value": 10, "variant": "a", "pair": 1},
            {"metric": "wall_ns", "value": 4, "variant": "b", "pair": 1},
        ])

    def test_each_variant_is_calibrated_on_its_own(self):
        bench = Bench()

        @bench.variant("noop")
        def noop():
            pass

        @bench.variant("slow")
        def slow():
            time.sleep(SLOW_CALL_S)

        @bench.variant("ten", number=10)
        async def ten():
            pass

        lines, _, status = run(
            bench, "--variant", "noop", "--variant", "slow", "--variant", "ten", "--samples", "2", "--warmup", "0")
        self.assertEqual(status, 0)
        by_variant = {line["variant"]: line for line in lines}
        self.assertGreater(by_variant["noop"]["number"], 100)
        self.assertIn("overhead_ns", by_variant["noop"])
        self.assertNotIn("number", by_variant["slow"])
        self.assertEqual(by_variant["ten"]["number"], 10)

    def test_fixtures_are_entered_once_for_all(self):
        bench, events = Bench(), []

        @bench.fixture
        def server():
            events.append("up")
            yield {"port": 1234}
            events.append("down")

        @bench.variant("a")
        def a(port):
            return {"port": port}

        @bench.variant("b")
        async def b(port):
            return {"port": port}

        lines, _, _ = run(bench, "--variant", "a", "--variant", "b", "--samples", "3", "--warmup", "1")
        self.assertEqual(events, ["up", "down"])
        self.assertEqual({line["value"] for line in lines if line["metric"] == "port"}, {1234})

    def test_async_fixtures_are_left_in_reverse_order_even_when_a_later_one_fails(self):
        bench, events = Bench(), []

        @bench.fixture
        async def loop_bound():
            events.append("async up")
            yield None
            events.append("async down")

        @bench.fixture
        def plain(broken):
            if broken:
                raise RuntimeError("cannot start")
            events.append("up")
            yield None
            events.append("down")

        @bench.variant("a")
        async def a():
            pass

        @bench.variant("b")
        def b():
            pass

        run(bench, "--variant", "a", "--variant", "b", "--param", "broken=0", "--samples", "1")
        self.assertEqual(events, ["async up", "up", "down", "async down"])
        events.clear()
        with self.assertRaises(RuntimeError):
            run(bench, "--variant", "a", "--variant", "b", "--param", "broken=1", "--samples", "1")
        self.assertEqual(events, ["async up", "async down"])

    def test_sync_variants_skip_async_fixtures(self):
        bench, events = Bench(), []

        @bench.fixture
        async def loop_bound():
            events.append("loop_bound")
            yield None

        for name in "ab":
            bench.variant(name)(lambda: {"wall_ns": 1})

        _, _, status = run(bench, "--variant", "a", "--variant", "b", "--samples", "1")
        self.assertEqual(status, 0)
        self.assertEqual(events, [])

    def test_a_fixture_that_takes_the_variant_cannot_be_shared(self):
        bench = Bench()

        @bench.fixture
        def per_variant(variant):
            yield None

        for name in "ab":
            bench.variant(name)(lambda: None)

        lines, err, status = run(bench, "--variant", "a", "--variant", "b", "--samples", "1")
        self.assertEqual((lines, status), ([], 2))
        self.assertIn("fixture per_variant takes `variant`", err)
        self.assertIn("add `isolate: true` to the directive", err)

    def test_a_variant_named_twice_or_unknown_is_a_usage_error(self):
        bench = self.slow_bench("ab", [])
        for argv, mentions in [
            (["--variant", "a", "--variant", "a"], "a variant is named twice"),
            (["--variant", "a", "--variant", "c"], "unknown variant 'c'"),
            (["--variant", "a", "--variant", "b", "--seed", "x"], "invalid int"),
        ]:
            lines, err, status = run(bench, *argv, "--samples", "1")
            self.assertEqual((lines, status), ([], 2), err)
            self.assertIn(mentions, err)

    def test_one_variant_prints_as_before(self):
        bench = Bench()

        @bench.variant("v")
        def v():
            return {"wall_ns": 7, "bytes": 1}

        lines, _, _ = run(bench, "--variant", "v", "--samples", "2", "--warmup", "1", "--seed", "3")
        self.assertEqual(lines, [{"metric": "wall_ns", "value": 7}, {"metric": "bytes", "value": 1}] * 2)


class ErrorTests(unittest.TestCase):
    def setUp(self):
        self.bench = Bench()

        @self.bench.variant("sync")
        def sync(n):
            pass

    def assertUsageError(self, *argv, mentions):
        lines, err, status = run(self.bench, *argv)
        self.assertEqual(status, 2)
        self.assertEqual(lines, [])
        self.assertIn(mentions, err)

    def test_unknown_variant(self):
        self.assertUsageError("--variant", "nope", "--samples", "1", mentions="unknown variant 'nope'")

    def test_missing_variant(self):
        self.assertUsageError("--samples", "1", mentions="--variant NAME is required")

    def test_bad_param(self):
        self.assertUsageError("--variant", "sync", "--param", "n", mentions="KEY=VALUE")

    def test_missing_param(self):
        self.assertUsageError("--variant", "sync", "--samples", "1", mentions="needs --param n=...")

    def test_param_nobody_uses(self):
        self.assertUsageError("--variant", "sync", "--param", "m=1", mentions="parameter 'm'")

    def test_bad_samples(self):
        self.assertUsageError("--variant", "sync", "--samples", "x", mentions="invalid int")
        self.assertUsageError("--variant", "sync", "--samples", "0", mentions="--samples")

    def test_stray_argument(self):
        self.assertUsageError("--variant", "sync", "--samples", "1", "extra", mentions="unexpected")

    def test_list(self):
        out = io.StringIO()
        self.bench.main(["--list"], out=out)
        self.assertEqual(out.getvalue(), "sync\n")


class ProcessTests(unittest.TestCase):
    def test_as_a_program(self):
        """The way the runner calls it: a script, PYTHONPATH at the helpers, stdout parsed."""
        script = (
            "from evident_bench import Bench\n"
            "bench = Bench()\n"
            "@bench.variant('v')\n"
            "def v(n): return {'n_seen': n}\n"
            "bench.main()\n"
        )
        env = dict(os.environ, PYTHONPATH=HELPERS)
        argv = [sys.executable, "-c", script, "--variant", "v", "--param", "n=4", "--samples", "2", "--warmup", "1"]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        self.assertEqual([line["metric"] for line in lines], ["wall_ns", "n_seen"] * 2)
        bad = subprocess.run(argv[:3] + ["--variant", "w"], env=env, capture_output=True, text=True)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("unknown variant 'w'", bad.stderr)


if __name__ == "__main__":
    unittest.main()


class BlackHoleTests(unittest.TestCase):
    def test_black_hole_keeps_the_last_value(self):
        import evident_bench

        value = object()
        evident_bench.black_hole(value)
        self.assertIs(evident_bench._sink, value)
