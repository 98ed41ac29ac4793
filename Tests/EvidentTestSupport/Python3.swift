import Foundation

/// The real Python 3 interpreter (not a version-manager shim), found once by asking `python3` on the `PATH`.
package func python3() -> String {
    Python3.path
}

private enum Python3 {
    static let path: String = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "/usr/bin/python3" }
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !path.isEmpty ? path : "/usr/bin/python3"
    }()
}
