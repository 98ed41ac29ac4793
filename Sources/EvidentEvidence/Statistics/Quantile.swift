/// Order statistics of a sorted sample, computed exactly as Python's `statistics` module does, so that
/// reference values from Python match to the last bit.
package enum Quantile {
    /// The median of a sorted, non-empty sample: the middle value, or the mean of the two middle values.
    package static func median(sorted values: [Double]) -> Double {
        let middle = values.count / 2
        if values.count % 2 == 1 { return values[middle] }
        return midpoint(values[middle - 1], values[middle])
    }

    /// `(a + b) / 2` as Python computes it, or `a / 2 + b / 2` where the sum of two huge values would overflow.
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        let sum = a + b
        return sum.isFinite ? sum / 2 : a / 2 + b / 2
    }

    /// The `index`-th of the `parts - 1` cut points dividing a sorted sample into `parts` equal groups,
    /// with linear interpolation between order statistics (Python's `statistics.quantiles(data, n: parts,
    /// method="inclusive")[index - 1]`, R's type 7). For example `cut(1, of: 40, ...)` is the 2.5% quantile.
    static func cut(_ index: Int, of parts: Int, sorted values: [Double]) -> Double {
        precondition(values.count > 1 && parts > 1 && (1..<parts).contains(index))
        let (j, delta) = (index * (values.count - 1)).quotientAndRemainder(dividingBy: parts)
        let (below, above) = (Double(parts - delta), Double(delta))
        let weighted = (values[j] * below + values[j + 1] * above) / Double(parts)
        guard !weighted.isFinite else { return weighted }
        // The weighted sum of huge values overflowed: weigh each value by its share instead.
        return values[j] * (below / Double(parts)) + values[j + 1] * (above / Double(parts))
    }
}
