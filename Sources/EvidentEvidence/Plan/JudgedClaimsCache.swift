import EvidentCore
import Foundation

/// The claims judged on reused evidence, kept in `<cache>/judged/<key>.json` so that a rebuild does not bootstrap
/// again what it bootstrapped before. The bootstrap is seeded, so the same evidence bytes, claims and evident binary
/// always give the same verdicts: the key is a SHA-256 over the three (the binary by its size and modification time,
/// so that any other build of evident judges afresh). A cache entry that cannot be read is judged again.
struct JudgedClaimsCache: Sendable {
    let folder: URL

    init(cacheFolder: URL) {
        folder = cacheFolder.appendingPathComponent("judged", isDirectory: true)
    }

    /// The key of `claims` judged on the evidence `bytes`.
    static func key(bytes: Data, claims: [String]) -> String {
        var hash = ContentHash()
        hash.update("\(binaryStamp)\u{0}\(bytes.count)\u{0}")
        hash.update(bytes)
        for claim in claims { hash.update("\u{0}\(claim)") }
        return hash.hexDigest()
    }

    /// The claims judged before under `key`, or nil.
    func claims(key: String) -> [EvidenceClaim]? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).json")) else { return nil }
        return try? JSONDecoder().decode([EvidenceClaim].self, from: data)
    }

    /// Keeps `claims` under `key`; a cache that cannot be written only costs the next build some time.
    func store(_ claims: [EvidenceClaim], key: String) {
        guard let data = try? JSONEncoder().encode(claims) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? AtomicFile.replace(folder.appendingPathComponent("\(key).json").path) { $0.append(data) }
    }

    /// The running evident's size and modification time.
    private static let binaryStamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size)-\(status.st_mtim.tv_sec)-\(status.st_mtim.tv_nsec)"
    }()
}
