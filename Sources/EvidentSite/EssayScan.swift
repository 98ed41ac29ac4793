import EvidentCore
import EvidentEvidence
import EvidentRendering

/// The `scan` step: every essay parsed once, in parallel, for what must be known before the rest renders: its
/// directives (validated, with their claims and inline references) and its code blocks. An essay that needs
/// nothing more (no directives, and code the highlight cache already holds) is rendered there and then, from the
/// same parse; the others wait for the evidence and highlighting steps. An essay with directives keeps its parse
/// (its directives hold it) and renders from it; one without is parsed again when it renders, so that a large site
/// of plain essays never holds every document at once.
struct EssayScan {
    /// The directives of each essay that has some, in essay order.
    var directives: [EssayDirectives]
    /// The code blocks of the essays not rendered yet, to highlight.
    var code: [CodeSample]
    /// The highlight cache entries used by the essays rendered during the scan (kept when the cache is rewritten).
    var cacheEntriesUsed: Set<Int>
    /// The essays not rendered yet, in essay order.
    var waiting: [WaitingEssay]

    /// Scans `essays`, whose images must show one of the `published` output paths (`ImageTargets`); `renderNow`
    /// renders an essay without directives when the cache holds all its code, and answers the cache entries it used
    /// (nil: the essay waits).
    static func scan(
        _ essays: [Essay], defaults: DirectiveDefaults, published: Set<String>,
        renderNow: (ParsedEssay, [CodeSample]) throws -> [Int]?
    ) throws -> EssayScan {
        let scanned = try ParallelMap.map(essays) { essay -> (EssayDirectives?, [CodeSample], [Int]?) in
            let parsed = try ParsedEssay.read(essay)
            try ImageTargets.check(parsed, published: published)
            let directives = try EssayDirectives.collect(parsed, defaults: defaults)
            let code = CodeSample.samples(of: parsed.document)
            guard directives.directives.isEmpty else { return (directives, code, nil) }
            return (nil, code, try renderNow(parsed, code))
        }
        return EssayScan(
            directives: scanned.compactMap(\.0), code: scanned.filter { $0.2 == nil }.flatMap(\.1),
            cacheEntriesUsed: Set(scanned.compactMap(\.2).joined()),
            waiting: zip(essays, scanned).filter { $1.2 == nil }.map { essay, scanned in
                scanned.0.map { .parsed($0.parsed) } ?? .unparsed(essay)
            })
    }
}

/// An essay the scan did not render: parsed already when its directives keep the parse, else only its front matter
/// is held.
enum WaitingEssay {
    case parsed(ParsedEssay)
    case unparsed(Essay)

    /// The essay's parse: the scan's, or a new one (its body read again).
    func parsed() throws -> ParsedEssay {
        switch self {
        case .parsed(let parsed): parsed
        case .unparsed(let essay): try ParsedEssay.read(essay)
        }
    }
}
