// A stand-in helper beside the experiment: it must be the one loaded, before the bundled one.
exports.Bench = class {
  variant() {}
  main() {
    process.stdout.write('{"metric":"wall_ns","value":1,"helper":"local"}\n');
  }
};
