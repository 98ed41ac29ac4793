import XCTest

@testable import EvidentSite

/// The link checker reads `href`s out of tags only: text between tags that spells one (a code sample left
/// unescaped by a template or a highlighter) is not a link.
final class HTMLAttributesTests: XCTestCase {
    func testOnlyAttributesInsideTagsAreRead() {
        let html = #"<p>write <code> href="nope.html" </code> like <a class="x" href="ok.html">this</a></p>"#
        XCTAssertEqual(HTMLAttributes.values(of: "href", in: html), ["ok.html"])
    }

    func testEveryTagOfAPageIsRead() {
        let html = ##"<link rel="alternate" href="/feed.xml"><a href="#top">up</a> text <a href="b/">b</a>"##
        XCTAssertEqual(HTMLAttributes.values(of: "href", in: html), ["/feed.xml", "#top", "b/"])
    }
}
