import EvidentCore

/// How the page presents one metric of a bench, when the directive says more than its name: a label for the
/// reader, the unit the experiment reports it in, and which direction is better. Presentation only: none of it is
/// part of the evidence key, so changing it re-measures nothing.
package struct MetricDescription: Sendable, Equatable {
    /// Which values of a metric are the better ones.
    package enum Better: String, Sendable, CaseIterable {
        case lower, higher
    }

    /// The metric as the experiment prints it.
    package var name: String
    /// The heading a reader sees, `throughput`; nil for the default from the name.
    package var label: String?
    /// The unit of the printed values (`ns`, `ms`, `bytes`, `ops/s`, `%`); nil for the default from the name.
    package var unit: String?
    /// Which direction is better; nil for the default from the unit.
    package var better: Better?

    package init(name: String, label: String? = nil, unit: String? = nil, better: Better? = nil) {
        self.name = name
        self.label = label
        self.unit = unit
        self.better = better
    }
}

/// Reads the `metric` key of a bench: one name, or a list whose items are names or maps
/// `{name: p99_ms, label: p99 latency, unit: ms, better: lower}`.
enum BenchMetrics {
    /// The keys a metric given as a map may have.
    static let keys = ["name", "label", "unit", "better"]

    static func read(_ body: DirectiveBody) throws -> [MetricDescription] {
        let forCommands = body.has("commands")
        guard let value = body.value("metric") else {
            return [MetricDescription(name: forCommands ? "process_wall_ns" : "wall_ns")]
        }
        var items = [value]
        if case .sequence = value.node { items = try value.list() }
        var metrics: [MetricDescription] = []
        for item in items {
            let metric = try description(item)
            guard DirectiveValidation.isName(metric.name) else {
                throw item.error(BenchFailure.badMetricName(metric.name))
            }
            if forCommands, !BenchDirective.processMetrics.contains(metric.name) {
                throw item.error(
                    BenchFailure.metricNotForCommands(metric.name, available: BenchDirective.processMetrics))
            }
            guard !metrics.contains(where: { $0.name == metric.name }) else {
                throw item.error(BenchFailure.metricTwice(metric.name))
            }
            metrics.append(metric)
        }
        return metrics
    }

    /// A metric written as its name, or as a map with its name and how to present it.
    private static func description(_ item: DirectiveValue) throws -> MetricDescription {
        guard case .mapping = item.node else { return MetricDescription(name: try item.text()) }
        var fields: [String: DirectiveValue] = [:]
        for (key, value) in try item.entries() {
            guard keys.contains(key) else {
                throw value.error(BenchFailure.unknownMetricKey(key, known: keys))
            }
            fields[key] = value
        }
        guard let name = fields["name"] else {
            throw item.error(BenchFailure.metricWithoutName)
        }
        var better: MetricDescription.Better?
        if let value = fields["better"] {
            let text = try value.text()
            guard let direction = MetricDescription.Better(rawValue: text) else {
                throw value.error(BenchFailure.badBetter(text))
            }
            better = direction
        }
        return MetricDescription(
            name: try name.text(), label: try fields["label"]?.text(), unit: try fields["unit"]?.text(), better: better)
    }
}
