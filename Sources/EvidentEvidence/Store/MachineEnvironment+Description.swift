extension MachineEnvironment: CustomStringConvertible {
    /// `AMD EPYC 7B13 (2 cores), Debian GNU/Linux 12 (bookworm), kernel 6.1.0-18-amd64, Python 3.11.7`: how an
    /// evidence block names the machine that measured (and the one that built the page, when it is another).
    package var description: String {
        var parts = ["\(cpu) (\(cores) \(cores == 1 ? "core" : "cores"))", os]
        if let python { parts.append("Python \(python)") }
        if let swift { parts.append("Swift \(swift)") }
        return parts.joined(separator: ", ")
    }
}
