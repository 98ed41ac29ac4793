import EvidentCore
import Foundation

/// Absolute paths with every symbolic link and `..` resolved, also for a path that does not exist yet (its
/// longest existing ancestor is resolved and the rest appended), so two paths can be compared for containment.
enum ResolvedPath {
    static func of(_ path: String) -> String {
        if let resolved = ContainedFile.realPath(path) { return resolved }
        var missing: [String] = []
        var ancestor = (path as NSString).standardizingPath
        while ancestor != "/" && !ancestor.isEmpty {
            missing.insert((ancestor as NSString).lastPathComponent, at: 0)
            ancestor = (ancestor as NSString).deletingLastPathComponent
            if let resolved = ContainedFile.realPath(ancestor) {
                return ([resolved == "/" ? "" : resolved] + missing).joined(separator: "/")
            }
        }
        return path
    }

    /// Whether `path` is `folder` or lies inside it (both resolved).
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
