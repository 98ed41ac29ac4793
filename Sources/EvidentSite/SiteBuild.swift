import EvidentCore
import EvidentEvidence
import EvidentRendering
import Foundation

/// `evident build` as a readable list of steps: lock the site, load, check the output folder, scan (parse, collect
/// directives and code, and render the essays that need nothing more), gather evidence, highlight, render the
/// rest, write the site-wide files, then publish the new evidence and output together.
///
/// Measuring happens one directive at a time; rendering is independent per essay and runs in parallel. Pages go
/// into a staging folder, and new evidence beside its stored files, both put in place only when every step has
/// succeeded (see `SiteWriter.publish`): a failed build leaves the output and the stored evidence as they were.
package struct SiteBuild {
    var options: BuildOptions
    var log: Log
    /// Where new evidence comes from; nil runs the experiments as processes.
    var measurer: Measurer?
    /// What highlights code; nil is Pygments in the site's Python.
    var highlighter: Highlighter?
    /// The time the build is made at (`build.time` in templates); the system clock unless a test fixes it.
    var clock: () -> Date

    package init(
        options: BuildOptions, log: Log, measurer: Measurer? = nil, highlighter: Highlighter? = nil,
        clock: @escaping () -> Date = Date.init
    ) {
        self.options = options
        self.log = log
        self.measurer = measurer
        self.highlighter = highlighter
        self.clock = clock
    }

    package func run() throws -> BuildReport {
        let started = ContinuousClock.now
        let lock = try SiteLock(siteFolder: options.siteFolder, cacheFolder: options.cacheFolder, log: log)
        defer { withExtendedLifetime(lock) {} }
        SwiftExperimentCompiler.removeAbandonedBuilds(siteCache: options.cacheFolder)
        let config = try SiteConfig.load(siteFolder: options.siteFolder)
        if let skipped = PythonInterpreter.skippedConfigured(
            config: config, siteFolder: options.siteFolder, frozen: options.frozen)
        {
            log.info(
                "a frozen build does not run the site's own Python (\(skipped)); set "
                    + "\(PythonInterpreter.optInVariable)=1 to let it, or \(PythonInterpreter.pinVariable) to choose one"
            )
        }
        let defaults = try DirectiveDefaults(config.directiveDefaults)
        let content = try SiteContent.load(
            config: config, siteFolder: options.siteFolder, includeDrafts: options.includeDrafts)
        let templates = try TemplateSet.load(siteFolder: options.siteFolder)
        let tags = try SiteTags.collect(content.essays)
        try ReservedPaths.checkSlugs(of: content.essays, assets: templates.assets.keys, tags: tags)
        let bundles = try PageBundles.collect(content.essays)
        let published = Set(bundles.files.keys).union(templates.assets.keys)
        let destination = try OutputGuard.check(
            options.output, siteFolder: options.siteFolder, assets: Set(templates.assets.keys))
        let cached = HighlightedCode.cached(in: options.cacheFolder)
        let context = PageContext(config: content.config, buildTime: clock(), tagSlugs: tags.slugs)
        let writer = try SiteWriter(
            destination: destination, context: context, templates: templates, essays: content.essays, tags: tags)
        let staged = StagedEvidence()
        do {
            let early = EssayRenderer(context: context, templates: templates, highlights: cached, evidence: [:])
            let scanned = try EssayScan.scan(content.essays, defaults: defaults, published: published) {
                parsed, code in
                guard let entries = cached.cacheEntries(for: code) else { return nil }
                try writer.publish(parsed, with: early)
                return entries
            }
            let bundled = try ReservedPaths.checkSources(
                of: content.essays, directives: scanned.directives, bundles: bundles)
            let orphans = try OrphanEvidence.find(content.essays, directives: scanned.directives)
            for orphan in orphans { log.warning(OrphanEvidence.warning(orphan)) }
            let evidence = try EvidenceStage(options: options, config: content.config, log: log, measurer: measurer)
                .run(scanned.directives, staging: staged)
            let evidenceHTML = try EvidenceBlocks.html(evidence, templates: templates)
            let sources = try SourcePages.collect(evidence.judged, siteFolder: options.siteFolder)
            let python = PythonInterpreter.resolve(
                config: content.config, siteFolder: options.siteFolder, frozen: options.frozen)
            let highlights = cached.adding(
                scanned.code + sources.code + CodeSample.samples(of: scanned.directives),
                keeping: scanned.cacheEntriesUsed,
                highlighter: highlighter ?? Pygments(python: python),
                cache: options.cacheFolder, log: log)
            let renderer = EssayRenderer(
                context: context, templates: templates, highlights: highlights, evidence: evidenceHTML)
            _ = try ParallelMap.map(scanned.waiting) { try writer.publish(try $0.parsed(), with: renderer) }
            let sourceFiles = try sources.files(context: context, templates: templates, highlights: highlights)
            try writer.finish(
                essays: content.essays, files: evidence.files.merging(sourceFiles) { stored, _ in stored },
                bundles: bundled)
            try writer.publish(evidence: staged)
            return BuildReport(
                pages: content.essays.count, draftsSkipped: content.draftsSkipped, directivesReused: evidence.reused,
                directivesMeasured: evidence.measured, staleDirectives: evidence.stale, claims: evidence.claims,
                movedCells: evidence.moved, unstableClaims: evidence.unstable, implausibleClaims: evidence.implausible,
                contradictions: ContradictedClaim.all(in: evidence), orphanEvidence: orphans,
                seconds: (ContinuousClock.now - started).seconds, output: destination)
        } catch {
            writer.discard()
            reportLost(staged.ids)
            staged.discard()
            throw error
        }
    }

    /// New measurements are stored only by a build that succeeds: say which ones a failed build drops.
    private func reportLost(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        let list = ids.map { "`\($0)`" }.joined(separator: ", ")
        log.warning(
            "the build failed, so the new evidence of \(list) was not stored (the stored evidence is unchanged): "
                + "run the same build again once the error below is fixed")
    }
}
