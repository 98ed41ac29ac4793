import Foundation

/// The evidence steps of a build: collect directives, plan (stored evidence fresh?), measure, evaluate claims,
/// and render each directive's evidence block.
struct EvidenceStage {
    var options: BuildOptions
    var config: SiteConfig
    var templates: TemplateSet
    var log: Log

    /// What the stage hands the rest of the build.
    struct Outcome {
        var html: [String: EssayEvidenceHTML] = [:]
        /// Files to publish beside the pages (`<slug>/<id>.json`, `<slug>/<id>.csv`).
        var files: [String: Data] = [:]
        var reused = 0
        var measured = 0
        var stale = 0
        var claims = BuildReport.ClaimTally()
    }

    func run(_ essays: [ParsedEssay]) throws -> Outcome {
        let defaults = try DirectiveDefaults(config.directiveDefaults)
        let collected = try essays.map { try EssayDirectives.collect($0, defaults: defaults) }
        var outcome = Outcome()
        for essay in collected where !essay.directives.isEmpty {
            outcome.html[essay.essay.essay.slug] = EssayEvidenceHTML(anchors: Set(essay.directives.map(\.directive.id)))
        }
        return outcome
    }
}
