import XCTest

@testable import EvidentCore

/// Escaping for the HTML and XML the site generates: entities, dropped control characters, and the bytes a feed
/// entry escapes a page into.
final class EscapeTests: XCTestCase {
    func testEscapesTheFiveCharactersAndKeepsTheRest() {
        XCTAssertEqual(
            Escape.html(#"<a href="x?a=1&b='2'">é → 😀</a>"#),
            "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;é → 😀&lt;/a&gt;")
        XCTAssertEqual(Escape.html("plain text, nothing to do"), "plain text, nothing to do")
        XCTAssertEqual(Escape.html(""), "")
    }

    func testKeepsTabsAndLineBreaksAndDropsOtherControlCharacters() {
        XCTAssertEqual(Escape.html("a\tb\r\nc\u{0}d\u{1B}e\u{1F}<"), "a\tb\r\ncde&lt;")
        XCTAssertEqual(Escape.html("\u{7}"), "")
    }

    func testEscapesASubstringInPlace() {
        let text = "before <middle> after"
        let middle = text[text.firstIndex(of: "<")!...text.firstIndex(of: ">")!]
        XCTAssertEqual(Escape.html(middle), "&lt;middle&gt;")
    }

    func testAppendsAfterTheBytesAlreadyThere() {
        var bytes = Array("<content>".utf8)
        Escape.appendHTML("<p>\"Ça\" & 'co'</p>\n", to: &bytes)
        Escape.appendHTML("", to: &bytes)
        bytes += "</content>".utf8
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            "<content>&lt;p&gt;&quot;Ça&quot; &amp; &#39;co&#39;&lt;/p&gt;\n</content>")
    }

    func testALongPageEscapesAsCharacterByCharacter() {
        let page = String(repeating: "<li class=\"x\">a & b\u{2}</li>\n", count: 2_000)
        let expected = String(repeating: "&lt;li class=&quot;x&quot;&gt;a &amp; b&lt;/li&gt;\n", count: 2_000)
        XCTAssertEqual(Escape.html(page), expected)
    }
}
