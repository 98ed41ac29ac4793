import EvidentCore
import Foundation

/// The evidence steps of a build: collect and validate every directive (before anything runs), plan, measure and
/// stage the new evidence (stored by the build's commit), and re-evaluate every claim from the samples. Numbers
/// only: the blocks are rendered later, from what this stage hands on.
package struct EvidenceStage {
    var options: BuildOptions
    var config: SiteConfig
    var log: Log
    /// Where new evidence comes from; nil runs the experiments as processes (`ExperimentMeasurer`).
    var measurer: Measurer?

    package init(options: BuildOptions, config: SiteConfig, log: Log, measurer: Measurer? = nil) {
        self.options = options
        self.config = config
        self.log = log
        self.measurer = measurer
    }

    /// What the stage hands the rest of the build.
    package struct Outcome {
        /// Every directive with the record it is shown from and its re-judged claims, in essay order.
        package var judged: [JudgedDirective] = []
        /// Every record of each essay by id (for inline references), by essay slug.
        package var records: [String: [String: EvidenceRecord]] = [:]
        /// The machine building the site, which a block compares with the one that measured.
        package var environment: MachineEnvironment?
        /// Files to publish beside the pages (`<slug>/<id>.json`, `<slug>/<id>.csv`).
        package var files: [String: Data] = [:]
        package var reused = 0
        package var measured = 0
        package var stale = 0
        package var claims = ClaimTally()
        /// Cells that moved beyond their intervals since the previous measurement (`movedCells()`).
        package var moved = 0
        /// Claims whose verdict differs from the previous measurement's.
        package var unstable = 0
        /// Claims that rest on a cell implausibly fast for its declared work (`Plausibility`).
        package var implausible = 0
    }

    /// Runs the stage on the directives of every essay that has some, collected and validated beforehand; new
    /// evidence goes to `staging`.
    package func run(_ collected: [EssayDirectives], staging: StagedEvidence) throws -> Outcome {
        let plan = try EvidencePlan.make(collected, options: options, log: log)
        guard !plan.entries.isEmpty else { return Outcome() }
        let python = PythonInterpreter.resolve(config: config, siteFolder: options.siteFolder, frozen: options.frozen)
        let measurer = measurer ?? ExperimentMeasurer(cacheFolder: options.cacheFolder, python: python, log: log)
        let measured = try EvidenceMeasuring(measurer: measurer, log: log).run(plan, staging: staging)
        try Self.checkUnchanged(plan, measured: measured)
        if let warning = Self.twoSpeedsWarning(plan, measured: measured) { log.warning(warning) }

        var outcome = Outcome(environment: measurer.environment(needsSwift: false))
        for (index, entry) in plan.entries.enumerated() {
            outcome.records[entry.essay.slug, default: [:]][entry.id] = measured[index] ?? entry.stored
        }
        // Re-judging claims bootstraps what is not stored: independent per directive, and cached for reused evidence.
        let cache = ReusedEvidenceCache(cacheFolder: options.cacheFolder)
        let judged = try ParallelMap.map(Array(plan.entries.enumerated())) { index, entry in
            let reused = measured[index] == nil ? entry.evidence : nil
            let directive =
                reused.map { JudgedDirective(entry: entry, reused: $0, cache: cache) }
                ?? JudgedDirective(entry: entry, measured: measured[index]!)
            return (directive, try Self.json(of: directive, reused: reused), try Self.csv(of: directive, reused, cache))
        }
        for (directive, json, csv) in judged {
            let entry = directive.entry
            try report(directive.revisions, of: entry)
            warnAboutCaption(of: entry)
            let slug = entry.essay.slug
            outcome.judged.append(directive)
            outcome.claims.add((directive.claims + directive.inlineClaims).map(\.verdict))
            outcome.moved += directive.record.movedCells().count
            outcome.unstable += directive.claims.count { directive.record.previousVerdict(differingFrom: $0) != nil }
            if case .bench(let bench) = entry.directive.definition {
                let cells = Set(directive.record.implausibleCells(bench).keys)
                outcome.implausible += (entry.directive.benchClaims + entry.directive.inlineClaims).count {
                    $0.restsOn(cells, metric: directive.record.metric)
                }
            }
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

    /// The published JSON of a judged directive: the stored bytes as they are when reused, unless its claims were
    /// revised after measuring; then the record with `current_claims`, which say which are registered and which shown.
    private static func json(of directive: JudgedDirective, reused: StoredEvidence?) throws -> Data {
        guard !directive.revisions.isEmpty else { return try reused?.bytes ?? EvidenceJSON.encode(directive.record) }
        var published = try reused?.wholeRecord(in: directive.entry.store) ?? directive.record
        published.currentClaims = directive.claims
        return try EvidenceJSON.encode(published)
    }

    /// The published CSV of a judged directive: for reused evidence, the one made before from the same bytes.
    private static func csv(
        of directive: JudgedDirective, _ reused: StoredEvidence?, _ cache: ReusedEvidenceCache
    ) throws -> Data {
        guard let reused else { return Data(EvidenceCSV.csv(directive.record).utf8) }
        return try cache.csv(digest: reused.digest) { try reused.wholeRecord(in: directive.entry.store) }
    }

    /// Says which sentences of a bench's caption compare without an inline reference or claim to check them.
    private func warnAboutCaption(of entry: EvidencePlan.Entry) {
        guard case .bench(let bench) = entry.directive.definition, let caption = bench.caption else { return }
        for sentence in CaptionComparisons.unchecked(caption) {
            let quoted = sentence.count > 100 ? sentence.prefix(99) + "…" : Substring(sentence)
            log.warning(
                "\(bench.location): the caption of `\(bench.id)` compares with nothing that checks it: “\(quoted)” — "
                    + "cite the numbers (`=\(bench.id).VARIANT.ratio`) or state it as an inline claim "
                    + "(`?\(bench.id): A faster than B`)")
        }
    }

    /// Says that a directive's claims changed after its evidence was measured; refuses it under `preregistered`.
    private func report(_ revisions: ClaimRevisions, of entry: EvidencePlan.Entry) throws {
        guard !revisions.isEmpty else { return }
        let changed = revisions.current.count { $0 != nil } + revisions.removed.count
        let message =
            "\(changed) claim(s) of `\(entry.id)` changed after its evidence was measured on "
            + "\(PublicationDate.day(revisions.registeredAt))"
            + (options.preregistered ? "" : "; the page shows them as revised")
        let fix = "run `evident build --refresh \(entry.id)` to register the claims with new measurements"
        if options.preregistered {
            throw EvidentError(.input, at: entry.directive.location, message, fix: fix)
        }
        log.warning("\(entry.directive.location): \(message) — \(fix)")
    }

    /// Said once per build when a directive just measured ran at two speeds (`TwoSpeeds`): the machine, not the
    /// code, moves its absolute times.
    private static func twoSpeedsWarning(_ plan: EvidencePlan, measured: [Int: EvidenceRecord]) -> String? {
        for (index, entry) in plan.entries.enumerated() {
            guard let record = measured[index], let (cell, speeds) = record.twoSpeeds() else { continue }
            let value = { (number: Double) -> String in
                guard record.metric.hasSuffix("_ns") else { return String(format: "%.3g", number) }
                let (scale, unit) = [(1e9, "s"), (1e6, "ms"), (1e3, "µs")].first { number >= $0.0 } ?? (1, "ns")
                return String(format: "%.3g ", number / scale) + unit
            }
            return "\(entry.directive.location): the processes of `\(cell.variant)` in `\(entry.id)` ran "
                + "at two speeds, about \(value(speeds.fast)) and \(value(speeds.slow)): this machine switches "
                + "between them, so absolute times move between runs; variants that share a process are compared "
                + "in pairs and spared — a quieter machine, a longer budget or pinning with `taskset` would help"
        }
        return nil
    }

    /// After experiments ran, every directive's files must still be those its key was computed from: an experiment
    /// that rewrites a source (its own or another directive's) would otherwise have its new text published beside
    /// numbers measured, or reused, with the old one.
    private static func checkUnchanged(_ plan: EvidencePlan, measured: [Int: EvidenceRecord]) throws {
        guard !measured.isEmpty else { return }
        for entry in plan.entries {
            guard try EvidenceKey.compute(for: entry.directive.definition, essayFolder: entry.essay.folder) != entry.key
            else {
                continue
            }
            throw EvidentError(
                .input, at: entry.directive.location,
                "the files `\(entry.id)` runs changed during the build, after its evidence was planned",
                fix: "run the build again; if an experiment writes to the essay folder, make it write elsewhere")
        }
    }
}

/// A directive with the record it is shown from and its claims judged on that record's samples.
package struct JudgedDirective {
    package var entry: EvidencePlan.Entry
    package var record: EvidenceRecord
    package var claims: [EvidenceClaim]
    /// The inline claims about it (`CheckedDirective.inlineClaims`), judged alike.
    package var inlineClaims: [EvidenceClaim] = []

    /// How the claims differ from those registered with the evidence (none for evidence just measured).
    package var revisions: ClaimRevisions {
        ClaimRevisions(registered: record.claims, current: claims, registeredAt: record.measuredAt)
    }

    init(entry: EvidencePlan.Entry, record: EvidenceRecord) {
        switch entry.directive.definition {
        case .bench:
            let judged = record.evaluate(entry.directive.benchClaims + entry.directive.inlineClaims)
            self.init(entry: entry, record: record, claims: judged)
        case .probe: self.init(entry: entry, record: record, claims: record.evaluate(entry.directive.probeClaims))
        }
    }

    /// Judged on evidence this build measured, whose record holds its own claims judged already: only the inline
    /// claims are judged here.
    init(entry: EvidencePlan.Entry, measured record: EvidenceRecord) {
        let own = entry.directive.benchClaims.map(\.text) + entry.directive.probeClaims.map(\.text)
        guard record.claims.map(\.text) == own else {
            self.init(entry: entry, record: record)
            return
        }
        self.init(entry: entry, record: record, claims: record.claims + record.evaluate(entry.directive.inlineClaims))
    }

    /// `judged` holds the directive's own claims, then its inline claims.
    private init(entry: EvidencePlan.Entry, record: EvidenceRecord, claims judged: [EvidenceClaim]) {
        self.entry = entry
        self.record = record
        let own = judged.count - entry.directive.inlineClaims.count
        claims = Array(judged.prefix(own))
        inlineClaims = Array(judged.dropFirst(own))
    }

    /// Judged on reused evidence: the claims an earlier build judged on the same bytes, when `reused` holds them;
    /// else judged now and kept in `cache`.
    init(entry: EvidencePlan.Entry, reused: StoredEvidence, cache: ReusedEvidenceCache) {
        if let judged = reused.judged {
            self.init(entry: entry, record: reused.record, claims: judged)
            return
        }
        self.init(entry: entry, record: reused.record)
        cache.store(reused.record, claims: claims + inlineClaims, key: reused.cacheKey)
    }
}
