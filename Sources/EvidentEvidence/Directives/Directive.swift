import EvidentCore
import Foundation

/// A `bench` or `probe` directive: a fenced block of an essay whose YAML body says what to measure, validated.
package enum Directive: Sendable, Equatable {
    /// Timings or other metrics of variants across parameter cells.
    case bench(BenchDirective)
    /// Works / fails of snippets under tools.
    case probe(ProbeDirective)

    /// Parses and validates the body of one directive block.
    ///
    /// - Parameters:
    ///   - kind: the block's kind, from its info string.
    ///   - yaml: the block's body.
    ///   - file: the essay, relative to the site (`content/x/index.md`), for messages.
    ///   - line: the line of the opening fence; the body's first line is `line + 1`.
    ///   - essayFolder: the folder of the essay, which every path must stay inside.
    ///   - defaults: the site's directive defaults, applied under the directive's own values.
    /// - Throws: an `EvidentError` of kind `.input` at the line of the offending key.
    static func parse(
        kind: DirectiveKind, yaml: String, file: String, line: Int, essayFolder: URL,
        defaults: DirectiveDefaults = DirectiveDefaults()
    ) throws -> Directive {
        switch kind {
        case .bench:
            let body = try DirectiveBody(
                kind: kind, yaml: yaml, file: file, line: line, keys: BenchDirective.keys, defaults: defaults)
            return .bench(try BenchDirective(body, essayFolder: essayFolder))
        case .probe:
            let body = try DirectiveBody(
                kind: kind, yaml: yaml, file: file, line: line, keys: ProbeDirective.keys, defaults: defaults)
            return .probe(try ProbeDirective(body, essayFolder: essayFolder))
        }
    }

    /// Rejects a second directive with the id of an earlier one in the same essay, naming both lines.
    static func checkUniqueIDs(_ directives: [Directive]) throws {
        var first: [String: SourceLocation] = [:]
        for directive in directives {
            if let earlier = first[directive.id] {
                throw EvidentError(
                    DirectiveFailure.duplicateID(directive.id, firstLine: earlier.line), at: directive.location)
            }
            first[directive.id] = directive.location
        }
    }

    var kind: DirectiveKind {
        switch self {
        case .bench: return .bench
        case .probe: return .probe
        }
    }

    /// The id, unique in its essay; it names `evidence/<id>.json` and the anchor.
    package var id: String {
        switch self {
        case .bench(let bench): return bench.id
        case .probe(let probe): return probe.id
        }
    }

    /// The title shown above the evidence.
    var title: String {
        switch self {
        case .bench(let bench): return bench.title
        case .probe(let probe): return probe.title
        }
    }

    /// One Markdown sentence shown under the title, if any.
    var caption: String? {
        switch self {
        case .bench(let bench): return bench.caption
        case .probe(let probe): return probe.caption
        }
    }

    /// The claims, each with its line, to be checked against the evidence.
    var claims: [DirectiveClaim] {
        switch self {
        case .bench(let bench): return bench.claims
        case .probe(let probe): return probe.claims
        }
    }

    /// The essay and the line of the opening fence.
    package var location: SourceLocation {
        switch self {
        case .bench(let bench): return bench.location
        case .probe(let probe): return probe.location
        }
    }
}

/// One claim of a directive as written, with its line; its grammar is checked with the evidence.
struct DirectiveClaim: Sendable, Equatable {
    /// The claim, e.g. `gather at least 5x faster than sync at n=100`.
    var text: String
    /// The essay and the line of the claim.
    var location: SourceLocation

    /// The claims under `claims:`, if the directive has any.
    static func list(_ body: DirectiveBody) throws -> [DirectiveClaim] {
        guard let value = body.value("claims") else { return [] }
        return try value.list().map { item in
            guard case .scalar = item.node else {
                throw item.error(DirectiveValueFailure.claimNotText(item.field, found: item.shape))
            }
            return DirectiveClaim(text: try item.text(), location: item.location)
        }
    }
}
