import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentSite

/// What a directive runs through its imports and requires follows one rule with its experiments: a regular file
/// inside the essay folder, reached without leaving it. Such files are keyed and published; anything else refuses
/// the build before a byte is published.
final class ImportedFilesTests: XCTestCase {
    private let measurer = InMemoryMeasurer(medians: ["short": 20e6, "long": 40e6, "one": 1e6, "two": 2e6])

    func testAnImportLinkedOutOfTheEssayIsRefusedAndNothingIsPublished() throws {
        for target in ["/proc/self/environ", "/etc/hostname"] {
            let site = try makeSite("sites/evidence")
            let experiments = site.folder.appendingPathComponent("content/sleeps/experiments")
            try FileManager.default.createSymbolicLink(
                atPath: experiments.appendingPathComponent("envmod.py").path, withDestinationPath: target)
            let source = try site.read("content/sleeps/experiments/sleeps.py")
            try site.write("content/sleeps/experiments/sleeps.py", source + "\nif False:\n    import envmod\n")
            for frozen in [false, true] {
                var options = BuildOptions(siteFolder: site.folder)
                options.frozen = frozen
                XCTAssertThrowsError(try SiteBuild(options: options, log: .silent, measurer: measurer).run()) {
                    let error = $0 as? EvidentError
                    XCTAssertEqual(error?.location?.file, "content/sleeps/index.md", "\($0)")
                    XCTAssertTrue(error?.message.contains("`experiments/envmod.py`, imported by") == true, "\($0)")
                    XCTAssertTrue(error?.message.contains("outside the essay folder") == true, "\($0)")
                }
                XCTAssertFalse(site.exists("public"), target)
            }
        }
    }

    func testAPackageLinkedOutOfTheEssayIsRefused() throws {
        let site = try makeSite("sites/evidence")
        let experiments = site.folder.appendingPathComponent("content/sleeps/experiments")
        try FileManager.default.createSymbolicLink(
            atPath: experiments.appendingPathComponent("outer").path, withDestinationPath: "/etc")
        let source = try site.read("content/sleeps/experiments/spins.py")
        try site.write("content/sleeps/experiments/spins.py", "import outer.passwd\n" + source)
        XCTAssertThrowsError(
            try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer).run()
        ) { XCTAssertTrue("\($0)".contains("`experiments/outer`, imported by `experiments/spins.py`"), "\($0)") }
    }

    func testALocalPackageIsKeyedAndPublished() throws {
        let site = try makeSite("sites/evidence")
        try site.write("content/sleeps/experiments/tools/__init__.py", "")
        try site.write("content/sleeps/experiments/tools/timing.py", "import json\n")
        let source = try site.read("content/sleeps/experiments/spins.py")
        try site.write("content/sleeps/experiments/spins.py", "from tools import timing\n" + source)
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer,
            highlighter: PlainHighlighter()
        ).run()
        XCTAssertTrue(site.exists("public/sleeps/experiments/tools/timing.py"))
        XCTAssertTrue(site.exists("public/sleeps/experiments/tools/timing.py.html"))

        let directive = try XCTUnwrap(try EssayDirectivesFixture.spins(in: site))
        let essay = site.folder.appendingPathComponent("content/sleeps")
        let before = try EvidenceKey.compute(for: directive, essayFolder: essay)
        try site.write("content/sleeps/experiments/tools/timing.py", "import json  # changed\n")
        XCTAssertNotEqual(try EvidenceKey.compute(for: directive, essayFolder: essay), before)
    }

    func testNodeRequiresAreFollowedKeyedAndKeptInside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-node-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ path: String, _ text: String) throws {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try write(
            "experiments/x.js",
            """
            const { Bench } = require("evident_bench");
            const fs = require('node:fs');
            const lib = require("./lib");
            import data from './data.json';
            const later = await import ( "./lazy.mjs" );
            const notAnImport = "./not-followed.js";
            """)
        try write("experiments/lib.js", "module.exports = require('./util/index.js');\n")
        try write("experiments/util/index.js", "module.exports = require('../lib');\n")
        try write("experiments/data.json", "{}\n")
        try write("experiments/lazy.mjs", "export * from './lib.js';\n")
        try write("experiments/not-followed.js", "\n")
        let resolver = NodeModules(essayFolder: folder, location: SourceLocation(file: "content/x/index.md", line: 3))
        XCTAssertEqual(
            try resolver.resolve("experiments/x.js"),
            ["experiments/lib.js", "experiments/data.json", "experiments/lazy.mjs", "experiments/util/index.js"])

        let body = "id: x\ntitle: X\nvariants:\n  a: experiments/x.js#a"
        let directive = try Directive.parse(
            kind: .bench, yaml: body, file: "content/x/index.md", line: 1, essayFolder: folder)
        let before = try EvidenceKey.compute(for: directive, essayFolder: folder)
        try write("experiments/util/index.js", "module.exports = 2;\n")
        XCTAssertNotEqual(try EvidenceKey.compute(for: directive, essayFolder: folder), before)

        try write("experiments/x.js", "const secret = require('../../../etc/passwd');\n")
        XCTAssertThrowsError(try resolver.resolve("experiments/x.js")) {
            XCTAssertTrue("\($0)".contains("leads outside the essay folder"), "\($0)")
        }
        try write("experiments/x.js", "const secret = require('./env');\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("experiments/env.js").path, withDestinationPath: "/proc/self/environ")
        XCTAssertThrowsError(try resolver.resolve("experiments/x.js")) {
            XCTAssertEqual(($0 as? EvidentError)?.location, SourceLocation(file: "content/x/index.md", line: 3))
        }
    }
}

