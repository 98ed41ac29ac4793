import Foundation

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

extension EvidenceStore {
    /// Stores one record as a successful build does: staged beside its file, then committed.
    func save(_ record: EvidenceRecord) throws {
        let staged = StagedEvidence()
        do {
            try staged.stage(record, in: self)
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
        staged.finish()
    }
}
