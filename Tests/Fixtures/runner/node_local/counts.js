// A Node experiment whose variants report numbers derived from their parameters, and where it runs.
const fs = require("node:fs");
const { Bench } = require("evident_bench");

const bench = new Bench();
bench.variant("double", (p) => ({ wall_ns: 2 * p.n }));
bench.variant("cwd", () => ({ wall_ns: fs.readdirSync(".").length }));
bench.main();
