import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// `evident build` as a readable list of steps: load, scan (parse, collect directives and code, and render the
/// essays that need nothing more), gather evidence, highlight, render the rest, then write the site-wide files.
///
/// Measuring happens one directive at a time; rendering is independent per essay and runs in parallel. Pages go
/// into a staging folder that replaces the output only when every step has succeeded.
package struct SiteBuild {
    var options: BuildOptions
    var log: Log
    /// Where new evidence comes from; nil runs the experiments as processes.
    var measurer: Measurer?
    /// What highlights code; nil is Pygments in the site's Python.
    var highlighter: Highlighter?

    package init(options: BuildOptions, log: Log, measurer: Measurer? = nil, highlighter: Highlighter? = nil) {
        self.options = options
        self.log = log
        self.measurer = measurer
        self.highlighter = highlighter
    }

    package func run() throws -> BuildReport {
        let started = ContinuousClock.now
        let content = try SiteContent.load(siteFolder: options.siteFolder, includeDrafts: options.includeDrafts)
        let templates = try TemplateSet.load(siteFolder: options.siteFolder)
        let cached = HighlightedCode.cached(in: options.cacheFolder)
        let context = PageContext(config: content.config, buildTime: Date())
        let writer = try SiteWriter(options: options, context: context, templates: templates, essays: content.essays)
        do {
            let early = EssayRenderer(context: context, templates: templates, highlights: cached, evidence: [:])
            let scanned = try EssayScan.scan(
                content.essays, defaults: DirectiveDefaults(content.config.directiveDefaults)
            ) { parsed, code in
                guard let entries = cached.cacheEntries(for: code) else { return nil }
                try writer.publish(parsed, with: early)
                return entries
            }
            let evidence = try EvidenceStage(options: options, config: content.config, log: log, measurer: measurer)
                .run(scanned.directives)
            let evidenceHTML = try EvidenceBlocks.html(evidence, templates: templates)
            let python = PythonInterpreter.resolve(config: content.config, siteFolder: options.siteFolder)
            let highlights = try cached.adding(
                scanned.code, keeping: scanned.cacheEntriesUsed, highlighter: highlighter ?? Pygments(python: python),
                cache: options.cacheFolder, log: log)
            let renderer = EssayRenderer(
                context: context, templates: templates, highlights: highlights, evidence: evidenceHTML)
            _ = try ParallelMap.map(scanned.waiting) { try writer.publish(ParsedEssay($0), with: renderer) }
            try writer.finish(essays: content.essays, files: evidence.files)
            return BuildReport(
                pages: content.essays.count, directivesReused: evidence.reused,
                directivesMeasured: evidence.measured, staleDirectives: evidence.stale, claims: evidence.claims,
                seconds: (ContinuousClock.now - started).seconds, output: options.output)
        } catch {
            writer.discard()
            throw error
        }
    }
}
