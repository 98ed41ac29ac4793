// A loop of awaits is still a loop, in Node.js: n waits of latency_ms (timers, as await_loop.py's
// transport=sleep and AwaitLoop.swift do), awaited one after another, and all at once with Promise.all.

const { Bench } = require("evident_bench");
const { setTimeout: sleep } = require("node:timers/promises");

const bench = new Bench();

bench.variant("await_loop", async ({ n, latency_ms: latency }) => {
  for (let i = 0; i < n; i++) await sleep(latency);
});

bench.variant("promise_all", async ({ n, latency_ms: latency }) => {
  await Promise.all(Array.from({ length: n }, () => sleep(latency)));
});

bench.setUp((p) => {
  if (p.transport !== "sleep") throw new Error("await_loop.js supports transport=sleep only");
});

bench.main();
