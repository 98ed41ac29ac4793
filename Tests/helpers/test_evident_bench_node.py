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
        self.assertUsageError("--samples", "1", mentions="unknown variant 'undefined'")

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
