// The experiment side of evident's runner protocol for Node.js, so that an experiment is only its variants.
//
// The runner starts a `.js` or `.mjs` experiment with `node`, with NODE_PATH at the folder holding this file,
// so an experiment loads it by name (CommonJS; from an `.mjs` file through `createRequire(import.meta.url)`):
//
//     const { Bench } = require("evident_bench");
//     const bench = new Bench();
//     bench.setUp(async (p) => ({ port: await startServer() }));   // optional, once per process, before the samples;
//     bench.tearDown(async (p) => stopServer(p.port));             // what it returns joins the parameters
//     bench.variant("loop", (p) => { for (let i = 0; i < p.n; i++) work(); });
//     bench.variant("all", async (p) => { await Promise.all(...); });   // async variants are awaited, each timed
//     bench.variant("call", (p) => f(p.depth), { number: "auto" });     // too fast to time one call: ns per call
//     bench.variant("x", () => ({ peak_bytes: 123 }));                  // extra metrics for this sample
//     bench.variant("sum", (p) => blackHole(sum(p.n)));                // keep a result alive (V8 drops dead code)
//     bench.main();
//
// It is invoked as `node experiment.js --variant NAME [--param KEY=VALUE]... --samples N --warmup W` and prints
// one JSON line per sample and metric: {"metric":"wall_ns","value":2143210}. Parameter values become numbers when
// they read as one, else stay strings; reading one the command line did not give (`p.n` without `--param n=...`)
// stops the program with a usage error, and `p.variant` is the variant's name. Each call is timed with
// process.hrtime.bigint(); warm-ups are not printed. A returned object's keys are extra metrics, one line each,
// and a `wall_ns` key replaces the measured time. `number: K` times K calls per sample and reports ns per call
// (a float, with "number": K); `number: "auto"` doubles K until a sample takes at least 1 ms, runs it for 20 ms
// so V8 optimizes the code, and doubles K again where the optimized code needs it. An unknown variant,
// a bad argument or a missing parameter: a message on stderr and exit status 2; a variant that throws: exit 1,
// after the tear-downs ran. `--list` prints the variant names.
//
// Paired samples: given `--variant` more than once (`--variant a --variant b --samples N --warmup W [--seed S]`),
// one process runs every named variant, alternating sample by sample: each *pair* j runs each variant once, in a
// balanced order (a seeded shuffle for even j, its reverse for odd j, so that no variant always goes first), W
// warm-up pairs first. Every line then carries "variant" and "pair" (j, from 0 after the warm-ups), so that the
// runner compares a and b within each pair: a slow spell of the machine hits both. The set-ups and tear-downs run
// once for all of them (one that reads `p.variant` cannot be shared: exit status 2, so that the directive says
// `isolate: true`). Each variant is calibrated (`number`) on its own before the first pair. What one variant
// leaves behind (a warm cache, garbage to collect, a grown heap, code V8 optimized for it) reaches the next one in
// the process: the balanced order spreads it over all variants alike, it does not remove it. The shuffle is
// Fisher-Yates drawing from SplitMix64 seeded with S (default 0), as in EvidentBench.swift, so both give the same
// order for the same seed.

"use strict";

const fs = require("node:fs");

const AUTO_TARGET_NS = 1_000_000n;

/** A mistake on the command line or in the parameters: reported on stderr with exit status 2. */
class UsageError extends Error {}

/** '10' -> 10, '0.5' -> 0.5, anything else stays a string. */
function convert(text) {
  const trimmed = text.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

/**
 * The parameters as an object whose missing keys are a usage error rather than `undefined`; `reader` names who
 * reads them in the message. Only a set-up or tear-down shared by several variants lacks `variant`.
 */
function strictParams(values, reader = `variant ${values.variant}`) {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key !== "string" || key in target || key === "then" || key === "toJSON") return target[key];
      if (key === "variant") {
        throw new UsageError(
          `${reader} reads p.variant, so the variants cannot share a process: add \`isolate: true\` to the directive`,
        );
      }
      throw new UsageError(`${reader} needs --param ${key}=...`);
    },
  });
}

