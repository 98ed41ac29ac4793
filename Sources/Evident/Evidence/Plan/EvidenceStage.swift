import Foundation

/// The evidence steps of a build: collect and validate every directive (before anything runs), plan, measure and
/// stage the new evidence (stored by the build's commit), re-evaluate every claim from the samples, and render each
/// directive's evidence block.
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
        var contradicted: [ContradictedClaim] = []
    }

    /// Runs the stage on the directives of every essay that has some, collected and validated beforehand; new
    /// evidence goes to `staging`.
    func run(_ collected: [EssayDirectives], staging: StagedEvidence) throws -> Outcome {
        let plan = try EvidencePlan.make(collected, options: options, log: log)
        guard !plan.entries.isEmpty else { return Outcome() }
        let python = PythonInterpreter.resolve(config: config, siteFolder: options.siteFolder)
        let measured = try EvidenceMeasuring(options: options, python: python, log: log).run(plan, staging: staging)

        var outcome = Outcome()
        let environment = MachineEnvironment.current(python: python, needsSwift: false)
        var records: [String: [String: EvidenceRecord]] = [:]
        for (index, entry) in plan.entries.enumerated() {
            records[entry.essay.essay.essay.slug, default: [:]][entry.id] = measured[index] ?? entry.stored
        }
        // Rendering a block re-judges its claims (bootstrapping what is not stored): independent per directive.
        let rendered = try ParallelMap.map(Array(plan.entries.enumerated())) { index, entry in
            let record = measured[index] ?? entry.stored!
            let block = EvidenceBlock(
                entry: entry, record: record, essayRecords: records[entry.essay.essay.essay.slug] ?? [:],
                environment: environment, templates: templates)
            let json =
                measured[index] == nil ? try entry.store.storedBytes(id: entry.id) : try EvidenceJSON.encode(record)
            return (block, try block.html(), json, Data(EvidenceCSV.csv(record).utf8))
        }
        for (block, html, json, csv) in rendered {
            let entry = block.entry
            let slug = entry.essay.essay.essay.slug
            var essay = outcome.html[slug] ?? block.essayHTML(entry.essay)
            essay.blocks[entry.directive.bodyLine] = html.html
            outcome.html[slug] = essay
            outcome.claims.add(html.verdicts)
            outcome.contradicted += html.contradicted
            outcome.files["\(slug)/\(entry.id).json"] = json
            outcome.files["\(slug)/\(entry.id).csv"] = csv
            switch entry.action {
            case .reuse: outcome.reused += 1
            case .measure: outcome.measured += 1
            case .stale: outcome.stale += 1
            }
        }
        return outcome
    }
}

extension BuildReport.ClaimTally {
    mutating func add(_ verdicts: [Verdict]) {
        for verdict in verdicts {
            switch verdict {
            case .holds: held += 1
            case .contradicted: contradicted += 1
            case .inconclusive: inconclusive += 1
            }
        }
    }
}
