import Foundation

/// `evident build` as a readable list of steps: load, scan (parse, collect directives and code), gather
/// evidence, highlight, then render and write a batch of essays at a time.
///
/// Measuring happens one directive at a time; rendering is independent per essay and runs in parallel. Pages go
/// into a staging folder that replaces the output only when every step has succeeded.
public struct SiteBuild {
    public var options: BuildOptions
    public var log: Log

    public init(options: BuildOptions, log: Log) {
        self.options = options
        self.log = log
    }

    /// How many essays are rendered and written at a time: enough to keep every core busy, few enough that a
    /// large site's pages are never all in memory.
    private static let batch = 64

    public func run() throws -> BuildReport {
        let started = ContinuousClock.now
        let content = try SiteContent.load(siteFolder: options.siteFolder, includeDrafts: options.includeDrafts)
        let templates = try TemplateSet.load(siteFolder: options.siteFolder)
        let scanned = try EssayScan.scan(content.essays, defaults: DirectiveDefaults(content.config.directiveDefaults))
        let evidence = try EvidenceStage(options: options, config: content.config, templates: templates, log: log)
            .run(scanned.directives)
        let highlights = try HighlightedCode.prepare(
            scanned.code, python: PythonInterpreter.resolve(config: content.config, siteFolder: options.siteFolder),
            cache: options.cacheFolder, log: log)
        let context = PageContext(config: content.config, buildTime: Date())
        let renderer = EssayRenderer(
            context: context, templates: templates, highlights: highlights, evidence: evidence.html)
        let writer = try SiteWriter(options: options, context: context, templates: templates, essays: content.essays)
        do {
            for start in stride(from: 0, to: content.essays.count, by: Self.batch) {
                let batch = content.essays[start..<min(start + Self.batch, content.essays.count)]
                try writer.added(
                    ParallelMap.map(Array(batch)) { essay in
                        let (page, html) = try renderer.render(ParsedEssay(essay))
                        try writer.write(page, html: html)
                        return page
                    })
            }
            try writer.finish(essays: content.essays, files: evidence.files)
        } catch {
            writer.discard()
            throw error
        }
        return BuildReport(
            pages: content.essays.count, directivesReused: evidence.reused, directivesMeasured: evidence.measured,
            staleDirectives: evidence.stale, claims: evidence.claims,
            seconds: (ContinuousClock.now - started).seconds, output: options.output)
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
