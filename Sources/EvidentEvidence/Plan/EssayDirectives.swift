import EvidentCore
import Foundation

/// The validated directives of one essay, with their claims parsed, in document order.
package struct EssayDirectives {
    /// The essay, parsed once in the scan and rendered from the same parse.
    package var parsed: ParsedEssay
    package var directives: [CheckedDirective]
    /// The essay's `include` blocks, by the body line of their opening fence.
    package var includes: [Int: CodeInclude] = [:]

    /// The essay's slug, which names its page folder and keys its records.
    package var slug: String { parsed.source.slug }
    /// The essay's folder, which holds its experiments and stored evidence.
    package var folder: URL { parsed.source.folder }

    /// Collects every `bench`/`probe` block of an essay, validates it and its claims, and checks that ids are
    /// unique, that every inline reference cites something that exists and that every include shows lines of a file
    /// a directive runs. Nothing runs.
    package static func collect(_ essay: ParsedEssay, defaults: DirectiveDefaults) throws -> EssayDirectives {
        let blocks = essay.document.codeBlocks.compactMap { block in
            DirectiveKind(infoString: block.language).map { (block, $0) }
        }
        // Split only for an essay with directives or includes: most have neither.
        let lines =
            blocks.isEmpty && !essay.document.codeBlocks.contains { $0.language == CodeInclude.infoString }
            ? [] : essay.body.split(separator: "\n", omittingEmptySubsequences: false)
        // Each directive is parsed, and the files it runs resolved, on its own: on every core.
        var directives = try ParallelMap.map(blocks) { block, kind in
            try essay.checkClosed(block, lines: lines)
            let directive = try Directive.parse(
                kind: kind, yaml: block.literal, file: essay.source.file,
                line: essay.location(bodyLine: block.line).line!, essayFolder: essay.source.folder, defaults: defaults)
            return try CheckedDirective(directive, bodyLine: block.line, essayFolder: essay.source.folder)
        }
        let all = directives.map(\.definition)
        try Directive.checkUniqueIDs(all)
        var includes: [Int: CodeInclude] = [:]
        for block in essay.document.codeBlocks where block.language == CodeInclude.infoString {
            try essay.checkClosed(block, lines: lines)
            includes[block.line] = try CodeInclude.read(
                block.literal, at: essay.location(bodyLine: block.line), essayFolder: essay.source.folder,
                directives: directives)
        }
        var inline: [InlineClaim] = []
        for node in essay.document.nodes {
            guard case .code(let literal) = node.kind else { continue }
            let location = essay.location(bodyLine: node.range.startLine)
            try InlineReference.parse(literal, location: location)?.validate(against: all)
            if let claim = try InlineClaim.parse(literal, location: location) { inline.append(claim) }
        }
        for directive in all {
            guard case .bench(let bench) = directive else { continue }
            inline += try InlineClaim.all(inCaption: bench.caption, location: bench.location)
        }
        for claim in inline {
            let (index, parsed) = try claim.resolve(in: directives)
            directives[index].inlineClaims.append(parsed)
        }
        return EssayDirectives(parsed: essay, directives: directives, includes: includes)
    }
}

/// A directive whose claims have been parsed against its variants, parameters and metrics.
package struct CheckedDirective {
    /// The directive as written: its kind, fields and claims' text.
    package var definition: Directive
    /// The body line of the opening fence, where its evidence block goes.
    package var bodyLine: Int
    package var benchClaims: [Claim] = []
    package var probeClaims: [ProbeClaim] = []
    /// The claims written about it in the prose and captions (`InlineClaim`), in document order.
    package var inlineClaims: [Claim] = []
    /// The files it runs, published beside the page (`ExperimentSources`), resolved once.
    package var sources: [String]
    /// The local modules each experiment runs besides itself and its helper (`ExperimentSources.localModules`), by
    /// experiment path, resolved with `sources`: what the evidence key reads.
    var localModules: [String: [String]]

    /// The directive's id, unique in its essay.
    package var id: String { definition.id }
    /// Where the directive's block opens.
    package var location: SourceLocation { definition.location }

    init(_ directive: Directive, bodyLine: Int, essayFolder: URL) throws {
        self.definition = directive
        self.bodyLine = bodyLine
        (sources, localModules) = try ExperimentSources.resolve(directive, essayFolder: essayFolder)
        switch directive {
        case .bench(let bench):
            let params = Dictionary(uniqueKeysWithValues: bench.params.map { ($0.name, $0.values) })
            benchClaims = try bench.claims.map {
                try Claim.parse(
                    $0.text, variants: bench.variants.map(\.name), params: params, metrics: bench.metrics,
                    location: $0.location)
            }
        case .probe(let probe):
            probeClaims = try probe.claims.map {
                try ProbeClaim.parse(
                    $0.text, tools: probe.tools.map(\.name), snippets: probe.snippets.map(\.name),
                    location: $0.location)
            }
        }
    }
}

extension ParsedEssay {
    /// Rejects a directive whose fence is never closed: cmark ends such a block with its container (often the end
    /// of the file), so the prose after it would silently become YAML. `lines` are the body's lines.
    func checkClosed(_ block: MarkdownCodeBlock, lines: [Substring]) throws {
        guard block.line >= 1, block.line <= lines.count else { return }
        let opening = lines[block.line - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" || $0 == "-" || $0 == "*" }
        guard let mark = opening.first, mark == "`" || mark == "~" else { return }
        let fence = opening.prefix { $0 == mark }
        let end = document.nodes[block.index].range.endLine
        if end > block.line, end <= lines.count {
            let closing = lines[end - 1].trimmingCharacters(in: .whitespaces)
            let run = closing.reversed().prefix { $0 == mark }
            let rest = closing.dropLast(run.count)
            if run.count >= fence.count, rest.allSatisfy({ $0 == " " || $0 == ">" }) { return }
        }
        throw EvidentError(
            DirectiveFailure.unclosedBlock(fence: String(fence), language: String(block.language)),
            at: location(bodyLine: block.line))
    }
}
