import EvidentCore
import Foundation

/// What a build derives from reused evidence, kept under `<cache>/` so that a rebuild does not compute again what
/// it computed before: the record without its samples together with the claims judged on it
/// (`reused/<key>.json`, a `ReusedEvidenceCache.Entry`), and its published CSV (`csv/<digest>.csv`). With both, a
/// rebuild neither decodes the samples nor bootstraps again.
///
/// The bootstrap is seeded, so the same evidence bytes, claims and evident binary always give the same verdicts and
/// the same CSV: the key is a SHA-256 over them (the binary by its size and modification time, so that any other
/// build of evident computes afresh). An entry is written only for bytes that decoded and passed every check, so
/// reading it stands for those checks. An entry that cannot be read is computed again.
struct ReusedEvidenceCache: Sendable {
    private let reused: URL
    private let tables: URL

    /// One directive's reused evidence as a rebuild needs it.
    struct Entry: Codable {
        /// The stored record without the samples, rounds and pairs of its cells (`withoutSamples`).
        var record: EvidenceRecord
        /// The directive's own claims, then its inline claims, judged on the whole record.
        var claims: [EvidenceClaim]
    }

    init(cacheFolder: URL) {
        reused = cacheFolder.appendingPathComponent("reused", isDirectory: true)
        tables = cacheFolder.appendingPathComponent("csv", isDirectory: true)
    }

    /// The digest of evidence read as `bytes`, by this evident binary: the CSV's key, and the base of the entries'
    /// keys, so that the bytes are hashed once per build.
    static func digest(of bytes: Data) -> String {
        var hash = ContentHash()
        hash.update("\(binaryStamp)\u{0}\(bytes.count)\u{0}")
        hash.update(bytes)
        return hash.hexDigest()
    }

    /// The key of `claims` judged on the evidence whose `digest` is given.
    static func key(digest: String, claims: [String]) -> String {
        var hash = ContentHash()
        hash.update(digest)
        for claim in claims { hash.update("\u{0}\(claim)") }
        return hash.hexDigest()
    }

    /// The entry kept under `key`, or nil.
    func entry(key: String) -> Entry? {
        guard let data = try? Data(contentsOf: reused.appendingPathComponent("\(key).json")) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Keeps `record` (without its samples) and the `claims` judged on it under `key`.
    func store(_ record: EvidenceRecord, claims: [EvidenceClaim], key: String) {
        guard let data = try? JSONEncoder().encode(Entry(record: record.withoutSamples(), claims: claims)) else {
            return
        }
        Self.keep(data, at: reused.appendingPathComponent("\(key).json"))
    }

    /// The CSV of the evidence whose `digest` is given: the one made before from the same bytes, or made now from
    /// `record()` (the whole record, with its samples) and kept.
    func csv(digest: String, record: () throws -> EvidenceRecord) rethrows -> Data {
        let file = tables.appendingPathComponent("\(digest).csv")
        if let kept = try? Data(contentsOf: file) { return kept }
        let csv = Data(EvidenceCSV.csv(try record()).utf8)
        Self.keep(csv, at: file)
        return csv
    }

    /// Writes `data` to `file`; a cache that cannot be written only costs the next build some time.
    private static func keep(_ data: Data, at file: URL) {
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? AtomicFile.replace(file.path) { $0.append(data) }
    }

    /// The running evident's size and modification time.
    private static let binaryStamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size)-\(status.st_mtim.tv_sec)-\(status.st_mtim.tv_nsec)"
    }()
}

extension EvidenceRecord {
    /// The record without what only judging claims and making the CSV read: the samples, rounds and pairs of its
    /// cells (the summaries, ratios and earlier runs stay). The one cell whose processes ran at two speeds, which
    /// the page notes (`twoSpeeds()`), keeps them, so that the note reads the same.
    fileprivate func withoutSamples() -> EvidenceRecord {
        let strip = { (cells: [EvidenceCell], noted: CellKey?) in
            cells.map { cell in
                guard cell.key != noted else { return cell }
                var cell = cell
                cell.samples = []
                cell.rounds = []
                cell.pairs = []
                return cell
            }
        }
        var record = self
        record.cells = strip(cells, twoSpeeds()?.cell.key)
        record.moreMetrics = moreMetrics.map {
            MetricEvidence(metric: $0.metric, cells: strip($0.cells, nil), ratios: $0.ratios)
        }
        return record
    }
}
