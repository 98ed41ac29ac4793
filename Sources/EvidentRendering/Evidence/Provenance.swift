import EvidentCore
import EvidentEvidence

/// When, where and how long a directive was measured, what changed since the measurement before, the experiment
/// sources published beside the page, the command that measures it again, and whether the experiment changed
/// since: the footer of an evidence block.
struct Provenance {
    var id: String
    var record: EvidenceRecord
    var currentEnvironment: MachineEnvironment?
    var stale: Bool
    /// The files the directive ran, as paths inside the essay folder (`ExperimentSources`).
    var sources: [String] = []

    /// The text a stale block shows.
    static let staleText = "stale: the experiment changed since this was measured"

    var context: TemplateValue {
        var context: [String: TemplateValue] = [
            "measured_at": .text(PublicationDate.iso8601(record.measuredAt)),
            "measured_date": .text(PublicationDate.day(record.measuredAt)),
            "environment": .text(record.environment.description),
            "duration": .text(MetricFormat.seconds(record.durationS)),
            "command": "evident build --refresh \(id)",
            "stale": .bool(stale),
            "stale_text": .text(Self.staleText),
            "sources": .list(
                sources.enumerated().map { index, path in
                    [
                        "path": .text(path), "raw": .text(path), "page": .text(SourcePage.path(of: path)),
                        "separator": .text(index == sources.count - 1 ? "" : ", "),
                    ]
                }),
            "has_sources": .bool(!sources.isEmpty),
        ]
        if let first = sources.first { context["rerun"] = .text(SourcePage.path(of: first) + "#rerun") }
        if let current = currentEnvironment, Self.differNotably(record.environment, current) {
            context["built_on"] = .text(current.description)
        }
        return .object(context)
    }

    /// Whether two machines differ in what can change a measurement: the CPU model, the core count, the operating
    /// system (not its kernel build) or an interpreter's major.minor version known on both.
    static func differNotably(_ measured: MachineEnvironment, _ current: MachineEnvironment) -> Bool {
        let system = { (os: String) in os.components(separatedBy: ", kernel ")[0] }
        let release = { (version: String?) in version.map { $0.split(separator: ".").prefix(2).joined(separator: ".") }
        }
        let interpreters = [(measured.python, current.python), (measured.swift, current.swift)]
        return measured.cpu != current.cpu || measured.cores != current.cores
            || system(measured.os) != system(current.os)
            || interpreters.contains { pair in
                guard let before = release(pair.0), let now = release(pair.1) else { return false }
                return before != now
            }
    }

    /// `100 samples per cell` or `40–100 samples per cell`.
    static func samplesLine(_ cells: [EvidenceCell]) -> String {
        let counts = cells.map(\.summary.n)
        guard let low = counts.min(), let high = counts.max() else { return "" }
        return low == high ? "\(low) samples per cell" : "\(low)–\(high) samples per cell"
    }

    /// Each variant's change of median since the previous measurement, the median over its cells:
    /// `sync +2.1 %, gather −0.4 %`; empty without a previous measurement.
    static func changeLine(_ record: EvidenceRecord, variants: [String]) -> String {
        guard let previous = record.previous else { return "" }
        let changes = variants.compactMap { variant -> String? in
            let relative = record.cells.filter { $0.variant == variant }.compactMap { cell -> Double? in
                guard
                    let before = previous.cells.first(where: { $0.key == cell.key }),
                    before.summary.median != 0
                else { return nil }
                return cell.summary.median / before.summary.median - 1
            }
            guard !relative.isEmpty else { return nil }
            return "\(variant) \(MetricFormat.change(Quantile.median(sorted: relative.sorted())))"
        }
        return changes.joined(separator: ", ")
    }
}
