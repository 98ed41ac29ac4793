import EvidentCore
import Foundation

/// A directive's stored evidence as the plan read it: the bytes (published as they are when the evidence is reused),
/// their digest (`ReusedEvidenceCache.digest(of:)`), and the record. When an earlier build judged the same claims on
/// the same bytes, the record is the one it cached, without its samples, and `judged` holds the claims it judged:
/// a rebuild then neither decodes the samples nor bootstraps again.
struct StoredEvidence {
    var bytes: Data
    var digest: String
    var record: EvidenceRecord
    /// The directive's own claims, then its inline claims, judged on these bytes by an earlier build; nil when
    /// `record` was decoded from the bytes (with its samples) and the claims are still to be judged.
    var judged: [EvidenceClaim]?
    /// Where the judged claims are kept in the cache: the digest with the directive's key and claims.
    var cacheKey: String

    /// The stored evidence of `directive` in `store`, nil when there is none; `key` is the directive's current key
    /// (nil when it could not be computed: the record is then decoded, and the key's error reported by the plan).
    ///
    /// - Throws: `EvidentError` when the file cannot be read or its record fails the checks of `EvidenceStore`.
    static func read(
        _ directive: CheckedDirective, from store: EvidenceStore, key: String?, cache: ReusedEvidenceCache
    ) throws -> StoredEvidence? {
        guard let bytes = try store.bytes(id: directive.id) else { return nil }
        let digest = ReusedEvidenceCache.digest(of: bytes)
        // The directive's current key too: the cells a claim covers follow from its parameters.
        let cacheKey = ReusedEvidenceCache.key(digest: digest, claims: [key ?? ""] + directive.claimTexts)
        if key != nil, let entry = cache.entry(key: cacheKey), entry.record.id == directive.id,
            entry.claims.map(\.text) == directive.claimTexts
        {
            return StoredEvidence(
                bytes: bytes, digest: digest, record: entry.record, judged: entry.claims, cacheKey: cacheKey)
        }
        return StoredEvidence(
            bytes: bytes, digest: digest, record: try store.decode(bytes, id: directive.id), judged: nil,
            cacheKey: cacheKey)
    }

    /// The record with its samples, for judging, the CSV or a new measurement: `record`, or decoded again from the
    /// bytes when it came from the cache.
    func wholeRecord(in store: EvidenceStore) throws -> EvidenceRecord {
        guard judged != nil else { return record }
        return try store.decode(bytes, id: record.id)
    }

    /// The same evidence with its whole record.
    func whole(in store: EvidenceStore) throws -> StoredEvidence {
        var whole = self
        whole.record = try wholeRecord(in: store)
        whole.judged = nil
        return whole
    }
}

extension CheckedDirective {
    /// The text of every claim judged on its evidence: its own (a bench's or a probe's), then its inline claims.
    var claimTexts: [String] {
        benchClaims.map(\.text) + inlineClaims.map(\.text) + probeClaims.map(\.text)
    }
}
