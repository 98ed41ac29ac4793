import XCTest

/// Every bad directive gives one exact message at the line of the offending key; the fence is on line 10, so
/// YAML line k is essay line 10 + k.
final class DirectiveErrorTests: XCTestCase {
    private var essay: DirectiveEssay!

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
    }

    private static let keys =
        "id, title, caption, experiment, variants, commands, baseline, params, metric, samples, precision, "
        + "min_samples, max_samples, warmup, budget, timeout, isolate, work, claims"

    /// A valid bench head; the lines given follow it from YAML line 4.
    private func bench(_ rest: String) -> String {
        essay.error(.bench, "id: a\ntitle: A\ncommands: {sync: \"true\", gather: \"false\"}\n" + rest)
    }

    /// A valid experiment bench head; the lines given follow it from YAML line 4.
    private func experiment(_ rest: String) -> String {
        essay.error(.bench, "id: a\ntitle: A\nexperiment: experiments/await_loop.py\n" + rest)
    }

    func testBadYAMLPointsAtItsLine() {
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A: b\n"),
            "content/x/index.md:12: bad YAML in the bench directive: mapping values are not allowed in this context "
                + "— check the indentation, and quote text that contains `: ` or ` #`")
    }

    func testDuplicateKeyPointsAtTheSecond() {
        XCTAssertEqual(
            bench("budget: 1s\nwarmup: 2\nbudget: 2s"),
            "content/x/index.md:16: `budget` is given twice in the bench directive — keep one `budget:`")
    }

    func testEmptyBody() {
        let message =
            "content/x/index.md:10: the bench directive is empty — write its keys as YAML, starting with `id:` and `title:`"
        XCTAssertEqual(essay.error(.bench, ""), message)
        XCTAssertEqual(essay.error(.bench, "# nothing yet\n"), message)
    }

    func testBodyThatIsNotAMap() {
        XCTAssertEqual(
            essay.error(.bench, "- a\n- b"),
            "content/x/index.md:11: the body of a bench directive must be a YAML map of keys, not a list "
                + "— write one `key: value` per line, starting with `id:` and `title:`")
        XCTAssertEqual(
            essay.error(.probe, "\njust words"),
            "content/x/index.md:12: the body of a probe directive must be a YAML map of keys, not text "
                + "— write one `key: value` per line, starting with `id:` and `title:`")
    }

    func testUnknownKeyWithABlockValuePointsAtTheKey() {
        XCTAssertEqual(
            bench("tolls:\n  python: python3"),
            "content/x/index.md:14: unknown key `tolls` in the bench directive — use one of the keys: \(Self.keys)")
    }

    func testUnknownKeySuggestsTheClosest() {
        XCTAssertEqual(
            bench("budgett: 1s"),
            "content/x/index.md:14: unknown key `budgett` in the bench directive — did you mean `budget`? "
                + "The keys: \(Self.keys)")
        XCTAssertEqual(
            bench("colour: red"),
            "content/x/index.md:14: unknown key `colour` in the bench directive — use one of the keys: \(Self.keys)")
    }

    func testMissingRequiredKeys() {
        XCTAssertEqual(
            essay.error(.bench, "title: A\ncommands: {a: b}"),
            "content/x/index.md:10: the bench directive has no `id` "
                + "— add `id: a-name-like-this` (lower-case letters, digits and dashes)")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ncommands: {a: b}"),
            "content/x/index.md:10: the bench directive has no `title` "
                + "— add `title:` with the question it answers, on one line")
    }

    func testBadID() {
        XCTAssertEqual(
            essay.error(.bench, "title: A\nid: Await_Loop\ncommands: {a: b}"),
            "content/x/index.md:12: bad id `Await_Loop`: ids are lower-case letters, digits and dashes "
                + "— use something like `await-loop`")
    }

    func testWrongTypesAndEmptyValues() {
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle:\n  - A\ncommands: {a: b}"),
            "content/x/index.md:12: `title` must be text, not a list — write it as a single value")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: ~\ncommands: {a: b}"),
            "content/x/index.md:12: `title` is empty — write a value for it")
        XCTAssertEqual(
            bench("caption: {a: b}"),
            "content/x/index.md:14: `caption` must be text, not a map — write it as a single value")
    }

    func testSourceFormsExcludeEachOther() {
        XCTAssertEqual(
            essay.error(
                .bench,
                "id: a\ntitle: A\nexperiment: experiments/await_loop.py\nvariants:\n  x: experiments/await_loop.py#x"),
            "content/x/index.md:13: `experiment` is given with `variants` as a map — a map names each variant's file "
                + "(`file#variant`): remove `experiment`, or make `variants` a list")
        XCTAssertEqual(
            bench("experiment: experiments/await_loop.py"),
            "content/x/index.md:14: `commands` cannot be combined with `experiment` "
                + "— time whole processes with `commands`, or run an experiment's variants; not both")
        XCTAssertEqual(
            bench("variants: [a]"),
            "content/x/index.md:14: `commands` cannot be combined with `variants` "
                + "— time whole processes with `commands`, or run an experiment's variants; not both")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A"),
            "content/x/index.md:10: the bench directive says nothing to run — add `experiment:` and `variants:` "
                + "(a list), `variants:` as a map of name → `file#variant`, or `commands:`")
        XCTAssertEqual(
            experiment(""),
            "content/x/index.md:10: the bench directive has no `variants` "
                + "— add `variants: [a, b]`, the names of the variants `experiments/await_loop.py` defines")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\nvariants: [a, b]"),
            "content/x/index.md:13: `variants` is a list but there is no `experiment` — add `experiment:` with the "
                + "file that defines them, or make `variants` a map of name → `file#variant`")
        XCTAssertEqual(
            experiment("variants: sync"),
            "content/x/index.md:14: `variants` must be a list or a map, not text "
                + "— write `variants: [a, b]` with `experiment:`, or a map of name → `file#variant`")
    }

    func testVariantMapEntriesNeedFileAndVariant() {
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\nvariants:\n  fast: experiments/await_loop.py"),
            "content/x/index.md:14: variant `fast` must be `file#variant`, not `experiments/await_loop.py` "
                + "— write `experiments/await_loop.py#fast`")
        XCTAssertEqual(
            essay.error(.bench, "id: a\ntitle: A\nvariants:\n  fast: '#gather'"),
            "content/x/index.md:14: variant `fast` must be `file#variant`, not `#gather` "
                + "— write a path, `#` and the variant's name in that file, like `experiments/x.py#fast`")
    }

    func testVariantNames() {
        XCTAssertEqual(
            experiment("variants:\n  - a\n  - b\n  - a"),
            "content/x/index.md:17: variant `a` is listed twice — give each variant its own name")
        XCTAssertEqual(
            experiment("variants: [a, b.c]"),
            "content/x/index.md:14: bad variant name `b.c` "
                + "— use letters, digits, `_` and `-` only; claims and inline references cite it by name")
        XCTAssertEqual(
            experiment("variants: []"),
            "content/x/index.md:14: `variants` is an empty list — add at least one item or remove `variants`")
    }

    func testBaselineMustBeAVariant() {
        XCTAssertEqual(
            bench("baseline: synk"),
            "content/x/index.md:14: baseline `synk` is not a variant — did you mean `sync`? The variants: sync, gather")
    }

    func testParams() {
        XCTAssertEqual(
            experiment("variants: [a]\nparams: {}"),
            "content/x/index.md:15: `params` is an empty map — add at least one entry or remove `params`")
        XCTAssertEqual(
            experiment("variants: [a]\nparams:\n  n: []"),
            "content/x/index.md:16: `params.n` is an empty list — add at least one item or remove `params.n`")
        XCTAssertEqual(
            experiment("variants: [a]\nparams:\n  n: {a: 1}"),
            "content/x/index.md:16: `params.n` must be a value or a list of values, not a map — write `n: [1, 2]`")
        XCTAssertEqual(
            experiment("variants: [a]\nparams:\n  mode: [fast, 'very slow']"),
            "content/x/index.md:16: bad value `very slow` for `params.mode` "
                + "— use values without spaces, commas or `=`; claims and references cite cells as k=v")
        XCTAssertEqual(
            experiment("variants: [a]\nparams:\n  n:\n    - 10\n    - 10"),
            "content/x/index.md:18: `params.n` lists `10` twice — list each value once")
        XCTAssertEqual(
            experiment("variants: [a]\nparams:\n  n m: 1"),
            "content/x/index.md:16: bad parameter name `n m` "
                + "— use letters, digits, `_` and `-` only; claims and inline references cite it by name")
        XCTAssertEqual(
            bench("params: {n: 1}"),
            "content/x/index.md:14: `params` cannot be combined with `commands` "
                + "— write the values into the command lines")
    }

    func testMetrics() {
        XCTAssertEqual(
            bench("metric: wall_ns"),
            "content/x/index.md:14: `commands` cannot measure `wall_ns` — use process_wall_ns, process_cpu_ns, "
                + "process_max_rss_bytes; an experiment can report other metrics")
        XCTAssertEqual(
            experiment("variants: [a]\nmetric: wall time"),
            "content/x/index.md:15: bad metric name `wall time` "
                + "— write it as the experiment prints it, like `wall_ns`")
        XCTAssertEqual(
            experiment("variants: [a]\nmetric:\n  - wall_ns\n  - wall_ns"),
            "content/x/index.md:17: metric `wall_ns` is listed twice — list each metric once")
        XCTAssertEqual(
            experiment("variants: [a]\nmetric: []"),
            "content/x/index.md:15: `metric` is an empty list — add at least one item or remove `metric`")
    }

    func testSampleCounts() {
        XCTAssertEqual(
            bench("samples: many"),
            "content/x/index.md:14: bad sample count `many` for `samples` "
                + "— write `auto` or a whole number of at least 1")
        XCTAssertEqual(
            bench("samples: 0"),
            "content/x/index.md:14: bad sample count `0` for `samples` "
                + "— write `auto` or a whole number of at least 1")
        XCTAssertEqual(
            bench("min_samples: x"),
            "content/x/index.md:14: bad count `x` for `min_samples` — write a whole number of at least 6")
        for few in [0, 2, 3, 5] {
            XCTAssertEqual(
                bench("min_samples: \(few)"),
                "content/x/index.md:14: `min_samples` of \(few) is too few: below 6 samples a cell's 95 % interval "
                    + "is only [min, max] — write `min_samples: 6` or more")
        }
        XCTAssertEqual(
            bench("max_samples: 1.5"),
            "content/x/index.md:14: bad count `1.5` for `max_samples` — write a whole number of at least 2")
        XCTAssertEqual(
            bench("warmup: -1"),
            "content/x/index.md:14: bad count `-1` for `warmup` — write a whole number of at least 0")
        XCTAssertEqual(
            bench("min_samples: 50\nmax_samples: 20"),
            "content/x/index.md:15: `max_samples` (20) is less than `min_samples` (50) "
                + "— raise `max_samples` or lower `min_samples`")
        XCTAssertEqual(
            bench("min_samples: 5000"),
            "content/x/index.md:14: `max_samples` (1000) is less than `min_samples` (5000) "
                + "— raise `max_samples` or lower `min_samples`")
    }

    func testPercentages() {
        for bad in ["0.03", "0%", "100%", "3 %", ".5%", "-1%"] {
            XCTAssertEqual(
                bench("precision: \(bad)"),
                "content/x/index.md:14: bad percentage `\(bad)` for `precision` "
                    + "— write a percentage between 0% and 100%, like `3%`")
        }
    }

    func testDurations() {
        for bad in ["30", "0s", "-1s", "1.5.2s", "soon", "10 s", "1e3ms", "3d"] {
            XCTAssertEqual(
                bench("budget: \(bad)"),
                "content/x/index.md:14: bad duration `\(bad)` for `budget` "
                    + "— write a positive number with a unit: `500ms`, `30s`, `2m`")
        }
        XCTAssertEqual(
            bench("timeout: [1s]"),
            "content/x/index.md:14: `timeout` must be text, not a list — write it as a single value")
    }

    func testClaims() {
        XCTAssertEqual(
            bench("claims: []"),
            "content/x/index.md:14: `claims` is an empty list — add at least one item or remove `claims`")
        XCTAssertEqual(
            bench("claims: sync faster than gather"),
            "content/x/index.md:14: `claims` must be a list, not text — write one `- item` per line, or `[a, b]`")
        XCTAssertEqual(
            bench("claims:\n  - sync faster than gather\n  - note: gather is slow"),
            "content/x/index.md:16: an item of `claims` must be text, not a map — quote a claim that contains `: `")
        XCTAssertEqual(
            bench("claims:\n  -\n"),
            "content/x/index.md:15: an item of `claims` is empty — write a value for it")
    }
}
