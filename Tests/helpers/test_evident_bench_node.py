"""Tests of helpers/evident_bench.js, the Node.js helper, against the same protocol as test_evident_bench.py:
each experiment is a real script run by `node` with NODE_PATH at the helpers, its stdout parsed.

python -m unittest discover -s Tests/helpers
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

HELPERS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "helpers"))
NODE = shutil.which("node") or shutil.which("nodejs") or "node"


class NodeExperiment:
    """A script in a temporary folder, run the way the runner runs it."""

    def __init__(self, test, source):
        folder = tempfile.mkdtemp(prefix="evident-node-")
        test.addCleanup(shutil.rmtree, folder)
        self.path = os.path.join(folder, "experiment.js")
        with open(self.path, "w") as file:
            file.write('const { Bench } = require("evident_bench");\nconst bench = new Bench();\n')
            file.write(source)
            file.write("\nbench.main();\n")

    def run(self, *argv):
        """(parsed stdout lines, stderr text, exit status)."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NODE_PATH": HELPERS}
        done = subprocess.run(
            [NODE, self.path, *argv], env=env, capture_output=True, text=True, timeout=60,
            cwd=os.path.dirname(self.path))
        lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        return lines, done.stderr, done.returncode, done.stdout


class SamplingTests(unittest.TestCase):
    def test_one_line_per_sample_warmups_not_reported(self):
        script = NodeExperiment(self, 'let calls = 0;\nbench.variant("sync", (p) => ({ calls: ++calls, n: p.n }));')
        lines, _, status, _ = script.run("--variant", "sync", "--param", "n=3", "--samples", "4", "--warmup", "2")
        self.assertEqual(status, 0)
        walls = [line for line in lines if line["metric"] == "wall_ns"]
        self.assertEqual(len(walls), 4)
        self.assertTrue(all(isinstance(line["value"], int) for line in walls))
        self.assertEqual([line["value"] for line in lines if line["metric"] == "calls"], [3, 4, 5, 6])
        self.assertEqual({line["value"] for line in lines if line["metric"] == "n"}, {3})

    def test_params_are_numbers_or_strings_and_name_the_variant(self):
        script = NodeExperiment(
            self, 'bench.variant("v", (p) => ({ types: [p.n, p.ms, p.transport, p.variant].map((x) => typeof x).join(),'
            ' sum: p.n + p.ms }));')
        lines, _, _, _ = script.run(
            "--variant", "v", "--param", "n=2", "--param", "ms=0.5", "--param", "transport=tcp", "--samples", "1")
        self.assertEqual([line["value"] for line in lines if line["metric"] == "sum"], [2.5])
        self.assertEqual([line["value"] for line in lines if line["metric"] == "types"], ["number,number,string,string"])

    def test_extra_metrics_and_wall_override(self):
        script = NodeExperiment(self, 'bench.variant("v", () => ({ peak_buffer_bytes: 1024, wall_ns: 7 }));')
        lines, _, _, _ = script.run("--variant", "v", "--samples", "2", "--warmup", "0")
        self.assertEqual(
            lines, [{"metric": "wall_ns", "value": 7}, {"metric": "peak_buffer_bytes", "value": 1024}] * 2)

    def test_async_variants_are_awaited_and_timed(self):
        script = NodeExperiment(
            self, 'const { setTimeout: sleep } = require("node:timers/promises");\n'
            'bench.variant("a", async (p) => { await sleep(p.ms); });')
        lines, _, status, _ = script.run("--variant", "a", "--param", "ms=20", "--samples", "3", "--warmup", "1")
        self.assertEqual(status, 0)
        self.assertEqual(len(lines), 3)
        self.assertTrue(all(line["value"] >= 19_000_000 for line in lines), lines)

    def test_set_up_joins_the_params_and_tear_down_runs_after_a_failure(self):
        script = NodeExperiment(
            self, 'bench.setUp((p) => ({ port: p.base + 1 }));\n'
            'bench.tearDown((p) => { process.stderr.write(`down ${p.port}\\n`); });\n'
            'bench.variant("ok", (p) => ({ port: p.port }));\n'
            'bench.variant("boom", () => { throw new Error("boom"); });')
        lines, err, status, _ = script.run("--variant", "ok", "--param", "base=1233", "--samples", "2", "--warmup", "0")
        self.assertEqual(status, 0)
        self.assertEqual([line["value"] for line in lines if line["metric"] == "port"], [1234, 1234])
        self.assertEqual(err, "down 1234\n")
        lines, err, status, _ = script.run("--variant", "boom", "--param", "base=1", "--samples", "1")
        self.assertEqual(status, 1)
        self.assertEqual(lines, [])
        self.assertIn("variant boom failed: Error: boom", err)
        self.assertTrue(err.startswith("down 2\n"), err)  # torn down before the failure is reported

    def test_number_reports_per_call(self):
        script = NodeExperiment(self, 'let calls = 0;\nbench.variant("fast", () => ({ calls: ++calls }), { number: 10 });')
        lines, _, _, _ = script.run("--variant", "fast", "--samples", "3", "--warmup", "0")
        walls = [line for line in lines if line["metric"] == "wall_ns"]
        self.assertTrue(all(line["number"] == 10 for line in walls))
        self.assertEqual([line["value"] for line in lines if line["metric"] == "calls"], [10, 20, 30])

    def test_auto_number_reaches_a_millisecond(self):
        script = NodeExperiment(
            self, 'bench.variant("fast", () => {}, { number: "auto" });\n'
            'bench.variant("afast", async () => {}, { number: "auto" });')
        for name in ("fast", "afast"):
            lines, _, _, _ = script.run("--variant", name, "--samples", "2", "--warmup", "0")
            self.assertGreater(lines[0]["number"], 100)
            self.assertLess(lines[0]["value"], 10_000)  # a no-op costs well under 10 µs


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

    def setUp(self):
        self.script = NodeExperiment(
            self, 'const calls = [];\n'
            'for (const name of ["a", "b", "c", "d"]) {\n'
            '  bench.variant(name, () => { calls.push(name); return { call: calls.filter((c) => c === name).length,'
            ' order: calls.join("") }; });\n'
            '}\n'
            'bench.variant("ten", () => {}, { number: 10 });')

    def test_each_pair_runs_every_variant_once_mirrored_on_odd_pairs(self):
        argv = ["--variant", "a", "--variant", "b", "--variant", "c", "--samples", "6", "--warmup", "1", "--seed", "5"]
        lines, err, status, _ = self.script.run(*argv)
        self.assertEqual(status, 0, err)
        orders = pair_orders(self, lines)
        self.assertEqual(len(orders), 6)
        for j, order in enumerate(orders):
            self.assertEqual(sorted(order), ["a", "b", "c"])
            if j % 2:
                self.assertEqual(order, orders[j - 1][::-1])
        # The warm-up pair is not printed: each variant's first printed sample is its second call; the calls ran in
        # the printed order.
        calls = [line["value"] for line in lines if line["metric"] == "call"]
        self.assertEqual(calls[:3], [2, 2, 2])
        printed = "".join(variant for order in orders for variant in order)
        self.assertTrue(lines[-1]["value"].endswith(printed), lines[-1])
        self.assertEqual(pair_orders(self, self.script.run(*argv)[0]), orders, "the same seed gives the same order")

    def test_the_order_is_the_swift_helpers_for_the_same_seed(self):
        lines, _, _, _ = self.script.run(
            "--variant", "a", "--variant", "b", "--variant", "c", "--variant", "d", "--samples", "4", "--warmup", "0",
            "--seed", "7")
        self.assertEqual(["".join(order) for order in pair_orders(self, lines)], ["bcad", "dacb", "bacd", "dcab"])

    def test_every_line_names_its_variant_and_pair_and_keeps_its_number(self):
        lines, _, _, _ = self.script.run("--variant", "ten", "--variant", "a", "--samples", "2", "--warmup", "0")
        self.assertEqual(
            sorted((line["variant"], line["pair"], line["metric"], line.get("number")) for line in lines),
            [("a", 0, "call", None), ("a", 0, "order", None), ("a", 0, "wall_ns", None),
             ("a", 1, "call", None), ("a", 1, "order", None), ("a", 1, "wall_ns", None),
             ("ten", 0, "wall_ns", 10), ("ten", 1, "wall_ns", 10)])

    def test_one_variant_prints_as_before(self):
        lines, _, status, _ = self.script.run("--variant", "a", "--samples", "2", "--warmup", "1", "--seed", "3")
        self.assertEqual(status, 0)
        self.assertEqual([sorted(line) for line in lines], [["metric", "value"]] * 6)
        self.assertEqual([line["value"] for line in lines if line["metric"] == "call"], [2, 3])

    def test_set_up_and_tear_down_run_once_for_all(self):
        script = NodeExperiment(
            self, 'bench.setUp((p) => { process.stderr.write("up\\n"); return { port: p.base + 1 }; });\n'
            'bench.tearDown((p) => { process.stderr.write(`down ${p.port}\\n`); });\n'
            'bench.variant("a", (p) => ({ port: p.port, name: p.variant }));\n'
            'bench.variant("b", async (p) => ({ port: p.port, name: p.variant }));')
        lines, err, status, _ = script.run(
            "--variant", "a", "--variant", "b", "--param", "base=1233", "--samples", "2", "--warmup", "1")
        self.assertEqual(status, 0, err)
        self.assertEqual(err, "up\ndown 1234\n")
        self.assertEqual({line["value"] for line in lines if line["metric"] == "port"}, {1234})
        self.assertTrue(all(line["value"] == line["variant"] for line in lines if line["metric"] == "name"))

    def test_a_set_up_that_reads_the_variant_cannot_be_shared(self):
        script = NodeExperiment(
            self, 'bench.setUp((p) => ({ file: `${p.variant}.txt` }));\n'
            'bench.tearDown(() => { process.stderr.write("down\\n"); });\n'
            'bench.variant("a", () => {});\nbench.variant("b", () => {});')
        lines, err, status, _ = script.run("--variant", "a", "--variant", "b", "--samples", "1")
        self.assertEqual((lines, status), ([], 2), err)
        self.assertIn("set-up reads p.variant, so the variants cannot share a process", err)
        self.assertIn("add `isolate: true` to the directive", err)
        _, _, status, _ = script.run("--variant", "a", "--samples", "1")
        self.assertEqual(status, 0, "alone, a variant's set-up is told its name")

    def test_a_variant_named_twice_or_unknown_is_a_usage_error(self):
        for argv, mentions in [
            (["--variant", "a", "--variant", "a"], "a variant is named twice"),
            (["--variant", "a", "--variant", "e"], "unknown variant 'e'"),
            (["--variant", "a", "--variant", "b", "--seed", "x"], "--seed x is not an integer"),
        ]:
            lines, err, status, _ = self.script.run(*argv, "--samples", "1")
            self.assertEqual((lines, status), ([], 2), err)
            self.assertIn(mentions, err)

    def test_a_failure_names_the_variant_that_threw(self):
        script = NodeExperiment(
            self, 'bench.variant("ok", () => {});\nlet n = 0;\n'
            'bench.variant("flaky", () => { if (++n === 3) throw new Error("third call"); });')
        _, err, status, _ = script.run("--variant", "ok", "--variant", "flaky", "--samples", "4", "--warmup", "0")
        self.assertEqual(status, 1)
        self.assertIn("variant flaky failed: Error: third call", err)


class ErrorTests(unittest.TestCase):
    def setUp(self):
        self.script = NodeExperiment(self, 'bench.variant("sync", (p) => p.n);')

    def assertUsageError(self, *argv, mentions):
        lines, err, status, _ = self.script.run(*argv)
        self.assertEqual(status, 2, err)
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

    def test_bad_samples(self):
        self.assertUsageError("--variant", "sync", "--samples", "x", mentions="is not an integer")
        self.assertUsageError("--variant", "sync", "--samples", "0", mentions="--samples")

    def test_stray_argument(self):
        self.assertUsageError("--variant", "sync", "--samples", "1", "extra", mentions="unexpected")

    def test_list(self):
        _, _, status, out = self.script.run("--list")
        self.assertEqual(status, 0)
        self.assertEqual(out, "sync\n")


if __name__ == "__main__":
    unittest.main()
