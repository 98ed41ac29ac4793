/// Which units of a bench share a process: the variants of one cell that come from one experiment file run in one
/// process, alternating sample by sample in pairs, so that a comparison between them is made at the same moment of
/// the machine. A unit runs in processes of its own when its directive says `isolate: true`, when it is a command,
/// when the directive measures whole processes (`process_*`), or when its experiment does not use the bundled
/// helper (which is what takes several variants at once).
enum ProcessSharing {
    /// The units of each process of a round, as indices into `units`: groups in unit order, each in unit order.
    static func groups(
        _ units: [MeasurementUnit], of bench: BenchDirective, invocations: [String: ExperimentInvocation]
    ) -> [[Int]] {
        let shares = !bench.isolate && !bench.metrics.contains(where: BenchDirective.processMetrics.contains)
        var groups: [[Int]] = []
        var open: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            guard shares, case .experiment(let path, _) = unit.variant.source,
                invocations[path]?.takesSeveralVariants == true
            else {
                groups.append([index])
                continue
            }
            let key = "\(path)\u{0}\(MeasurementUnit.cellText(unit.params))"
            if let group = open[key] {
                groups[group].append(index)
            } else {
                open[key] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
