import EvidentCore
import Foundation

/// What a build derives from reused evidence, kept under `<cache>/` so that a rebuild does not compute again what
/// it computed before: the claims judged on it (`judged/<key>.json`), and its published CSV (`csv/<key>.csv`).
/// The bootstrap is seeded, so the same evidence bytes, claims and evident binary always give the same verdicts and
/// the same CSV: the key is a SHA-256 over them (the binary by its size and modification time, so that any other
/// build of evident computes afresh). An entry that cannot be read is computed again.
struct ReusedEvidenceCache: Sendable {
    private let judged: URL
    private let tables: URL

    init(cacheFolder: URL) {
        judged = cacheFolder.appendingPathComponent("judged", isDirectory: true)
        tables = cacheFolder.appendingPathComponent("csv", isDirectory: true)
    }

    /// The digest of evidence read as `bytes`, by this evident binary: the CSV's key, and the base of the judged
    /// claims' keys, so that the bytes are hashed once per build.
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

    /// The claims judged before under `key`, or nil.
    func claims(key: String) -> [EvidenceClaim]? {
        guard let data = try? Data(contentsOf: judged.appendingPathComponent("\(key).json")) else { return nil }
        return try? JSONDecoder().decode([EvidenceClaim].self, from: data)
    }

    /// Keeps `claims` under `key`.
    func store(_ claims: [EvidenceClaim], key: String) {
        guard let data = try? JSONEncoder().encode(claims) else { return }
        Self.keep(data, at: judged.appendingPathComponent("\(key).json"))
    }

    /// The CSV of `record`, read from evidence whose `digest` is given: the one made before from the same bytes, or
    /// made now and kept.
    func csv(of record: EvidenceRecord, digest: String) -> Data {
        let file = tables.appendingPathComponent("\(digest).csv")
        if let kept = try? Data(contentsOf: file) { return kept }
        let csv = Data(EvidenceCSV.csv(record).utf8)
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
