import XCTest

@testable import EvidentRendering

/// Renders `template` with `data`, the `partials` (and parents) available by name.
func renderMustache(
    _ template: String, _ data: TemplateValue = [:], partials: [String: String] = [:]
) throws -> String {
    let templates = try partials.mapValues(MustacheParser.parse)
    var renderer = TemplateRenderer(templates: templates, context: data, template: "template")
    var output = ""
    try renderer.render(try MustacheParser.parse(template), into: &output)
    return output
}

/// Interpolation, sections, names, comments, standalone lines, delimiters and partials.
final class MustacheTests: XCTestCase {
    func testInterpolationEscapesHTMLUnlessTripleOrAmpersand() throws {
        let data: TemplateValue = ["x": #"a & <b> "c" 'd'"#]
        XCTAssertEqual(try renderMustache("{{x}}", data), "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;")
        XCTAssertEqual(try renderMustache("{{{x}}}|{{& x }}", data), #"a & <b> "c" 'd'|a & <b> "c" 'd'"#)
        XCTAssertEqual(try renderMustache("[{{ x }}]", ["x": "plain"]), "[plain]")
        XCTAssertEqual(try renderMustache("é{{x}}ü", ["x": "<ø>"]), "é&lt;ø&gt;ü")
    }

    func testNumbersAndBooleansPrintListsAndObjectsAndMissesDoNot() throws {
        let data: TemplateValue = [
            "n": 42, "zero": 0, "negative": -7, "yes": true, "no": false, "l": [1], "o": ["a": 1],
        ]
        XCTAssertEqual(try renderMustache("{{n}} {{zero}} {{negative}} {{yes}} {{no}}", data), "42 0 -7 true false")
        XCTAssertEqual(try renderMustache("[{{l}}{{o}}{{missing}}{{o.missing}}]", data), "[]")
    }

    func testSectionTruthinessMatchesThePreviousEngine() throws {
        let data: TemplateValue = [
            "t": true, "f": false, "empty": "", "zero": 0, "none": [], "list": ["a", "b"], "object": ["k": "v"],
        ]
        let template =
            "{{#t}}T{{/t}}{{#f}}F{{/f}}{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{#none}}N{{/none}}"
            + "{{#missing}}M{{/missing}}{{#object}}O{{/object}}"
        XCTAssertEqual(try renderMustache(template, data), "TEZO")
        let inverted = template.replacingOccurrences(of: "{{#", with: "{{^")
        XCTAssertEqual(try renderMustache(inverted, data), "FNM")
        XCTAssertEqual(try renderMustache("{{^list}}no{{/list}}", data), "")
    }

    func testSectionsEnterValuesAndRepeatLists() throws {
        let data: TemplateValue = [
            "list": ["a", "<b>"], "people": [["name": "Ann"], ["name": "Bo"]], "object": ["k": "v"], "text": "hi",
            "n": 3,
        ]
        XCTAssertEqual(try renderMustache("{{#list}}({{.}}){{/list}}", data), "(a)(&lt;b&gt;)")
        XCTAssertEqual(try renderMustache("{{#people}}{{name}},{{/people}}", data), "Ann,Bo,")
        XCTAssertEqual(try renderMustache("{{#object}}{{k}}{{/object}}", data), "v")
        XCTAssertEqual(try renderMustache("{{#text}}[{{.}}]{{/text}}{{#n}}[{{.}}]{{/n}}", data), "[hi][3]")
        XCTAssertEqual(try renderMustache("{{#list}}{{#list}}{{.}}{{/list}};{{/list}}", data), "a&lt;b&gt;;a&lt;b&gt;;")
    }

    func testDottedNamesResolveTheirFirstPartUpTheStack() throws {
        let data: TemplateValue = [
            "page": ["title": "T", "meta": ["year": 2026]], "site": ["title": "S"],
            "a": ["b": ["x": "inner"]], "b": ["c": "outer"],
        ]
        XCTAssertEqual(try renderMustache("{{page.title}} {{page.meta.year}} {{page.nope.year}}", data), "T 2026 ")
        XCTAssertEqual(try renderMustache("{{#page}}{{title}}/{{site.title}}{{/page}}", data), "T/S")
        // `b` is found inside `a`, which has no `c`: the outer `b.c` is not tried.
        XCTAssertEqual(try renderMustache("{{#a}}[{{b.c}}]{{b.x}}{{/a}}", data), "[]inner")
        XCTAssertEqual(try renderMustache("{{#page.meta}}{{year}}{{/page.meta}}", data), "2026")
    }

    func testCommentsRenderNothingAndStandaloneOnesTakeTheirLine() throws {
        XCTAssertEqual(try renderMustache("a{{! note }}b"), "ab")
        XCTAssertEqual(try renderMustache("a\n  {{! note }}  \nb\n"), "a\nb\n")
        XCTAssertEqual(try renderMustache("a\n{{!\nmany\nlines\n}}\nb"), "a\nb")
    }

    func testStandaloneTagLinesAreRemoved() throws {
        let data: TemplateValue = ["list": ["x", "y"], "on": true]
        XCTAssertEqual(
            try renderMustache("<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n</ul>\n", data),
            "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
        XCTAssertEqual(try renderMustache("a\r\n\t{{#on}} \r\nb\r\n{{/on}}\r\nc", data), "a\r\nb\r\nc")
        XCTAssertEqual(try renderMustache("{{#on}}\nstart\n{{/on}}", data), "start\n")
        // Not standalone: other content, or two tags, on the line.
        XCTAssertEqual(try renderMustache(" x {{#on}}\ny\n{{/on}}\n", data), " x \ny\n")
        XCTAssertEqual(try renderMustache("{{#on}}{{/on}}\nz", data), "\nz")
        XCTAssertEqual(try renderMustache("  {{on}}\n", data), "  true\n")
    }

    func testSetDelimitersChangeTheTagsThatFollow() throws {
        let data: TemplateValue = ["x": "<1>", "list": ["a"]]
        XCTAssertEqual(try renderMustache("{{=<% %>=}}<% x %>|<%{ x }%>|{{x}}", data), "&lt;1&gt;|<1>|{{x}}")
        XCTAssertEqual(
            try renderMustache("[\n{{= | | =}}\n|#list||.||/list|\n|={{ }}=|\n{{x}}]", data), "[\na\n&lt;1&gt;]")
        // A partial starts with the default delimiters whatever its caller set.
        XCTAssertEqual(try renderMustache("{{=[ ]=}}[>p]", data, partials: ["p": "{{x}}[x]"]), "&lt;1&gt;[x]")
    }

    func testPartialsRenderInTheCallersContext() throws {
        let partials = ["item": "<{{name}}>", "list": "{{#items}}{{>item}}{{/items}}"]
        let data: TemplateValue = ["items": [["name": "a"], ["name": "b"]]]
        XCTAssertEqual(try renderMustache("[{{> list }}]", data, partials: partials), "[<a><b>]")
        XCTAssertEqual(try renderMustache("[{{>nowhere}}]", data), "[]")
    }

    func testStandalonePartialsIndentEachLineOfTheirTemplate() throws {
        let partials = ["p": "one\n{{{text}}}\ntwo\n", "outer": "<div>\n  {{>p}}\n</div>\n"]
        let data: TemplateValue = ["text": "x\ny"]
        // The partial's own lines are indented, not the lines of a value it prints.
        XCTAssertEqual(try renderMustache("a\n  {{>p}}\nb", data, partials: partials), "a\n  one\n  x\ny\n  two\nb")
        XCTAssertEqual(
            try renderMustache("  {{>outer}}", data, partials: partials),
            "  <div>\n    one\n    x\ny\n    two\n  </div>\n")
        // Inline: no indentation.
        XCTAssertEqual(try renderMustache(">{{>p}}", data, partials: partials), ">one\nx\ny\ntwo\n")
    }
}
