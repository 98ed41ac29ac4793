/// The `scan` step: every essay parsed once, in parallel, for what must be known before anything renders: its
/// directives (validated, with their claims and inline references) and its code blocks to highlight. Only the
/// essays with directives keep their parsed document; the others are parsed again when they render, so a large
/// site never holds every document at once.
struct EssayScan {
    /// The directives of each essay that has some, in essay order.
    var directives: [EssayDirectives]
    /// Every code block to highlight.
    var code: [CodeSample]

    static func scan(_ essays: [Essay], defaults: DirectiveDefaults) throws -> EssayScan {
        let scanned = try ParallelMap.map(essays) { essay in
            let parsed = ParsedEssay(essay)
            let directives = try EssayDirectives.collect(parsed, defaults: defaults)
            return (directives.directives.isEmpty ? nil : directives, CodeSample.samples(of: parsed.document))
        }
        return EssayScan(directives: scanned.compactMap(\.0), code: scanned.flatMap(\.1))
    }
}