/** The arguments of the runner protocol: { variants, params, samples, warmup, seed } or { list: true }. */
function parseArguments(argv) {
  const parsed = { variants: [], params: {}, samples: 10, warmup: 1, seed: 0n, list: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--list") {
      parsed.list = true;
      continue;
    }
    if (!["--variant", "--param", "--samples", "--warmup", "--seed"].includes(flag)) {
      throw new UsageError(`unexpected argument ${flag}`);
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    if (flag === "--variant") parsed.variants.push(value);
    if (flag === "--samples" || flag === "--warmup" || flag === "--seed") {
      if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} ${value} is not an integer`);
      // A BigInt seed: SplitMix64 takes all 64 bits, which a Number would round.
      parsed[flag.slice(2)] = flag === "--seed" ? BigInt(value) : Number(value);
    }
    if (flag === "--param") {
      const eq = value.indexOf("=");
      if (eq <= 0) throw new UsageError(`--param ${value} is not KEY=VALUE`);
      parsed.params[value.slice(0, eq)] = convert(value.slice(eq + 1));
    }
  }
  if (!parsed.list && (parsed.samples < 1 || parsed.warmup < 0)) {
    throw new UsageError("--samples must be >= 1 and --warmup >= 0");
  }
  return parsed;
}

/**
 * Writes one sample's lines: the time (per call when number > 1), then the extra metrics it returned; `pairing`
 * ({ variant, pair } in paired samples, else empty) ends every line.
 */
function emit(elapsed, k, result, pairing) {
  const metrics = result !== null && typeof result === "object" ? { ...result } : {};
  const wall = "wall_ns" in metrics ? metrics.wall_ns : Number(elapsed);
  delete metrics.wall_ns;
  const first = k === 1 ? { metric: "wall_ns", value: wall } : { metric: "wall_ns", value: wall / k, number: k };
  let text = JSON.stringify({ ...first, ...pairing }) + "\n";
  for (const [metric, value] of Object.entries(metrics)) text += JSON.stringify({ metric, value, ...pairing }) + "\n";
  fs.writeSync(1, text);
}

/** SplitMix64 from a BigInt seed: each call gives the next 64-bit value, as a BigInt. */
function splitMix64(seed) {
  let state = BigInt.asUintN(64, seed);
  return () => {
    state = BigInt.asUintN(64, state + 0x9e3779b97f4a7c15n);
    let z = BigInt.asUintN(64, (state ^ (state >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  };
}

/** Shuffles `items` in place (Fisher-Yates) with the 64-bit values of `next`. */
function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Number(next() % BigInt(i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** An experiment's variants and set-up, and the loop that times them. */
class Bench {
  constructor() {
    this.variants = new Map();
    this.setUps = [];
    this.tearDowns = [];
  }

  variant(name, body, { number = 1 } = {}) {
    if (!(number === "auto" || (Number.isInteger(number) && number >= 1))) {
      throw new TypeError(`variant ${name}: number must be a positive integer or "auto"`);
    }
    this.variants.set(name, { body, number });
  }

  setUp(body) {
    this.setUps.push(body);
  }

  tearDown(body) {
    this.tearDowns.push(body);
  }

  /** Runs the variants the arguments name; resolves once done, with process.exitCode set on failure. */
  async main(argv = process.argv.slice(2)) {
    let args;
    try {
      args = parseArguments(argv);
      if (args.list) return fs.writeSync(1, [...this.variants.keys()].join("\n") + "\n");
      if (args.variants.length === 0) throw new UsageError("--variant NAME is required");
      for (const name of args.variants) {
        if (!this.variants.has(name)) {
          const known = [...this.variants.keys()].join(", ");
          throw new UsageError(`unknown variant '${name}'; this experiment has: ${known}`);
        }
      }
      if (new Set(args.variants).size !== args.variants.length) throw new UsageError("a variant is named twice");
    } catch (error) {
      return fail(error);
    }
    const paired = args.variants.length > 1;
    const shared = paired ? { ...args.params } : { ...args.params, variant: args.variants[0] };
    const hookParams = (reader) => (paired ? strictParams(shared, reader) : strictParams(shared));
    // Whom a failure is blamed on: every variant during the set-ups, then the one calibrating or sampling.
    let current = `${paired ? "variants" : "variant"} ${args.variants.join(", ")}`;
    let failure;
    try {
      for (const setUp of this.setUps) Object.assign(shared, (await setUp(hookParams("set-up"))) || {});
      const sampled = new Map();
      for (const name of args.variants) {
        current = `variant ${name}`;
        const { body, number } = this.variants.get(name);
        // A variant alone gets the set-ups' own object, as it always has; paired ones each get a copy naming them.
        const values = paired ? { ...shared, variant: name } : shared;
        sampled.set(name, await this.calibrated(body, number, values));
      }
      const order = [...args.variants];
      const next = splitMix64(args.seed);
      // Warm-ups are the pairs before 0, so that the printed pairs 0 and 1, 2 and 3... mirror each other.
      for (let pair = -args.warmup; pair < args.samples; pair++) {
        if (pair % 2 === 0) shuffle(order, next);
        for (const name of pair % 2 === 0 ? order : [...order].reverse()) {
          current = `variant ${name}`;
          const { k, sample } = sampled.get(name);
          const [elapsed, result] = await sample(k);
          if (pair >= 0) emit(elapsed, k, result, paired ? { variant: name, pair } : {});
        }
      }
    } catch (error) {
      failure = error;
    }
    for (const tearDown of this.tearDowns) {
      try {
        await tearDown(hookParams("tear-down"));
      } catch (error) {
        failure = failure || error;
      }
    }
    if (failure) fail(failure, current);
  }

  /**
   * The variant `body` calibrated as its own process would be: { k, sample }, where sample(k) times k calls and
   * gives [ns, result]. The first sample reads the parameters through the check for missing ones; later samples
   * get the plain object, since a Proxy trap would add to the time of a variant that costs nanoseconds.
   */
  async calibrated(body, number, values) {
    const isAsync = body.constructor && body.constructor.name === "AsyncFunction";
    let params = strictParams(values);
    const sample = isAsync
      ? async (k) => {
          const start = process.hrtime.bigint();
          for (let i = 1; i < k; i++) await body(params);
          const result = await body(params);
          const elapsed = process.hrtime.bigint() - start;
          params = values;
          return [elapsed, result];
        }
      : (k) => {
          const start = process.hrtime.bigint();
          for (let i = 1; i < k; i++) body(params);
          const result = body(params);
          const elapsed = process.hrtime.bigint() - start;
          params = values;
          return [elapsed, result];
        };
    let k = number === "auto" ? 1 : number;
    if (number === "auto") {
      // Twice: the first pass runs the code before V8 has optimized it, which would settle on too few calls.
      for (let pass = 0; pass < 2; pass++) {
        while ((await sample(k))[0] < AUTO_TARGET_NS && k < 2 ** 30) k *= 2;
        for (const end = process.hrtime.bigint() + 20n * AUTO_TARGET_NS; process.hrtime.bigint() < end; ) await sample(k);
      }
    }
    return { k, sample };
  }
}

/** Reports a failure on stderr: a usage error with status 2, anything else with status 1 blamed on `who`. */
function fail(error, who) {
  const usage = error instanceof UsageError;
  const what = usage || who === undefined ? String(error.message) : `${who} failed: ${error.stack}`;
  fs.writeSync(2, `error: ${what}\n`);
  process.exitCode = usage ? 2 : 1;
}

/**
 * Keeps `value` alive, so that V8 cannot drop the work that computed it as dead code (Criterion's black_box, JMH's
 * Blackhole): a variant whose result goes nowhere may be optimized down to nothing.
 */
function blackHole(value) {
  blackHole.sink = value;
}

module.exports = { Bench, UsageError, blackHole, convert, parseArguments };
