import Foundation
import XCTest

@testable import EvidentRendering

/// The highlight cache file: what is saved is loaded back exactly, and a damaged file is ignored.
final class HighlightCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("highlight-cache-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEntriesRoundTripIncludingMultibyteTextAndEmptyHTML() throws {
        let entries: [CodeSample: String] = [
            CodeSample(language: "python", code: "print('é → 日本')\n"): "<span class=\"n\">print</span>",
            CodeSample(language: "swift", code: "let x = 1 2 3\n12 34 56\n"): "",
            CodeSample(language: "bash", code: ""): "x\ny",
        ]
        let file = HighlightCache.file(in: folder)
        try HighlightCache(file: file).save(keeping: [], to: file) { writer in
            for (sample, html) in entries { writer.append(sample, html: Data(html.utf8)) }
        }
        let loaded = HighlightCache(file: file)
        XCTAssertEqual(loaded.count, 3)
        for (sample, html) in entries {
            XCTAssertEqual(loaded.find(sample).map(loaded.html), html)
        }
        XCTAssertNil(loaded.find(CodeSample(language: "python", code: "print('é → 日本')")))
        XCTAssertNil(loaded.find(CodeSample(language: "swift", code: "print('é → 日本')\n")))
        let python = try XCTUnwrap(loaded.find(CodeSample(language: "python", code: "print('é → 日本')\n")))
        try loaded.save(keeping: [python], to: file) {
            $0.append(CodeSample(language: "c", code: "x"), html: Data("y".utf8))
        }
        let pruned = HighlightCache(file: file)
        XCTAssertEqual(pruned.count, 2)
        XCTAssertNil(pruned.find(CodeSample(language: "bash", code: "")))
        XCTAssertEqual(pruned.find(CodeSample(language: "c", code: "x")).map(pruned.html), "y")
    }

    func testMissingOrDamagedFileLoadsAsEmpty() throws {
        let file = HighlightCache.file(in: folder)
        XCTAssertEqual(HighlightCache(file: file).count, 0)
        try HighlightCache(file: file).save(keeping: [], to: file) {
            $0.append(CodeSample(language: "c", code: "int x;"), html: Data("<b>int</b> x;".utf8))
        }
        XCTAssertEqual(HighlightCache(file: file).count, 1)
        let whole = try Data(contentsOf: file)
        try whole.dropLast(3).write(to: file)
        XCTAssertEqual(HighlightCache(file: file).count, 0)
        try Data("something else\n".utf8).write(to: file)
        XCTAssertEqual(HighlightCache(file: file).count, 0)
    }
}