extension ImportedFilesTests {
    func testAThemeFileLinkedOutOfTemplatesIsRefused() throws {
        let site = try makeSite("sites/evidence")
        let assets = site.folder.appendingPathComponent("templates/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: assets.appendingPathComponent("leak.css").path, withDestinationPath: "/etc/hostname")
        XCTAssertThrowsError(
            try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer).run()
        ) {
            XCTAssertEqual(($0 as? EvidentError)?.location?.file, "templates/assets/leak.css", "\($0)")
            XCTAssertTrue("\($0)".contains("leads outside templates/"), "\($0)")
        }
        XCTAssertFalse(site.exists("public"))
    }

    func testAHelperCopyBesideTheExperimentIsPublished() throws {
        let site = try makeSite("sites/evidence")
        try site.write("content/sleeps/experiments/evident_bench.py", BundledHelpers.text(BundledHelpers.python) ?? "")
        _ = try SiteBuild(
            options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer,
            highlighter: PlainHighlighter()
        ).run()
        XCTAssertTrue(site.exists("public/sleeps/experiments/evident_bench.py.html"))
    }

    func testAnEssayLinkedOutOfItsFolderIsRefused() throws {
        let site = try makeSite("sites/evidence")
        let essay = site.folder.appendingPathComponent("content/sleeps/index.md")
        let outside = site.folder.appendingPathComponent("outside.md")
        try FileManager.default.moveItem(at: essay, to: outside)
        try FileManager.default.createSymbolicLink(atPath: essay.path, withDestinationPath: outside.path)
        XCTAssertThrowsError(
            try SiteBuild(options: BuildOptions(siteFolder: site.folder), log: .silent, measurer: measurer).run()
        ) {
            XCTAssertEqual(
                "\($0)",
                "content/sleeps/index.md: `content/sleeps/index.md` leads outside the essay folder (a symbolic link or "
                    + "`..`) — copy the file into the essay folder: evident runs and publishes only files inside it")
        }
        XCTAssertFalse(site.exists("public"))
    }

    func testAnEditedHelperInTheCacheIsWrittenAnew() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("evident-helpers-\(UUID())")
        defer { try? FileManager.default.removeItem(at: cache) }
        let folder = try BundledHelpers.folder(cache: cache)
        let helper = folder.appendingPathComponent(BundledHelpers.python)
        let bundled = try Data(contentsOf: helper)
        try Data("import os\nprint(os.environ)\n".utf8).write(to: helper)
        XCTAssertEqual(try BundledHelpers.folder(cache: cache), folder)
        XCTAssertEqual(try Data(contentsOf: helper), bundled)
        XCTAssertEqual(bundled, Data((BundledHelpers.text(BundledHelpers.python) ?? "").utf8))
    }
}

/// The `spins` directive of the evidence fixture, parsed as a build parses it.
private enum EssayDirectivesFixture {
    static func spins(in site: FixtureSite) throws -> Directive? {
        let essay = site.folder.appendingPathComponent("content/sleeps")
        let markdown = try site.read("content/sleeps/index.md")
        guard let start = markdown.range(of: "```bench\nid: spins\n")?.lowerBound else { return nil }
        let rest = markdown[start...].dropFirst("```bench\n".count)
        guard let end = rest.range(of: "\n```")?.lowerBound else { return nil }
        return try Directive.parse(
            kind: .bench, yaml: String(rest[..<end]), file: "content/sleeps/index.md", line: 1, essayFolder: essay)
    }
}
