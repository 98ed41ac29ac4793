import Foundation

extension MachineEnvironment: CustomStringConvertible {
    /// `AMD EPYC 7B13, 2 cores, Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64, Python 3.11.7`.
    package var description: String {
        var parts = [cpu, cores == 1 ? "1 core" : "\(cores) cores", os]
        if let python { parts.append("Python \(python)") }
        if let swift { parts.append("Swift \(swift)") }
        return parts.joined(separator: ", ")
    }

    /// Whether numbers measured on this environment may read differently on `other`, so a page should say so: a
    /// different CPU model, core count or OS (the kernel release aside), or another major or minor version of a
    /// Python or Swift that both know (patch releases aside).
    func differsNotably(from other: MachineEnvironment) -> Bool {
        let osName = { (os: String) in os.components(separatedBy: Self.kernelSeparator)[0] }
        let release = { (version: String?) in version.map { $0.split(separator: ".").prefix(2) } }
        let toolsDiffer = [(python, other.python), (swift, other.swift)].contains { measured, current in
            measured != nil && current != nil && release(measured) != release(current)
        }
        return cpu != other.cpu || cores != other.cores || osName(os) != osName(other.os) || toolsDiffer
    }

    /// `measured on X, built on Y` when this measurement's environment differs notably from the one building the
    /// page (`differsNotably`), else nil.
    func comparison(builtOn current: MachineEnvironment) -> String? {
        guard differsNotably(from: current) else { return nil }
        var built = current
        if python == nil { built.python = nil }
        if swift == nil { built.swift = nil }
        return "measured on \(self), built on \(built)"
    }
}
