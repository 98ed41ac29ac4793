extension MachineEnvironment: CustomStringConvertible {
    /// `AMD EPYC 7B13 (2 cores), Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64, Python 3.11.7, Node 20.20.2,
    /// aiosqlite 0.20.0, SQLite 3.40.1`: how an evidence block names the machine that measured (and the one that
    /// built the page, when it is another). Packages follow the interpreters, in alphabetical order.
    package var description: String {
        var parts = ["\(cpu) (\(cores) \(cores == 1 ? "core" : "cores"))", os]
        if let python { parts.append("Python \(python)") }
        if let swift { parts.append("Swift \(swift)") }
        if let node { parts.append("Node \(node)") }
        let names = (packages ?? [:]).keys.sorted { $0.lowercased() < $1.lowercased() }
        parts += names.map { "\($0) \(packages?[$0] ?? "")" }
        return parts.joined(separator: ", ")
    }
}
