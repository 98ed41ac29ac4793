import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering

/// A seeded fuzzer: random and mutated Markdown (the CommonMark spec examples, the fixture essays) and mutated
/// directive YAML go through parse → collect directives → render. Nothing may crash, and every failure must be an
/// `EvidentError` that points at a line of the essay. `make test-slow` runs 2,000 essays instead of
/// 300, `bench/fuzz.sh` longer still: `EVIDENT_FUZZ_SEED` and `EVIDENT_FUZZ_ITERATIONS` override the seed and
/// the count.
final class DirectiveFuzzTests: XCTestCase {
    func testMutatedEssaysFailOnlyWithLocatedErrors() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["EVIDENT_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_125
        let iterations =
            environment["EVIDENT_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? TestScale.pick(quick: 300, slow: 2_000)
        let harness = try FuzzHarness()
        removedAfterTest(harness.site)
        var fuzzer = Fuzzer(seed: seed, markdown: try Self.markdownSeeds(), directives: try Self.directiveSeeds())
        var outcomes: [String: Int] = [:]
        for iteration in 0..<iterations {
            let body = fuzzer.nextEssay()
            do {
                try harness.build(body)
                outcomes["rendered", default: 0] += 1
            } catch let error as EvidentError {
                outcomes["refused", default: 0] += 1
                if error.location?.line == nil || error.location?.file != "content/fuzz/index.md" {
                    XCTFail("seed \(seed), iteration \(iteration): \(error) has no line\n\(harness.save(body))")
                }
            } catch {
                XCTFail("seed \(seed), iteration \(iteration): \(error) is not an EvidentError\n\(harness.save(body))")
            }
        }
        print("fuzz seed \(seed), \(iterations) iterations: \(outcomes)")
        XCTAssertGreaterThan(outcomes["rendered"] ?? 0, iterations / 10, "the mutations are too destructive")
        XCTAssertGreaterThan(outcomes["refused"] ?? 0, iterations / 10, "the mutations are too timid")
    }

    /// The Markdown of every CommonMark spec example and of the fixture essays.
    static func markdownSeeds() throws -> [String] {
        let spec = try String(
            contentsOf: FixtureSite.fixtures.appendingPathComponent("markdown/spec-0.30.txt"), encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```````````````````````````````` example") {
                current = []
            } else if line == "." && current != nil {
                examples.append(current!.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        let essays = [
            "essay/async-thoughts.txt", "markdown/all-constructs.md", "sites/evidence/content/sleeps/index.md",
        ]
        return try examples
            + essays.map { try String(contentsOf: FixtureSite.fixtures.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Valid directives, each as a whole fenced block.
    static func directiveSeeds() throws -> [String] {
        let folder = FixtureSite.fixtures.appendingPathComponent("directives")
        return try ["bench-await-loop", "bench-variant-map", "probe-top-level-await"].map { name in
            let yaml = try String(contentsOf: folder.appendingPathComponent("\(name).yml"), encoding: .utf8)
            return "```\(name.prefix { $0 != "-" })\n\(yaml)```\n"
        }
    }
}

/// Runs one essay body through the build's steps in memory, against a site whose essay folder has the files the
/// seed directives name.
struct FuzzHarness {
    let site: FixtureSite
    private let frontMatter: FrontMatter
    private let templates: TemplateSet
    private let context: PageContext

    init() throws {
        site = try FixtureSite("sites/basic")
        for path in [
            "experiments/await_loop.py", "experiments/AwaitLoop.swift", "experiments/repl/await_sleep.ipy",
            "experiments/repl/timeit_await.ipy",
        ] {
            try site.write("content/fuzz/\(path)", "# a fuzzing stand-in\n")
        }
        frontMatter = try FrontMatter.split("---\ntitle: Fuzz\ndate: 2026-01-05\n---\n", file: "x").frontMatter
        templates = try TemplateSet.load(siteFolder: site.folder)
        context = PageContext(config: try SiteConfig.load(siteFolder: site.folder), buildTime: Date())
    }

    /// Parses `body`, collects and validates its directives, and renders the page.
    func build(_ body: String) throws {
        let essay = Essay(
            slug: "fuzz", file: "content/fuzz/index.md",
            folderPath: site.folder.appendingPathComponent("content/fuzz").path,
            frontMatter: frontMatter, bodyLine: 5)
        let parsed = ParsedEssay(essay, body: body)
        let directives = try EssayDirectives.collect(parsed, defaults: DirectiveDefaults())
        var evidence = EssayEvidenceHTML()
        evidence.anchors = Set(directives.directives.map(\.id))
        for directive in directives.directives { evidence.blocks[directive.bodyLine] = "<section></section>" }
        let renderer = EssayRenderer(
            context: context, templates: templates, highlights: HighlightedCode(), evidence: ["fuzz": evidence])
        _ = try renderer.render(parsed)
    }

    /// Keeps a failing input for reproduction and says where.
    func save(_ body: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evident-fuzz-\(UUID().uuidString).md")
        try? body.write(to: url, atomically: true, encoding: .utf8)
        return "the input is in \(url.path)"
    }
}

/// Seeded random essays: a mix of Markdown and directive blocks, then a few mutations.
struct Fuzzer {
    private var random: SplitMix64
    private let markdown: [String]
    private let directives: [String]
    private static let tokens = [
        "`", "```", "~~~", "```bench\n", "```probe\n", "*", "_", "[", "]", "(", ")", "<", ">", "!", "#", "-", "+", "|",
        "\\", "\n", "\n\n", " ", "    ", "\t", ":", ": ", "\"", "'", "{", "}", "&", "&amp;", "&#0;", "- ", "> ", "1. ",
        "*a", "&a", "!!binary", "~", "null", "-1", "0", "1e999", "0x10", "nan", "|\n", ">-\n", "#", "---\n", "...",
        "=", "`=a.b.ratio@n=1`", "`=await-loop.gather.speedup@n=100`", "at n=", "x", "é", "\u{0}", "\u{FEFF}",
        "\u{202E}", "😀", "claims:\n  - ", "id: ", "variants: ", "experiment: ../", "/etc/passwd", "%", "100%",
    ]

    init(seed: UInt64, markdown: [String], directives: [String]) {
        random = SplitMix64(seed: seed)
        self.markdown = markdown
        self.directives = directives
    }

    mutating func nextEssay() -> String {
        var parts: [String] = []
        for _ in 0..<(1 + pick(4)) {
            parts.append(pick(3) == 0 ? directives[pick(directives.count)] : markdown[pick(markdown.count)])
        }
        var scalars = Array(parts.joined(separator: "\n").unicodeScalars)
        for _ in 0..<pick(6) { mutate(&scalars) }
        var text = String(String.UnicodeScalarView(scalars))
        if pick(20) == 0 { text = String(repeating: pick(2) == 0 ? "> " : "- ", count: 1 + pick(3000)) + text }
        return text
    }

    private mutating func mutate(_ scalars: inout [Unicode.Scalar]) {
        let count = scalars.count
        let at = pick(count + 1)
        let length = min(count - at, 1 + pick(40))
        switch pick(6) {
        case 0: scalars.insert(contentsOf: Self.tokens[pick(Self.tokens.count)].unicodeScalars, at: at)
        case 1: scalars.removeSubrange(at..<(at + length))
        case 2: scalars.insert(contentsOf: scalars[at..<(at + length)], at: pick(count + 1))
        case 3: if length > 0 { scalars[at] = Unicode.Scalar(UInt8(32 + pick(95))) }
        case 4:
            let repeated: Unicode.Scalar = scalars.isEmpty ? "x" : scalars[pick(count)]
            scalars.insert(contentsOf: Array(repeating: repeated, count: 200), at: at)
        default:
            // A whole line is duplicated or dropped, keeping YAML indentation plausible.
            let text = String(String.UnicodeScalarView(scalars))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            var edited = Array(lines)
            let index = pick(edited.count)
            if pick(2) == 0 { edited.insert(edited[index], at: index) } else { edited.remove(at: index) }
            scalars = Array(edited.joined(separator: "\n").unicodeScalars)
        }
    }

    private mutating func pick(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(random.next(below: UInt64(bound)))
    }
}
