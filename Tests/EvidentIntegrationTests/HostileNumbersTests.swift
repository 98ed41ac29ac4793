import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// Hostile numbers through the real command line: a subnormal time is measured, stored and shown; a value out
/// of its metric's range is refused before anything is stored; a hand-edited evidence file is refused with a
/// message naming the file and the cell (exit 1), never a crash, a hang or a hint that misleads.
final class HostileNumbersTests: XCTestCase {
    private static let evidence = "content/num/evidence/num.json"

    /// A site whose directive runs an experiment that prints `value` as every `wall_ns` sample of variant `b`
    /// (variant `a` prints 1000).
    private func siteWithExperiment(printing value: String) throws -> FixtureSite {
        let site = try makeSite("sites/basic")
        try site.write(
            "content/num/index.md",
            "---\ntitle: Numbers\ndate: 2026-01-05\n---\n\nB takes `=num.b.median@n=2`.\n\n```bench\nid: num\n"
                + "title: Numbers\nexperiment: experiments/num.py\nvariants: [a, b]\nparams:\n  n: [2]\nsamples: 5\n"
                + "```\n")
        try site.write(
            "content/num/experiments/num.py",
            """
            import sys
            arguments = sys.argv
            variant = arguments[arguments.index("--variant") + 1]
            for _ in range(int(arguments[arguments.index("--samples") + 1])):
                print('{"metric": "wall_ns", "value": %s}' % ("1000" if variant == "a" else "\(value)"))

            """)
        return site
    }

    func testASubnormalTimeIsMeasuredStoredAndShownOnEveryLaterBuild() throws {
        let site = try siteWithExperiment(printing: "1e-310")
        let arguments = ["build", "--site", site.folder.path, "--quiet"]
        let first = try EvidentCLI.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try site.read("public/num/index.html").contains("1.00×10⁻³¹⁰ ns"))
        XCTAssertTrue(try site.read(Self.evidence).contains("1e-310"))
        let again = try EvidentCLI.run(arguments + ["--frozen"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let check = try EvidentCLI.run(["check", "--site", site.folder.path])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testANegativeTimeIsRefusedBeforeAnythingIsStored() throws {
        let site = try siteWithExperiment(printing: "-1")
        let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stderr.hasPrefix("error: content/num/index.md:8: experiment experiments/num.py (variant b at n=2)"))
        XCTAssertTrue(
            run.stderr.contains(
                #"printed a line that is not a sample: line 1, `wall_ns` value -1.0 is negative, and a time cannot "#
                    + #"be: `{"metric": "wall_ns", "value": -1}` — report times as numbers from 0 up to 1e300"#),
            run.stderr)
        XCTAssertFalse(site.exists("content/num/evidence"))
        XCTAssertFalse(site.exists("public"))
    }

    func testEachHandEditIsRefusedWithTheFileAndTheCell() throws {
        let site = try siteWithExperiment(printing: "500")
        XCTAssertEqual(try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet"]).status, 0)
        let valid = try Data(contentsOf: site.folder.appendingPathComponent(Self.evidence))
        let output = site.snapshot("public")
        // What crashed, hung and blamed file permissions before; every other edit is in EvidenceStoreNumbersTests.
        let edits: [(String, (inout [String: Any]) -> Void)] = [
            ("cell a at n=2: n is 5, but the cell keeps 0 samples", { $0.cell(0) { $0["samples"] = [Double]() } }),
            ("cell a at n=2: n is 0; a cell has at least one sample", { $0.cell(0) { $0["n"] = 0 } }),
            (
                "cell b at n=2: n is 1000000000000, but the cell keeps 5 samples",
                { $0.cell(1) { $0["n"] = 1_000_000_000_000 } }
            ),
            (
                "cell b at n=2: sample 1: 1e+308 is beyond ±1e300, the largest magnitude evident keeps",
                { $0.cell(1) { $0["samples"] = Array(repeating: 1e308, count: 5) } }
            ),
            ("cell a at n=2: sample 2: -1.0 is negative, and a time cannot be", { $0.cell(0) { $0.sample(1, -1) } }),
        ]
        for (message, edit) in edits {
            var record = try XCTUnwrap(JSONSerialization.jsonObject(with: valid) as? [String: Any])
            edit(&record)
            let edited = try JSONSerialization.data(withJSONObject: record)
            try edited.write(to: site.folder.appendingPathComponent(Self.evidence))
            let run = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet", "--frozen"], limit: 20)
            XCTAssertEqual(run.status, 1, "\(message): \(run.stderr)")
            XCTAssertEqual(
                run.stderr,
                "error: \(Self.evidence): \(message) — restore it from git or run evident build --refresh num\n")
            XCTAssertEqual(try Data(contentsOf: site.folder.appendingPathComponent(Self.evidence)), edited)
            XCTAssertEqual(site.snapshot("public"), output, message)
        }
        let check = try EvidentCLI.run(["check", "--site", site.folder.path], limit: 20)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(
            check.stderr.contains("\(Self.evidence): cell a at n=2: sample 2: -1.0 is negative"), check.stderr)

        let refresh = try EvidentCLI.run(["build", "--site", site.folder.path, "--quiet", "--refresh", "num"])
        XCTAssertEqual(refresh.status, 0, refresh.stderr)
        XCTAssertTrue(refresh.stderr.contains("measuring it again replaces it"), refresh.stderr)
        XCTAssertNotNil(
            try EvidenceStore(essayFolder: site.folder.appendingPathComponent("content/num")).load(id: "num"))
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Edits the `index`-th entry of `cells` in a record decoded with JSONSerialization.
    fileprivate mutating func cell(_ index: Int, _ edit: (inout [String: Any]) -> Void) {
        entry("cells", index, edit)
    }

    /// Sets the `index`-th of a cell's `samples`.
    fileprivate mutating func sample(_ index: Int, _ value: Double) {
        var samples = self["samples"] as? [Any] ?? []
        samples[index] = value
        self["samples"] = samples
    }

    private mutating func entry(_ key: String, _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var list = self[key] as? [[String: Any]] ?? []
        edit(&list[index])
        self[key] = list
    }
}
