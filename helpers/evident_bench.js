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

/** The parameters as an object whose missing keys are a usage error rather than `undefined`. */
function strictParams(values) {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key !== "string" || key in target || key === "then" || key === "toJSON") return target[key];
      throw new UsageError(`variant ${target.variant} needs --param ${key}=...`);
    },
  });
}

/** The arguments of the runner protocol: { variant, params, samples, warmup } or { list: true }. */
function parseArguments(argv) {
  const parsed = { variant: undefined, params: {}, samples: 10, warmup: 1, list: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--list") {
      parsed.list = true;
      continue;
    }
    if (!["--variant", "--param", "--samples", "--warmup"].includes(flag)) {
      throw new UsageError(`unexpected argument ${flag}`);
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    if (flag === "--variant") parsed.variant = value;
    if (flag === "--samples" || flag === "--warmup") {
      if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} ${value} is not an integer`);
      parsed[flag.slice(2)] = Number(value);
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

/** Writes one sample's lines: the time (per call when number > 1), then the extra metrics it returned. */
function emit(elapsed, k, result) {
  const metrics = result !== null && typeof result === "object" ? { ...result } : {};
  const wall = "wall_ns" in metrics ? metrics.wall_ns : Number(elapsed);
  delete metrics.wall_ns;
  const first = k === 1 ? { metric: "wall_ns", value: wall } : { metric: "wall_ns", value: wall / k, number: k };
  let text = JSON.stringify(first) + "\n";
  for (const [metric, value] of Object.entries(metrics)) text += JSON.stringify({ metric, value }) + "\n";
  fs.writeSync(1, text);
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

  /** Runs the variant the arguments name; resolves once done, with process.exitCode set on failure. */
  async main(argv = process.argv.slice(2)) {
    let args;
    try {
      args = parseArguments(argv);
      if (args.list) return fs.writeSync(1, [...this.variants.keys()].join("\n") + "\n");
      if (!this.variants.has(args.variant)) {
        const known = [...this.variants.keys()].join(", ");
        throw new UsageError(`unknown variant '${args.variant}'; this experiment has: ${known}`);
      }
    } catch (error) {
      return fail(error);
    }
    const params = { ...args.params, variant: args.variant };
    let failure;
    try {
      for (const setUp of this.setUps) Object.assign(params, (await setUp(strictParams(params))) || {});
      const { body, number } = this.variants.get(args.variant);
      await this.run(body, number, params, args);
    } catch (error) {
      failure = error;
    }
    for (const tearDown of this.tearDowns) {
      try {
        await tearDown(strictParams(params));
      } catch (error) {
        failure = failure || error;
      }
    }
    if (failure) fail(failure, args.variant);
  }

  // The first sample reads the parameters through the check for missing ones; later samples get the plain
  // object, since a Proxy trap would add to the time of a variant that costs nanoseconds.
  async run(body, number, values, { samples, warmup }) {
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
    for (let i = 0; i < warmup + samples; i++) {
      const [elapsed, result] = await sample(k);
      if (i >= warmup) emit(elapsed, k, result);
    }
  }
}

/** Reports a failure on stderr: a usage error with status 2, anything else with status 1. */
function fail(error, variant) {
  const usage = error instanceof UsageError;
  const what = usage || variant === undefined ? String(error.message) : `variant ${variant} failed: ${error.stack}`;
  fs.writeSync(2, `error: ${what}\n`);
  process.exitCode = usage ? 2 : 1;
}

module.exports = { Bench, UsageError, convert, parseArguments };
