/// The `scan` step: every essay parsed once, in parallel, for what must be known before the rest renders: its
/// directives (validated, with their claims and inline references) and its code blocks. An essay that needs
/// nothing more (no directives, and code the highlight cache already holds) is rendered there and then, from the
/// same parse; the others wait for the evidence and highlighting steps and are parsed again when they render, so
/// a large site never holds every document at once.
struct EssayScan {
    /// The directives of each essay that has some, in essay order.
    var directives: [EssayDirectives]
    /// Every code block to highlight.
    var code: [CodeSample]
    /// The essays not rendered yet, in essay order.
    var waiting: [Essay]

    /// Scans `essays`; `renderNow` renders an essay without directives and answers whether it did.
    static func scan(
        _ essays: [Essay], defaults: DirectiveDefaults, renderNow: (ParsedEssay, [CodeSample]) throws -> Bool
    ) throws -> EssayScan {
        let scanned = try ParallelMap.map(essays) { essay -> (EssayDirectives?, [CodeSample], Bool) in
            let parsed = ParsedEssay(essay)
            let directives = try EssayDirectives.collect(parsed, defaults: defaults)
            let code = CodeSample.samples(of: parsed.document)
            guard directives.directives.isEmpty else { return (directives, code, false) }
            return (nil, code, try renderNow(parsed, code))
        }
        return EssayScan(
            directives: scanned.compactMap(\.0), code: scanned.flatMap(\.1),
            waiting: zip(essays, scanned).filter { !$1.2 }.map(\.0))
    }
}
