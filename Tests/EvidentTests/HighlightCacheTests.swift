import Foundation
import XCTest

@testable import Evident

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
        try HighlightCache.save(entries, to: file)
        XCTAssertEqual(HighlightCache.load(file), entries)
    }

    func testMissingOrDamagedFileLoadsAsEmpty() throws {
        let file = HighlightCache.file(in: folder)
        XCTAssertEqual(HighlightCache.load(file), [:])
        try HighlightCache.save([CodeSample(language: "c", code: "int x;"): "<b>int</b> x;"], to: file)
        let whole = try Data(contentsOf: file)
        try whole.dropLast(3).write(to: file)
        XCTAssertEqual(HighlightCache.load(file), [:])
        try Data("something else\n".utf8).write(to: file)
        XCTAssertEqual(HighlightCache.load(file), [:])
    }
}
