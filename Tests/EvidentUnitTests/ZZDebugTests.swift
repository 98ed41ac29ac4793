import XCTest
@testable import EvidentCore
final class ZZDebugTests: XCTestCase {
    func testDump() throws {
        let text = (try? String(contentsOfFile: "/tmp/dbg/in.md", encoding: .utf8)) ?? ""
        for (i, n) in MarkdownDocument(parsing: text).nodes.enumerated() { print(i, n.parent ?? -1, n.kind, n.range.startLine, n.range.startColumn, n.range.endLine, n.range.endColumn) }
    }
}
