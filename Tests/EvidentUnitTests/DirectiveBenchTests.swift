import EvidentCore
import XCTest

@testable import EvidentEvidence

final class DirectiveBenchTests: XCTestCase {
    private var essay: DirectiveEssay!

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
    }

    func testCommandsAreTimedAsProcesses() throws {
        let bench = try essay.bench(
            """
            id: startup
            title: Interpreter start-up
            commands:
              python: python3 -c pass
              swift: swift --version
            baseline: swift
            """)
        XCTAssertEqual(
            bench.variants,
            [
                BenchVariant(name: "python", source: .command("python3 -c pass")),
                BenchVariant(name: "swift", source: .command("swift --version")),
            ])
        XCTAssertEqual(bench.baseline, "swift")
        XCTAssertEqual(bench.metrics, ["process_wall_ns"])
        XCTAssertEqual(bench.experiments, [])
    }

    func testCommandsTakeProcessMetrics() throws {
        let bench = try essay.bench(
            """
            id: startup
            title: Interpreter start-up
            commands: {python: python3 -c pass}
            metric: [process_max_rss_bytes, process_cpu_ns]
            """)
        XCTAssertEqual(bench.metrics, ["process_max_rss_bytes", "process_cpu_ns"])
        XCTAssertEqual(bench.metric, "process_max_rss_bytes")
    }

    func testAMetricMaySayHowThePagePresentsIt() throws {
        let bench = try essay.bench(
            """
            id: a
            title: A
            experiment: experiments/await_loop.py
            variants: [sync, gather]
            metric:
              - wall_ns
              - name: throughput
                label: requests per second
                unit: req/s
                better: higher
            """)
        XCTAssertEqual(bench.metrics, ["wall_ns", "throughput"])
        XCTAssertEqual(
            bench.metricDescriptions,
            [
                MetricDescription(name: "wall_ns"),
                MetricDescription(name: "throughput", label: "requests per second", unit: "req/s", better: .higher),
            ])
        let head = "id: a\ntitle: A\nexperiment: experiments/await_loop.py\nvariants: [sync]\nmetric:\n"
        XCTAssertEqual(
            essay.error(.bench, head + "  - {name: x, better: up}\n"),
            "content/x/index.md:16: `better: up` is neither `lower` nor `higher` — write `better: lower` or "
                + "`better: higher`")
        XCTAssertEqual(
            essay.error(.bench, head + "  - {label: x}\n"),
            "content/x/index.md:16: a metric written as a map has no `name` — add `name:` as the experiment prints it")
        XCTAssertEqual(
            essay.error(.bench, head + "  - {name: x, lable: y}\n"),
            "content/x/index.md:16: unknown key `lable` in a metric — did you mean `label`? The keys: name, label, unit, better"
        )
    }

    func testExperimentVariantsKeepTheirOrderAndPathIsNormalized() throws {
        let bench = try essay.bench(
            """
            id: order
            title: Order
            experiment: ./experiments/../experiments/AwaitLoop.swift
            variants:
              - zeta
              - alpha
            """)
        XCTAssertEqual(bench.variants.map(\.name), ["zeta", "alpha"])
        XCTAssertEqual(bench.variants[1].source, .experiment(path: "experiments/AwaitLoop.swift", variant: "alpha"))
        XCTAssertEqual(bench.baseline, "zeta")
    }

    func testVariantMapMayNameTheSameFileTwice() throws {
        let bench = try essay.bench(
            """
            id: map
            title: Map
            variants:
              b: experiments/await_loop.py#gather
              a: experiments/await_loop.py#sync
            """)
        XCTAssertEqual(bench.variants.map(\.name), ["b", "a"])
        XCTAssertEqual(bench.experiments, ["experiments/await_loop.py"])
    }

    func testParamsKeepScalarTextButWholeExponentsAndCrossInOrder() throws {
        let bench = try essay.bench(
            """
            id: grid
            title: Grid
            experiment: experiments/await_loop.py
            variants: [a, b]
            params:
              n: [10, 100]
              ratio: [0.50, 1e3]
              transport: tcp
            """)
        XCTAssertEqual(
            bench.params,
            [
                BenchParam(name: "n", values: ["10", "100"]),
                BenchParam(name: "ratio", values: ["0.50", "1000"]),
                BenchParam(name: "transport", values: ["tcp"]),
            ])
        XCTAssertEqual(
            bench.cells,
            [
                ["n": "10", "ratio": "0.50", "transport": "tcp"],
                ["n": "10", "ratio": "1000", "transport": "tcp"],
                ["n": "100", "ratio": "0.50", "transport": "tcp"],
                ["n": "100", "ratio": "1000", "transport": "tcp"],
            ])
    }

    func testMeasuringSettings() throws {
        let bench = try essay.bench(
            """
            id: settings
            title: Settings
            caption: It takes `=settings.a.n` samples.
            experiment: experiments/await_loop.py
            variants: [a]
            metric: [wall_ns, allocations]
            samples: 40
            precision: 0.5%
            min_samples: 6
            max_samples: 200
            warmup: 0
            budget: 2m
            timeout: 1500ms
            """)
        XCTAssertEqual(bench.caption, "It takes `=settings.a.n` samples.")
        XCTAssertEqual(bench.metrics, ["wall_ns", "allocations"])
        XCTAssertEqual(bench.samples, .fixed(40))
        XCTAssertEqual(bench.precision, 0.005)
        XCTAssertEqual(bench.minSamples, 6)
        XCTAssertEqual(bench.maxSamples, 200)
        XCTAssertEqual(bench.warmup, 0)
        XCTAssertEqual(bench.budget, .seconds(120))
        XCTAssertEqual(bench.timeout, .milliseconds(1500))
    }

    func testDurationsTakeDecimalsAndHours() throws {
        let bench = try essay.bench(
            """
            id: durations
            title: Durations
            commands: {a: "true"}
            budget: 1h
            timeout: 2.5s
            """)
        XCTAssertEqual(bench.budget, .seconds(3600))
        XCTAssertEqual(bench.timeout, .milliseconds(2500))
    }

    func testDefaultsApplyUnderTheDirectivesOwnValues() throws {
        let defaults = try DirectiveDefaults(["budget": "20s", "precision": "5%", "warmup": "3"])
        let bench = try essay.bench(
            """
            id: defaults
            title: Defaults
            commands: {a: "true"}
            warmup: 0
            """,
            defaults: defaults)
        XCTAssertEqual(bench.budget, .seconds(20))
        XCTAssertEqual(bench.precision, 0.05)
        XCTAssertEqual(bench.warmup, 0)
        XCTAssertEqual(bench.timeout, .seconds(60))
    }
}

