import EvidentCore
import Foundation

/// The `plan` step: for every directive, is its stored evidence fresh (reuse), missing or outdated (measure), or
/// outdated under `--frozen` (reuse, marked stale)?
package struct EvidencePlan {
    /// What the build does with one directive.
    package enum Action: Equatable {
        case reuse
        case measure
        /// Reused although the key changed (`--frozen`): the page marks it stale.
        case stale
    }

    /// One directive and its decision.
    package struct Entry {
        package var essay: EssayDirectives
        package var directive: CheckedDirective
        var store: EvidenceStore
        var key: String
        /// What was read from the stored file: its bytes, and its record (without the samples when an earlier
        /// build judged these claims on these bytes; never so for a directive measured again).
        var evidence: StoredEvidence?
        package var action: Action

        var id: String { directive.id }
        /// The stored record.
        var stored: EvidenceRecord? { evidence?.record }
    }

    var entries: [Entry]

    static func make(_ essays: [EssayDirectives], options: BuildOptions, log: Log) throws -> EvidencePlan {
        try checkRefreshIDs(essays, options.refresh)
        let directives = essays.flatMap { essay in essay.directives.map { (essay, $0) } }
        // Reading and decoding the stored files, and hashing what each directive runs, is most of a rebuild's
        // work: on every core, with the errors and warnings then taken in order.
        let cache = ReusedEvidenceCache(cacheFolder: options.cacheFolder)
        let read = try ParallelMap.map(directives) { essay, directive in
            let store = EvidenceStore(essayFolder: essay.folder)
            let key = Result {
                try EvidenceKey.compute(for: directive.definition, essayFolder: essay.folder) {
                    directive.localModules[$0] ?? []
                }
            }
            let stored = Result {
                try StoredEvidence.read(directive, from: store, key: try? key.get(), cache: cache)
            }
            return (store, stored, key)
        }
        var entries: [Entry] = []
        for ((essay, directive), (store, loaded, computed)) in zip(directives, read) {
            var stored = try kept(loaded, id: directive.id, refresh: options.refresh, log: log)
            let key = try computed.get()
            let action = try decide(
                id: directive.id, stored: stored?.record, key: key, options: options, location: directive.location,
                log: log)
            // A new measurement starts from the whole stored record (its earlier runs, its previous cells).
            if action == .measure { stored = try stored?.whole(in: store) }
            entries.append(
                Entry(essay: essay, directive: directive, store: store, key: key, evidence: stored, action: action))
        }
        return EvidencePlan(entries: entries)
    }

    /// The stored record of `id` as `loaded`, nil when there is none. A file that cannot be read, or holds a number
    /// that cannot be right, is an error, unless this build measures `id` again anyway: then the file is only
    /// replaced (once the measurement succeeds), and a warning says so.
    private static func kept(
        _ loaded: Result<StoredEvidence?, Error>, id: String, refresh: BuildOptions.Refresh, log: Log
    ) throws -> StoredEvidence? {
        do {
            return try loaded.get()
        } catch let error as EvidentError {
            switch refresh {
            case .all: break
            case .only(let ids) where ids.contains(id): break
            default: throw error
            }
            log.warning("\(error.location.map { "\($0): " } ?? "")\(error.message) — measuring it again replaces it")
            return nil
        }
    }

    private static func decide(
        id: String, stored: EvidenceRecord?, key: String, options: BuildOptions, location: SourceLocation, log: Log
    ) throws -> Action {
        switch options.refresh {
        case .all: return .measure
        case .only(let ids) where ids.contains(id): return .measure
        default: break
        }
        guard let stored else {
            guard !options.frozen else {
                throw EvidentError(
                    .input, at: location, "no stored evidence for `\(id)` and --frozen forbids measuring it",
                    fix: "run `evident build` without --frozen to measure it, then commit its evidence/\(id).json")
            }
            return .measure
        }
        guard stored.key != key else { return .reuse }
        guard options.frozen else { return .measure }
        let message =
            "the evidence for `\(id)` is stale: its experiment or measuring fields changed since it was measured"
        let fix = "run `evident build --refresh \(id)` and commit the new evidence"
        if options.strict { throw EvidentError(.input, at: location, message, fix: fix) }
        log.warning("\(location): \(message) — \(fix)")
        return .stale
    }

    private static func checkRefreshIDs(_ essays: [EssayDirectives], _ refresh: BuildOptions.Refresh) throws {
        guard case .only(let ids) = refresh else { return }
        let known = Set(essays.flatMap { $0.directives.map(\.id) })
        for id in ids.sorted() where !known.contains(id) {
            throw EvidentError(
                .usage, "--refresh names `\(id)`, but no directive has that id",
                fix: "known ids: \(known.sorted().joined(separator: ", "))")
        }
    }
}
