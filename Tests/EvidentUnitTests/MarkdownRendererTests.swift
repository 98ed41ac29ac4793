import XCTest

@testable import EvidentCore
@testable import EvidentRendering

final class MarkdownRendererTests: XCTestCase {
    func testHeadingsGetUniqueIDsAndSelfLinks() throws {
        let markdown = """
            # The Question

            ## The Question

            ## Hello, *World*!

            ## C++ & Rust: 2x faster?

            ## Über café — naïve Ελληνικά

            ## `=await-loop.gather.speedup` matters

            ## ***

            #

            ## a-1

            ## A

            ## a
            """
        let rendered = try MarkdownRenderer(reservedIDs: ["a"]).render(MarkdownDocument(parsing: markdown))
        XCTAssertEqual(
            rendered.headings.map(\.id),
            [
                "the-question", "the-question-1", "hello-world", "c-rust-2x-faster", "über-café-naïve-ελληνικά",
                "await-loop-gather-speedup-matters", "section", "section-1", "a-1", "a-2", "a-3",
            ]
        )
        XCTAssertEqual(rendered.headings.map(\.level), [1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2])
        XCTAssertEqual(rendered.headings[2].text, "Hello, World!")
        XCTAssertEqual(rendered.headings[3].line, 7)
        XCTAssertTrue(
            rendered.html.hasPrefix(
                """
                <h1 id="the-question"><a class="anchor" href="#the-question" aria-hidden="true" tabindex="-1">#</a>The Question</h1>
                <h2 id="the-question-1"><a class="anchor" href="#the-question-1" aria-hidden="true" tabindex="-1">#</a>The Question</h2>
                <h2 id="hello-world"><a class="anchor" href="#hello-world" aria-hidden="true" tabindex="-1">#</a>Hello, <em>World</em>!</h2>

                """
            ),
            rendered.html
        )
    }

    func testHooksReplaceCodeWithRawHTMLWhileMarkdownHTMLFollowsTheSafeOption() throws {
        let markdown = """
            See `=await-loop.gather.median` and `plain code`.

            ```bench
            id: await-loop
            ```

            ```python
            x = 1 < 2
            ```

            <div class="raw">Raw block</div>

            Inline <span>raw</span> HTML.
            """
        var blockCalls: [String] = []
        var inlineCalls: [String] = []
        func renderer(unsafe: Bool) -> MarkdownRenderer {
            MarkdownRenderer(
                unsafeHTML: unsafe,
                codeBlock: { info, literal, line, _ in
                    blockCalls.append("\(info):\(line):\(literal)")
                    return info == "bench" ? "<figure class=\"evidence\"><script>1</script></figure>" : nil
                },
                inlineCode: { literal, line in
                    inlineCalls.append("\(literal):\(line)")
                    return literal.hasPrefix("=") ? "<span class=\"ref\">2.1 ms</span>" : nil
                }
            )
        }
        let document = MarkdownDocument(parsing: markdown)

        let safe = try renderer(unsafe: false).render(document).html
        XCTAssertEqual(
            safe,
            """
            <p>See <span class="ref">2.1 ms</span> and <code>plain code</code>.</p>
            <figure class="evidence"><script>1</script></figure>
            <pre><code class="language-python">x = 1 &lt; 2
            </code></pre>
            <!-- raw HTML omitted -->
            <p>Inline <!-- raw HTML omitted -->raw<!-- raw HTML omitted --> HTML.</p>

            """
        )
        XCTAssertEqual(blockCalls, ["bench:3:id: await-loop\n", "python:7:x = 1 < 2\n"])
        XCTAssertEqual(inlineCalls, ["=await-loop.gather.median:1", "plain code:1"])

        let unsafe = try renderer(unsafe: true).render(document).html
        XCTAssertTrue(unsafe.contains("<figure class=\"evidence\"><script>1</script></figure>\n"))
        XCTAssertTrue(unsafe.contains("<div class=\"raw\">Raw block</div>\n"))
        XCTAssertTrue(unsafe.contains("<p>Inline <span>raw</span> HTML.</p>"))
    }

    func testAHookErrorPropagatesOutOfRender() {
        let document = MarkdownDocument(parsing: "Text\n\n```bench\nid: x\n```\n")
        let error = EvidentError(.input, at: SourceLocation(file: "index.md", line: 3), "bad directive")
        let renderer = MarkdownRenderer(codeBlock: { _, _, _, _ in throw error })
        XCTAssertThrowsError(try renderer.render(document)) { XCTAssertEqual($0 as? EvidentError, error) }
    }

    func testHeadingsInsideContainersAndWithReplacedCode() throws {
        let markdown = "- > ## Step `=x.y.median`\n"
        let rendered = try MarkdownRenderer(inlineCode: { _, _ in "<b>3</b>" }).render(
            MarkdownDocument(parsing: markdown))
        XCTAssertEqual(
            rendered.html,
            """
            <ul>
            <li>
            <blockquote>
            <h2 id="step-x-y-median"><a class="anchor" href="#step-x-y-median" aria-hidden="true" tabindex="-1">#</a>Step <b>3</b></h2>
            </blockquote>
            </li>
            </ul>

            """
        )
    }
}
