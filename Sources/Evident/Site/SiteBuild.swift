import Foundation

/// `evident build` as a readable list of steps: load, parse, gather evidence, highlight, render, write.
///
/// Measuring happens one directive at a time; rendering is independent per essay and runs in parallel.
/// Nothing is written to the output until every step has succeeded, and then the output is swapped in at once.
public struct SiteBuild {
    public var options: BuildOptions
    public var log: Log

    public init(options: BuildOptions, log: Log) {
        self.options = options
        self.log = log
    }

    public func run() throws -> BuildReport {
        let started = ContinuousClock.now
        let content = try SiteContent.load(siteFolder: options.siteFolder, includeDrafts: options.includeDrafts)
        let templates = try TemplateSet.load(siteFolder: options.siteFolder)
        let essays = try ParallelMap.map(content.essays, ParsedEssay.init)
        let evidence = try EvidenceStage(options: options, config: content.config, templates: templates, log: log)
            .run(essays)
        let highlights = try HighlightedCode.prepare(
            essays, python: PythonInterpreter.resolve(config: content.config, siteFolder: options.siteFolder),
            cache: options.cacheFolder, log: log)
        let context = PageContext(config: content.config, buildTime: Date())
        let renderer = EssayRenderer(
            context: context, templates: templates, highlights: highlights, evidence: evidence.html)
        let rendered = try ParallelMap.map(essays) { try renderer.render($0) }
        try SiteWriter(options: options, context: context, templates: templates)
            .write(rendered, files: evidence.files)
        return BuildReport(
            pages: rendered.count, directivesReused: evidence.reused, directivesMeasured: evidence.measured,
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
