import EvidentTestSupport
import Foundation
import Glibc

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// A site whose essay has a bench (two variants, two cells, two metrics, claims, inline references in the prose
/// and the caption) and a probe, with valid stored evidence for both, measured by no one: the records are made
/// from fixed samples. It builds from its evidence in process, through the build's own steps (the evidence stage,
/// then the essay page), and through the real command line.
struct EvidenceFuzzSite {
    static let essay = """
        ---
        title: Fuzz
        date: 2026-01-05
        ---

        B is `=fz.b.speedup@n=2`; A takes `=fz.a.median@n=1` `=fz.b.ci@n=2` over `=fz.a.n@n=1` samples.

        ```bench
        id: fz
        title: Fuzzed
        caption: B at n=1 is `=fz.b.ratio@n=1` than A.
        experiment: experiments/fz.py
        variants: [a, b]
        params:
          n: [1, 2]
        metric: [wall_ns, peak_bytes]
        samples: 8
        claims:
          - b faster than a
          - b at least 1.5x faster than a at n=2
          - b within 10% of a on peak_bytes
        ```

        ```probe
        id: pr
        title: Probe
        tools:
          py: python3 -
        snippets:
          s: experiments/snippet.py
        claims:
          - py works on s
        ```

        """

    let site: FixtureSite
    /// The valid evidence of each directive, by id.
    let seeds: [String: JSONSeed]
    private let config: SiteConfig
    private let templates: TemplateSet
    private let context: PageContext
    private let directives: [EssayDirectives]

    init() throws {
        site = try FixtureSite("sites/basic")
        try site.write("content/fuzz/index.md", Self.essay)
        try site.write("content/fuzz/experiments/fz.py", "print('never run')\n")
        try site.write("content/fuzz/experiments/snippet.py", "print('PROBE-OK')\n")
        // A venv whose pyvenv.cfg gives the version, so that no build spawns Python to ask it.
        try site.write("content/site.yml", try site.read("content/site.yml") + "python: .venv/bin/python\n")
        try site.write(".venv/pyvenv.cfg", "version = 3.11.7\n")
        let bin = site.folder.appendingPathComponent(".venv/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: bin.appendingPathComponent("python").path, withDestinationPath: python3())
        let content = try SiteContent.load(
            config: SiteConfig.load(siteFolder: site.folder), siteFolder: site.folder, includeDrafts: false)
        config = content.config
        templates = try TemplateSet.load(siteFolder: site.folder)
        context = PageContext(config: config, buildTime: Date())
        directives = try EssayScan.scan(content.essays, defaults: DirectiveDefaults(), published: []) { _, _ in nil }
            .directives
        var seeds: [String: JSONSeed] = [:]
        for essay in directives {
            let store = EvidenceStore(essayFolder: essay.folder)
            for directive in essay.directives {
                let record = try Self.record(directive, essayFolder: essay.folder)
                let staged = StagedEvidence()
                try staged.stage(record, in: store)
                try staged.commit()
                staged.finish()
                let tree = FuzzJSON(try JSONSerialization.jsonObject(with: EvidenceJSON.encode(record)))
                seeds[record.id] = JSONSeed(tree)
            }
        }
        self.seeds = seeds
    }

    /// Writes `text` as the stored evidence of `id`, as a new file: ext4 flushes a file truncated and written
    /// again when it is closed, which would make the writes most of the test's time.
    func write(_ id: String, _ text: String) throws {
        let path = site.folder.appendingPathComponent("content/fuzz/evidence/\(id).json").path
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        try Array(text.utf8).withUnsafeBytes { try FileBytes.writeAll(descriptor, $0) }
    }

    /// Builds the essay from its stored evidence in process, as `evident build --frozen` does.
    func build() throws {
        var options = BuildOptions(siteFolder: site.folder)
        options.frozen = true
        let evidence = try EvidenceStage(options: options, config: config, log: .silent)
            .run(directives, staging: StagedEvidence())
        let renderer = EssayRenderer(
            context: context, templates: templates, highlights: HighlightedCode(),
            evidence: try EvidenceBlocks.html(evidence, templates: templates))
        for essay in directives { _ = try renderer.render(essay.parsed) }
    }

    /// A record of `directive` from fixed samples, with a previous measurement, under its current key.
    private static func record(_ directive: CheckedDirective, essayFolder: URL) throws -> EvidenceRecord {
        let key = try EvidenceKey.compute(for: directive.definition, essayFolder: essayFolder)
        let environment = MachineEnvironment(cpu: "Fuzz CPU", cores: 2, os: "Linux")
        let started = Date(timeIntervalSince1970: 1_767_600_000)
        switch directive.definition {
        case .bench(let bench):
            // Two runs 4 % apart, so that the record keeps an earlier run and widens its intervals by the drift.
            let measurement = { (scale: Double) in
                var series: [BenchMeasurement.Series] = []
                for variant in ["a", "b"] {
                    for params in bench.cells {
                        let base = (variant == "a" ? 1000.0 : 480) * (params["n"] == "2" ? 2 : 1) * scale
                        let wall = (0..<8).map { base + Double($0 * 7 % 5) }
                        series.append(.init(variant: variant, params: params, metric: "wall_ns", samples: wall))
                        let peak = (0..<8).map { 4096 + Double($0 % 3) * 512 }
                        series.append(.init(variant: variant, params: params, metric: "peak_bytes", samples: peak))
                    }
                }
                return BenchMeasurement(series: series, stoppedBy: .samples, startedAt: started, seconds: 3.5)
            }
            let first = EvidenceRecord.make(
                bench: bench, claims: directive.benchClaims, measurement: measurement(1.04), key: key,
                environment: environment, previous: nil)
            return EvidenceRecord.make(
                bench: bench, claims: directive.benchClaims, measurement: measurement(1), key: key,
                environment: environment, previous: first)
        case .probe(let probe):
            let result = ProbeResult(
                tool: "py", snippet: "s", works: true, firstError: nil, exitStatus: 0, seconds: 0.2)
            return EvidenceRecord.make(
                probe: probe, claims: directive.probeClaims, results: [result], key: key, environment: environment,
                startedAt: started, seconds: 0.2, previous: nil)
        }
    }
}
