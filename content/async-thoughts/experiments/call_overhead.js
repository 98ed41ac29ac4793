// Async costs even when nothing waits, in Node.js: a chain of `depth` nested calls that never suspend, as plain
// functions and as awaited `async` functions. Each sample makes `calls` calls of the whole chain in a loop of the
// variant's own (as call_overhead.py and CallOverhead.swift do). Each chain carries the loop's counter down and
// back, and the results are summed and checked, so that no chain can be skipped or hoisted out of the loop.

const { Bench } = require("evident_bench");

function plainChain(depth, value) {
  return depth > 1 ? plainChain(depth - 1, value) : value;
}

async function asyncChain(depth, value) {
  return depth > 1 ? await asyncChain(depth - 1, value) : value;
}

function check(total, calls) {
  if (total !== (calls * (calls - 1)) / 2) throw new Error(`wrong total ${total}`);
}

const bench = new Bench();

bench.variant("plain", ({ depth, calls }) => {
  let total = 0;
  for (let i = 0; i < calls; i++) total += plainChain(depth, i);
  check(total, calls);
});

bench.variant("awaited", async ({ depth, calls }) => {
  let total = 0;
  for (let i = 0; i < calls; i++) total += await asyncChain(depth, i);
  check(total, calls);
});

bench.main();
