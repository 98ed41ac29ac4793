import EvidentTestSupport
import Foundation

@testable import EvidentCore
@testable import EvidentEvidence

/// A temporary essay folder, `content/x/`, holding the files of `Tests/Fixtures/measure/`, with the directives
/// of the measuring tests parsed against it (the fence on line 10).
final class MeasureTestEssay {
    static let file = "content/x/index.md"

    let fixture: FixtureSite
    var site: URL { fixture.folder }
    var folder: URL { site.appendingPathComponent("content/x") }

    init() throws {
        fixture = try FixtureSite("measure", at: "content/x")
    }

    deinit {
        fixture.remove()
    }

    /// Plain Python on the PATH; the fixture `venv/bin` as the venv's `bin` folder (only the folder is used).
    var toolchain: ExperimentToolchain {
        ExperimentToolchain(
            python: python3(), helpers: folder.appendingPathComponent("experiments").path,
            swiftCompiler: SwiftExperimentCompiler(
                cacheDirectory: site.appendingPathComponent(".evident-cache").path, bundledHelper: "/nonexistent"))
    }

    func bench(_ yaml: String) throws -> BenchDirective {
        guard case .bench(let bench) = try parse(.bench, yaml) else { throw CocoaError(.coderInvalidValue) }
        return bench
    }

    func probe(_ yaml: String) throws -> ProbeDirective {
        guard case .probe(let probe) = try parse(.probe, yaml) else { throw CocoaError(.coderInvalidValue) }
        return probe
    }

    func measure(_ yaml: String, log: Log = .silent) throws -> BenchMeasurement {
        try BenchMeasurer().measure(try bench(yaml), essayFolder: folder, toolchain: toolchain, log: log)
    }

    /// What the experiment processes logged, one line each: variant, params, batch.
    func runs() throws -> [String] {
        let log = folder.appendingPathComponent("experiments/runs.log")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return text.split(separator: "\n").map(String.init)
    }

    private func parse(_ kind: DirectiveKind, _ yaml: String) throws -> Directive {
        try Directive.parse(
            kind: kind, yaml: yaml, file: Self.file, line: 10, essayFolder: folder, defaults: DirectiveDefaults())
    }
}

extension BenchMeasurement {
    /// The samples of one variant in the cell `params` for `metric`.
    func samples(_ variant: String, _ params: [String: String] = [:], metric: String = "wall_ns") -> [Double] {
        series.first { $0.variant == variant && $0.params == params && $0.metric == metric }?.samples ?? []
    }

    func median(_ variant: String, _ params: [String: String] = [:], metric: String = "wall_ns") -> Double {
        Summary(of: samples(variant, params, metric: metric))?.median ?? .nan
    }
}
