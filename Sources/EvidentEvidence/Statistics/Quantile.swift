/// Order statistics of a sorted sample, computed exactly as Python's `statistics` module does, so that
/// reference values from Python match to the last bit.
package enum Quantile {
    /// The median of a sorted, non-empty sample: the middle value, or the mean of the two middle values.
    package static func median(sorted values: [Double]) -> Double {
        let middle = values.count / 2
        if values.count % 2 == 1 { return values[middle] }
        return (values[middle - 1] + values[middle]) / 2
    }

    /// The `index`-th of the `parts - 1` cut points dividing a sorted sample into `parts` equal groups,
    /// with linear interpolation between order statistics (Python's `statistics.quantiles(data, n: parts,
    /// method="inclusive")[index - 1]`, R's type 7). For example `cut(1, of: 40, ...)` is the 2.5% quantile.
    static func cut(_ index: Int, of parts: Int, sorted values: [Double]) -> Double {
        precondition(values.count > 1 && parts > 1 && (1..<parts).contains(index))
        let (j, delta) = (index * (values.count - 1)).quotientAndRemainder(dividingBy: parts)
        return (values[j] * Double(parts - delta) + values[j + 1] * Double(delta)) / Double(parts)
    }
}
