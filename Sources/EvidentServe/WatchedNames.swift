import Foundation
import Glibc

/// Which entries under the watched folders count as the site's sources: not hidden files (editor swap and backup
/// files, `.git`) and not `__pycache__` folders, which running an experiment writes.
enum WatchedNames {
    static func isWatched(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name != "__pycache__"
    }

    /// The watched folders directly inside `folder` (symbolic links are not followed); none when it cannot be read.
    static func subfolders(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            guard isWatched(name) else { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                let isFolder = lstat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                type = isFolder ? UInt8(DT_DIR) : 0
            }
            if type == UInt8(DT_DIR) { names.append(name) }
        }
        return names
    }
}
