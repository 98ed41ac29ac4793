import Foundation

/// The one rule for every file evident runs or publishes: a regular file inside its folder, reached without leaving
/// it. For an essay's files (experiments, the modules they import, probe snippets, the essay itself) the folder is
/// the essay folder; for templates and theme assets it is `templates/`. A symbolic link is followed only when where
/// it leads is still inside the folder, so no link can publish or run a file from elsewhere on the machine.
package enum ContainedFile {
    /// Why a path breaks the rule.
    package enum Problem: Equatable, Sendable {
        /// Nothing is there (a dangling link included).
        case missing
        /// A folder.
        case folder
        /// A pipe, socket or device.
        case notRegular
        /// The path, or a link on it, leads out of the essay folder.
        case outside
    }

    /// What is wrong with `path` (relative to `folder`), or nil when it is a regular file inside.
    package static func problem(_ path: String, in folder: URL) -> Problem? {
        let file = folder.appendingPathComponent(path)
        var status = stat()
        guard stat(file.path, &status) == 0 else { return .missing }
        guard let real = realPath(file.path), let root = realPath(folder.path), real.hasPrefix(root + "/")
        else { return .outside }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        default: return .notRegular
        }
    }

    /// `path` with `.` and `..` components resolved, or nil when it climbs above the folder it is relative to.
    package static func normalized(_ path: String) -> String? {
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component != ".." {
                components.append(component)
            } else if components.popLast() == nil {
                return nil
            }
        }
        return components.joined(separator: "/")
    }

    /// The error for a file the rule refuses, at the directive that would run or publish it.
    ///
    /// - Parameters:
    ///   - reachedFrom: the file whose import or require led to `path`, if any.
    ///   - folderName: the folder as messages name it.
    package static func error(
        _ problem: Problem, path: String, reachedFrom: String?, at location: SourceLocation,
        folderName: String = "the essay folder"
    ) -> EvidentError {
        let subject = reachedFrom.map { "`\(path)`, imported by `\($0)`," } ?? "`\(path)`"
        switch problem {
        case .missing:
            return EvidentError(
                .input, at: location, "\(subject) does not exist", fix: "create the file or correct the path")
        case .folder:
            return EvidentError(
                .input, at: location, "\(subject) is a folder, not a file", fix: "name a file inside it")
        case .notRegular:
            return EvidentError(
                .input, at: location, "\(subject) is not a regular file",
                fix: "replace it with a regular file (evident runs and publishes no pipes, sockets or devices)")
        case .outside:
            return EvidentError(
                .input, at: location, "\(subject) leads outside \(folderName) (a symbolic link or `..`)",
                fix: "copy the file into \(folderName): evident runs and publishes only files inside it")
        }
    }

    /// The absolute path with every symbolic link resolved, or nil when it cannot be resolved.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
