import Foundation
import Glibc

extension MachineEnvironment {
    /// The machine evident runs on now: CPU model (`model name` in /proc/cpuinfo, else the machine type from
    /// `uname`), active cores, OS (`PRETTY_NAME` of /etc/os-release and the kernel release), and the versions of
    /// `python` (when given) and of `swiftc` (when `needsSwift`). Never the host name.
    ///
    /// Cheap: files are read, and a process is spawned only to ask an interpreter that has no `pyvenv.cfg` beside
    /// it for its version, or `swiftc` for its own. A version that cannot be found is nil.
    package static func current(python: String?, needsSwift: Bool) -> MachineEnvironment {
        let system = SystemName()
        let distribution = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)).flatMap(prettyName)
        return MachineEnvironment(
            cpu: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)).flatMap(cpuModel) ?? system.machine,
            cores: ProcessInfo.processInfo.activeProcessorCount,
            os: "\(distribution ?? system.name)\(kernelSeparator)\(system.release)",
            python: python.flatMap(ToolVersion.python),
            swift: needsSwift ? ToolVersion.swift() : nil)
    }

    /// Between the OS name and the kernel release in `os`.
    static let kernelSeparator = ", kernel "

    /// The first `model name` of /proc/cpuinfo, spaces collapsed.
    static func cpuModel(_ cpuinfo: String) -> String? {
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "model name" else { continue }
            let model = parts[1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return model.isEmpty ? nil : model
        }
        return nil
    }

    /// `PRETTY_NAME` of /etc/os-release, unquoted.
    static func prettyName(_ osRelease: String) -> String? {
        for line in osRelease.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            let value = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: .whitespaces)
            let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return unquoted.isEmpty ? nil : unquoted
        }
        return nil
    }
}

/// What `uname` says of the system, without the node (host) name.
private struct SystemName {
    var name = "unknown OS"
    var release = "unknown"
    var machine = "unknown CPU"

    init() {
        var system = utsname()
        guard uname(&system) == 0 else { return }
        name = Self.text(&system.sysname)
        release = Self.text(&system.release)
        machine = Self.text(&system.machine)
    }

    private static func text<Field>(_ field: inout Field) -> String {
        withUnsafeBytes(of: &field) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
