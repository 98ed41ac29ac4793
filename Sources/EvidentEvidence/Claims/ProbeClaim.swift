import EvidentCore

/// A sentence of a `probe` directive's `claims:`: `TOOL works on SNIPPET` or `TOOL fails on SNIPPET`.
///
/// Tool and snippet names may hold spaces and punctuation (`python -m asyncio works on top-level await`), so the
/// sentence is read against the directive's names rather than split into words.
package struct ProbeClaim: Sendable, Equatable {
    /// The grammar, as shown to an author whose claim does not follow it.
    static let grammar = "write `TOOL works on SNIPPET` or `TOOL fails on SNIPPET`"

    /// The sentence as the author wrote it.
    package var text: String
    package var tool: String
    package var snippet: String
    /// True for `works on`, false for `fails on`.
    var claimsWorks: Bool
    package var location: SourceLocation

    /// Parses a probe claim against the directive's tool and snippet names (runs of white space count as one
    /// space).
    ///
    /// - Throws: `EvidentError` (`.input`, at `location`) quoting the claim, when it does not read
    ///   `TOOL works on SNIPPET` or `TOOL fails on SNIPPET`, or names an unknown tool or snippet.
    static func parse(
        _ text: String, tools: [String], snippets: [String], location: SourceLocation
    ) throws -> ProbeClaim {
        let fail = { (what: String, fix: String) in
            EvidentError(.input, at: location, "claim \"\(text)\": \(what)", fix: fix)
        }
        let readings = readings(of: collapsed(text))
        for reading in readings {
            if let tool = tools.first(where: { collapsed($0) == reading.tool }),
                let snippet = snippets.first(where: { collapsed($0) == reading.snippet })
            {
                return ProbeClaim(
                    text: text, tool: tool, snippet: snippet, claimsWorks: reading.works, location: location)
            }
        }
        guard let first = readings.first else {
            throw fail("it does not follow the probe claim grammar", grammar)
        }
        if let known = readings.first(where: { reading in tools.contains { collapsed($0) == reading.tool } }) {
            throw fail(
                "unknown snippet \"\(known.snippet)\"",
                EditDistance.suggestion(for: known.snippet, among: snippets, noun: "snippets"))
        }
        throw fail(
            "unknown tool \"\(first.tool)\"", EditDistance.suggestion(for: first.tool, among: tools, noun: "tools"))
    }

    /// Judges the claim on the probe's outcome: `works(tool, snippet)` is true when the snippet worked under the
    /// tool, false when it failed, nil when there is no result (then the claim is inconclusive).
    func evaluate(works: (_ tool: String, _ snippet: String) -> Bool?) -> Verdict {
        guard let worked = works(tool, snippet) else { return .inconclusive }
        return worked == claimsWorks ? .holds : .contradicted
    }

    /// Every way to split the sentence at ` works on ` or ` fails on `, in that order.
    private static func readings(of sentence: String) -> [(tool: String, snippet: String, works: Bool)] {
        var readings: [(tool: String, snippet: String, works: Bool)] = []
        for (verb, works) in [(" works on ", true), (" fails on ", false)] {
            var searchStart = sentence.startIndex
            while let match = sentence.range(of: verb, range: searchStart..<sentence.endIndex) {
                readings.append((String(sentence[..<match.lowerBound]), String(sentence[match.upperBound...]), works))
                searchStart = match.upperBound
            }
        }
        return readings
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
