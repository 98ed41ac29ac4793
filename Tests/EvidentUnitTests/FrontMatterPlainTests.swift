import XCTest

@testable import EvidentCore
@testable import EvidentEvidence

/// The YAML-free front matter reader must agree with the YAML parser whenever it answers, and answer for the
/// front matter authors usually write.
final class FrontMatterPlainTests: XCTestCase {
    private func yamlReading(_ text: String) -> FrontMatter? {
        try? FrontMatter.parse(YAMLSource(file: "index.md", firstLine: 2, text: text))
    }

    private func assertSame(_ plain: FrontMatter, _ yaml: FrontMatter?, _ text: String) {
        XCTAssertEqual(plain.title, yaml?.title, text)
        XCTAssertEqual(plain.date, yaml?.date, text)
        XCTAssertEqual(plain.summary, yaml?.summary, text)
        XCTAssertEqual(plain.draft, yaml?.draft, text)
        XCTAssertEqual(plain.tags, yaml?.tags, text)
        XCTAssertEqual(plain.author, yaml?.author, text)
    }

    func testAKeyGivenTwiceIsNamedAtItsSecondLineAsInADirective() {
        XCTAssertThrowsError(
            try FrontMatter.parse(
                YAMLSource(file: "index.md", firstLine: 2, text: "title: A\ndate: 2026-01-02\ntitle: B\n"))
        ) { error in
            XCTAssertEqual("\(error)", "index.md:4: `title` is given twice in front matter — keep one `title:`")
        }
    }

    func testAnUnknownKeyIsNamedWithTheKnownOnes() {
        XCTAssertThrowsError(
            try FrontMatter.parse(YAMLSource(file: "index.md", firstLine: 2, text: "title: A\nsumary: B\n"))
        ) { error in
            XCTAssertEqual(
                "\(error)",
                "index.md:3: unknown key `sumary` in front matter — did you mean `summary`? The keys: title, date, "
                    + "summary, draft, tags, author, extra; values of your own go under `extra:` (`extra: {sumary: ...}`)"
            )
        }
    }

    func testCommonFrontMatterIsReadWithoutYAMLAndAgrees() throws {
        let texts = [
            "title: Async thoughts\ndate: 2026-11-25\n",
            "title: \"Network core: frame 0\"\ndate: 2019-10-28\nsummary: \"A, b & <c>\"\ntags: [interval, kernel]\n",
            "title: 'It''s late'\ndate: 2026-01-02T09:30:00Z\ndraft: true\ntags:\n  - a\n  - b c\n",
            "title: Café — naïve 日本\ndate: 2026-01-02\ntags: []\ndraft: false\n",
            "title: 1.5\ndate: 2026-01-02\ntags: solo\n\n",
            "title: a#b c\ndate: 2026-01-02\nsummary: x:y\ntags:\n- one\n- 'two'\n",
            "title: A guest essay\ndate: 2026-01-02\nauthor: \"A guest, with notes by the editors\"\n",
        ]
        for text in texts {
            let plain = try XCTUnwrap(FrontMatter.plain(text[...]), text)
            assertSame(plain, yamlReading(text), text)
        }
    }

    /// `extra:` holds nested values only YAML reads: the plain reader never answers for it, whatever its form.
    func testExtraIsAlwaysLeftToYAML() throws {
        let texts = [
            "title: A\ndate: 2026-01-02\nextra:\n  title: B\n  tags: [x]\n",
            "title: A\ndate: 2026-01-02\nextra: {draft: true}\n",
            "extra:\n  - a\ntitle: A\ndate: 2026-01-02\n",
            "title: A\ndate: 2026-01-02\nextra: text\n",
        ]
        for text in texts {
            XCTAssertNil(FrontMatter.plain(text[...]), text)
        }
        let front = try XCTUnwrap(yamlReading(texts[0]))
        XCTAssertEqual(front.title, "A")
        XCTAssertEqual(front.extra, ["title": .text("B"), "tags": .list([.text("x")])])
        XCTAssertEqual(try XCTUnwrap(yamlReading(texts[1])).extra, ["draft": .bool(true)])
        XCTAssertNil(yamlReading(texts[2]), "a list is not a mapping of names to values")
    }

    func testAnythingYAMLMightReadDifferentlyIsLeftToYAML() {
        let texts = [
            "title: x # a comment\ndate: 2026-01-02\n",
            "title: \"a\\tb\"\ndate: 2026-01-02\n",
            "title: &anchor x\ndate: 2026-01-02\n",
            "title: x\n  continued\ndate: 2026-01-02\n",
            "title: |\n  block\ndate: 2026-01-02\n",
            "title: x\ndate: 2026-01-02\ndraft: yes\n",
            "title: x\ndate: 2026-01-02\ntitle: y\n",
            "title: x\ndate: 2026-01-02\nauthors: me\n",
            "title: x\ndate: 2026-01-02\nauthor: true\n",
            "title: null\ndate: 2026-01-02\n",
            "title: ~\ndate: 2026-01-02\n",
            "title: 'unclosed\ndate: 2026-01-02\n",
            "title: a\u{2028}b\ndate: 2026-01-02\n",
            "title: x\ndate: not a date\n",
            "title: x\n",
            "# only a comment\ntitle: x\ndate: 2026-01-02\n",
            "title: x\ndate: 2026-01-02\ntags: [a, [b]]\n",
            "title: x\ndate: 2026-01-02\ntags:\n",
            "title: x\ndate: 2026-01-02\nsummary: true\n",
            "title:x\ndate: 2026-01-02\n",
        ]
        for text in texts {
            XCTAssertNil(FrontMatter.plain(text[...]), text)
        }
    }

    /// Generated front matter from pieces that are easy to get wrong: whenever the plain reader answers, YAML
    /// reads the same values.
    func testGeneratedFrontMatterAgreesWithYAML() {
        let pieces = [
            "plain", "with: colon", "with #hash", "a#b", "'single'", "'it''s'", "\"double\"", "\"q\\\"\"", "-dash",
            "- item", "[x, y]", "[x,y ]", "[]", "[ ]", "['a', \"b\"]", "true", "false", "TRUE", "~", "null", "1e3",
            "0x1F", "key:", "{a: b}", "*ref", "!tag x", "%p", "@at", "`tick`", "tail ", "ü ñ", "a, b", "[a, b, ]",
        ]
        var generator = SplitMix64(seed: 2026)
        var answered = 0
        for _ in 0..<5_000 {
            let title = pieces.randomElement(using: &generator)!
            let summary = pieces.randomElement(using: &generator)!
            let tags = pieces.randomElement(using: &generator)!
            let text = "title: \(title)\ndate: 2026-01-02\nsummary: \(summary)\ntags: \(tags)\n"
            guard let plain = FrontMatter.plain(text[...]) else { continue }
            answered += 1
            assertSame(plain, yamlReading(text), text)
        }
        XCTAssertGreaterThan(answered, 150)
    }
}
