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
        var stored: EvidenceRecord?
        /// The bytes `stored` was decoded from, published as they are when it is reused.
        var storedBytes: Data?
        package var action: Action

        var id: String { directive.id }
    }

    var entries: [Entry]

    static func make(_ essays: [EssayDirectives], options: BuildOptions, log: Log) throws -> EvidencePlan {
        try checkRefreshIDs(essays, options.refresh)
        var entries: [Entry] = []
        for essay in essays {
            let store = EvidenceStore(essayFolder: essay.folder)
            for directive in essay.directives {
                let id = directive.id
                let stored = try loadStored(store, id: id, refresh: options.refresh, log: log)
                let key = try EvidenceKey.compute(for: directive.definition, essayFolder: essay.folder)
                let action = try decide(
                    id: id, stored: stored?.record, key: key, options: options,
                    location: directive.location, log: log)
                entries.append(
                    Entry(
                        essay: essay, directive: directive, store: store, key: key, stored: stored?.record,
                        storedBytes: stored?.bytes, action: action))
            }
        }
        return EvidencePlan(entries: entries)
    }

    /// The stored record of `id`, nil when there is none. A file that cannot be read, or holds a number that
    /// cannot be right, is an error, unless this build measures `id` again anyway: then the file is only replaced
    /// (once the measurement succeeds), and a warning says so.
    private static func loadStored(_ store: EvidenceStore, id: String, refresh: BuildOptions.Refresh, log: Log) throws
        -> (record: EvidenceRecord, bytes: Data)?
    {
        do {
            return try store.loadWithBytes(id: id)
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
