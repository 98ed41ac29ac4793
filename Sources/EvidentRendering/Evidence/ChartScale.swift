import Foundation

/// Where a value falls along a chart's axis: linear from 0, or logarithmic when the values span more than 10×.
struct ChartScale {
    /// Whether the axis is logarithmic.
    let logarithmic: Bool
    /// The values at the ends of the axis.
    let domain: ClosedRange<Double>
    /// The values labelled along the axis.
    let ticks: [Double]

    /// A scale covering `values` (medians and CI ends): logarithmic when all are positive and the largest is more
    /// than 10× the smallest, else linear from 0 with ticks at 1, 2 or 5 times a power of ten.
    init(covering values: [Double]) {
        let smallest = values.min() ?? 0
        let largest = max(values.max() ?? 1, 0)
        if smallest > 0, largest / smallest > 10 {
            let low = floor(log10(smallest))
            let high = ceil(log10(largest))
            logarithmic = true
            domain = pow(10, low)...pow(10, high)
            ticks = stride(from: low, through: high, by: 1).map { pow(10, $0) }
            return
        }
        let step = Self.niceStep(largest > 0 ? largest / 4 : 1)
        let top = max(ceil(largest / step), 1) * step
        logarithmic = false
        domain = 0...top
        ticks = stride(from: 0, through: top + step / 2, by: step).map { $0 }
    }

    /// The position of `value` between 0 (the start of the axis) and 1 (its end), clamped.
    func fraction(_ value: Double) -> Double {
        let position: Double
        if logarithmic {
            guard value > 0 else { return 0 }
            position = (log10(value) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        } else {
            position = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        }
        return min(max(position, 0), 1)
    }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `rough`.
    private static func niceStep(_ rough: Double) -> Double {
        let power = pow(10, floor(log10(rough)))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough * 0.999_999 } ?? 10 * power
    }
}
