import XCTest

@testable import EvidentSite

/// The link checker reads `href`s out of tags only: text between tags that spells one (a code sample left
/// unescaped by a template or a highlighter) is not a link.
final class HTMLAttributesTests: XCTestCase {
    func testOnlyAttributesInsideTagsAreRead() {
        let html = #"<p>write <code> href="nope.html" </code> like <a class="x" href="ok.html">this</a></p>"#
        XCTAssertEqual(HTMLAttributes.values(of: "href", in: html).map(\.value), ["ok.html"])
    }

    func testEveryTagOfAPageIsRead() {
        let html = ##"<link rel="alternate" href="/feed.xml"><a href="#top">up</a> text <a href="b/">b</a>"##
        XCTAssertEqual(HTMLAttributes.values(of: "href", in: html).map(\.value), ["/feed.xml", "#top", "b/"])
    }

    /// Images (`src`, each `srcset` candidate) and CSS `url()` (in `<style>`, `style` attributes and style sheets,
    /// not in comments or `data:`) are references too, each at its line.
    func testImagesAndStyleSheetURLsAreReferencesWithTheirLines() {
        let html = """
            <p>text</p>
            <img src="fig.svg" alt="" srcset="a.png 1x, b%20c.png 2x">
            <div style="background: url('bg.png')"></div>
            <style>
            /* url(commented.png) */ .x { background: url(data:image/png;base64,AAAA) }
            .y { background-image: url("y.webp") }
            </style>
            """
        let found = PageReference.all(in: html).map { "\($0.line) \($0.kind.rawValue) \($0.url)" }
        XCTAssertEqual(
            found, ["2 srcset a.png", "2 srcset b%20c.png", "2 src fig.svg", "3 url() bg.png", "6 url() y.webp"])
        XCTAssertEqual(PageReference.cssURLs(in: "a{}\n@font-face{src:url( f.woff2 )}").map(\.url), ["f.woff2"])
    }
}
