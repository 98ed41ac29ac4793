import XCTest

@testable import EvidentEvidence

final class DirectiveProbeTests: XCTestCase {
    private var essay: DirectiveEssay!

    override func setUpWithError() throws {
        essay = try DirectiveEssay()
    }

    func testOwnMarkerAndTimeout() throws {
        let probe = try essay.probe(
            """
            id: repl
            title: REPLs
            tools:
              python: python3 -i
            snippets:
              sleep: ./experiments/repl/await_sleep.ipy
            marker: DONE
            timeout: 5s
            """)
        XCTAssertEqual(probe.snippets, [ProbeSnippet(name: "sleep", path: "experiments/repl/await_sleep.ipy")])
        XCTAssertEqual(probe.marker, "DONE")
        XCTAssertEqual(probe.timeout, .seconds(5))
        XCTAssertEqual(probe.claims, [])
    }

    func testSiteDefaultsApplyToProbes() throws {
        let defaults = try DirectiveDefaults(["timeout": "3s", "marker": "OK", "budget": "10s"])
        let probe = try essay.probe(
            "id: repl\ntitle: REPLs\ntools: {p: p}\nsnippets: {s: experiments/repl/await_sleep.ipy}",
            defaults: defaults)
        XCTAssertEqual(probe.marker, "OK")
        XCTAssertEqual(probe.timeout, .seconds(3))
    }

    func testMissingToolsAndSnippets() {
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\nsnippets: {s: experiments/notes.txt}"),
            "content/x/index.md:10: the probe directive has no `tools` — add `tools:`, a map of name → command line")
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\ntools: {p: p}"),
            "content/x/index.md:10: the probe directive has no `snippets` "
                + "— add `snippets:`, a map of name → file in the essay folder")
    }

    func testToolsMustBeAMapOfCommandLines() {
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\ntools: [python, ipython]\nsnippets: {s: experiments/notes.txt}"),
            "content/x/index.md:13: `tools` must be a map, not a list — write one `name: value` per line")
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\ntools:\n  python:\nsnippets: {s: experiments/notes.txt}"),
            "content/x/index.md:14: `tools.python` is empty — write a value for it")
    }

    func testUnknownProbeKey() {
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\nsnipets: {s: x}"),
            "content/x/index.md:13: unknown key `snipets` in the probe directive — did you mean `snippets`? "
                + "The keys: id, title, caption, tools, snippets, marker, timeout, claims")
        XCTAssertEqual(
            essay.error(.probe, "id: a\ntitle: A\ntools: {p: p}\nsnippets: {s: experiments/notes.txt}\nbudget: 1s"),
            "content/x/index.md:15: unknown key `budget` in the probe directive — use one of the keys: "
                + "id, title, caption, tools, snippets, marker, timeout, claims")
    }

    func testBadMarkerAndTimeout() {
        let head = "id: a\ntitle: A\ntools: {p: p}\nsnippets: {s: experiments/notes.txt}\n"
        XCTAssertEqual(
            essay.error(.probe, head + "marker: ''"),
            "content/x/index.md:15: `marker` is empty — write a value for it")
        XCTAssertEqual(
            essay.error(.probe, head + "timeout: 20"),
            "content/x/index.md:15: bad duration `20` for `timeout` "
                + "— write a positive number with a unit: `500ms`, `30s`, `2m`")
    }
}
