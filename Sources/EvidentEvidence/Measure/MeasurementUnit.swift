/// One thing a bench measures on its own: a variant in one cell of the parameters.
struct MeasurementUnit {
    var variant: BenchVariant
    var params: [String: String]

    /// Every variant in every cell, variants in the order written, then cells (first axis slowest).
    static func all(of bench: BenchDirective) -> [MeasurementUnit] {
        bench.variants.flatMap { variant in bench.cells.map { MeasurementUnit(variant: variant, params: $0) } }
    }

    /// How progress lines name it: `gather at latency_ms=2, n=100`.
    var label: String {
        params.isEmpty ? variant.name : "\(variant.name) at \(MeasurementUnit.cellText(params))"
    }

    /// `k=v, k=v` in key order.
    static func cellText(_ params: [String: String]) -> String {
        params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
