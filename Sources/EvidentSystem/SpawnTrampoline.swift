import Foundation
import Glibc

/// `evident-spawn`, the small program installed beside `evident` that runs each child so that the child's peak
/// RSS is its own (Linux counts the address space a process had before exec, and a child of evident would start
/// from evident's). It reports the child's rusage and wall time on fd 3.
enum SpawnTrampoline {
    /// The trampoline beside the running executable, or nil (then children are spawned directly and their peak
    /// RSS may include evident's).
    static let path: String? = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidate = executable.deletingLastPathComponent().appendingPathComponent("evident-spawn").path
        return access(candidate, X_OK) == 0 ? candidate : nil
    }()

    /// The child's usage from the trampoline's report line, nil when there is none (it could not run the child).
    static func usage(from report: Data) -> (maxRSSBytes: Int, cpuNanoseconds: Int, wallNanoseconds: Int)? {
        let fields = String(decoding: report, as: UTF8.self).split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard fields.count == 4 else { return nil }
        return (fields[0] * 1024, (fields[1] + fields[2]) * 1000, fields[3])
    }
}
