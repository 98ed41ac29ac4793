import EvidentTestSupport
import XCTest

/// The pieces the snapshot tests stand on: the line diff a mismatch prints and the element a snapshot is cut from.
final class SnapshotSupportTests: XCTestCase {
    func testALineDiffMarksChangesAndKeepsTwoLinesOfContext() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...12).map { "line \($0)" }
        lines[1] = "line two"
        lines.insert("inserted", at: 10)
        let diff = LineDiff(from: old, to: lines.joined(separator: "\n"))
        XCTAssertEqual(
            "\(diff)",
            """
              line 1
            - line 2
            + line two
              line 3
              line 4
            …
              line 9
              line 10
            + inserted
              line 11
              line 12
            """)
        XCTAssertEqual("\(LineDiff(from: "a\n", to: "a"))", "")
    }

    func testAnElementEndsAtItsOwnEndTagPastNestedOnesOfItsName() {
        let html = #"<p>x</p><ul class="claims"><li>a<ul class="notes"><li>n</li></ul></li></ul><ul><li>b</li></ul>"#
        XCTAssertEqual(
            html.element(startingWith: #"<ul class="claims""#),
            #"<ul class="claims"><li>a<ul class="notes"><li>n</li></ul></li></ul>"#)
        XCTAssertEqual(html.element(startingWith: "<p"), "<p>x</p>")
        XCTAssertNil(html.element(startingWith: "<table"))
        XCTAssertNil("<ul><li>open".element(startingWith: "<ul"))
    }
}