extension DirectiveBenchTests {
    func testAGridOfMoreThanAThousandCellsIsRefusedAtItsParams() throws {
        let axes = (1...6).map { "  p\($0): [\((1...10).map(String.init).joined(separator: ", "))]" }
        XCTAssertThrowsError(
            try essay.bench(
                "id: a\ntitle: A\nexperiment: experiments/await_loop.py\nvariants: [sync, gather]\nparams:\n"
                    + axes.joined(separator: "\n"))
        ) {
            let params = (1...6).map { BenchParam(name: "p\($0)", values: (1...10).map(String.init)) }
            XCTAssertEqual(
                ($0 as? EvidentError)?.reason(BenchFailure.self),
                .tooManyCells(params, variants: 2, cells: 2_000_000, limit: 1_000))
            XCTAssertEqual(($0 as? EvidentError)?.location?.line, DirectiveEssay.fence + 5, "\($0)")
        }
        let bench = try essay.bench(
            "id: a\ntitle: A\nexperiment: experiments/await_loop.py\nvariants: [sync, gather]\nparams:\n"
                + axes.prefix(2).joined(separator: "\n") + "\n  p3: [1, 2, 3, 4, 5]")
        XCTAssertEqual(bench.params.map(\.values.count), [10, 10, 5])
    }
}

extension DirectiveBenchTests {
    func testWorkCountsOperationsFromANumberAndAParameter() throws {
        let yaml = "id: a\ntitle: A\nexperiment: experiments/await_loop.py\nvariants: [sync]\nparams:\n  n: [10, 100]\n"
        let bench = try essay.bench(yaml + "work: 2000*n")
        XCTAssertEqual(bench.work, WorkDeclaration(factor: 2000, parameter: "n"))
        XCTAssertEqual(bench.work?.operations(["n": "100"]), 200_000)
        XCTAssertEqual(try essay.bench(yaml + "work: 500").work?.operations(["n": "10"]), 500)
        XCTAssertThrowsError(try essay.bench(yaml + "work: depth")) {
            XCTAssertEqual(($0 as? EvidentError)?.reason(BenchFailure.self), .badWork("depth", params: ["n"]))
        }
    }
}
