import Foundation

/// Where a value falls along a chart's axis: linear from 0, or logarithmic when the values span more than 10×.
/// Any finite values give a usable axis, subnormal or huge.
struct ChartScale {
    /// Whether the axis is logarithmic.
    let logarithmic: Bool
    /// The ends of the axis: values for a linear one, decimal exponents for a logarithmic one.
    private let ends: ClosedRange<Double>
    /// The values labelled along the axis.
    let ticks: [Double]

    /// At most one more than this many ticks are labelled on a logarithmic axis (one per decade, or one per few
    /// decades), so that their labels fit side by side on a phone.
    private static let logarithmicTicks = 4.0

    /// A scale covering `values` (medians and CI ends): logarithmic when all are positive and the largest is more
    /// than 10× the smallest, else linear from 0 with ticks at 1, 2 or 5 times a power of ten.
    init(covering values: [Double]) {
        self.init(values, logarithmicAbove: 10, decadeTicks: Self.logarithmicTicks)
    }

    /// The same, logarithmic already when the values span a decade (the largest is 10× the smallest or more), with
    /// a tick per decade up to `decadeTicks` of them (a vertical axis has room for more than a horizontal one).
    init(spanning values: [Double], decadeTicks: Double) {
        self.init(values, logarithmicAbove: 10 * (1 - 1e-9), decadeTicks: decadeTicks)
    }

    private init(_ values: [Double], logarithmicAbove span: Double, decadeTicks: Double) {
        let finite = values.filter(\.isFinite)
        let smallest = finite.min() ?? 0
        let largest = max(finite.max() ?? 1, 0)
        if smallest > 0, largest / smallest > span {
            let low = floor(log10(smallest))
            let high = ceil(log10(largest))
            logarithmic = true
            ends = low...high
            let every = max(1, ceil((high - low) / decadeTicks))
            ticks = stride(from: low, through: high, by: every).map { pow(10, $0) }
            return
        }
        let step = Self.niceStep(largest > 0 ? largest / 4 : 1)
        let top = min(max(ceil(largest / step), 1) * step, .greatestFiniteMagnitude)
        logarithmic = false
        ends = 0...top
        ticks = (0...Int((top / step).rounded())).map { Double($0) * step }.filter(\.isFinite)
    }

    /// The position of `value` between 0 (the start of the axis) and 1 (its end), clamped.
    func fraction(_ value: Double) -> Double {
        let position: Double
        if logarithmic {
            guard value > 0 else { return 0 }
            position = (log10(value) - ends.lowerBound) / (ends.upperBound - ends.lowerBound)
        } else {
            position = value / ends.upperBound
        }
        return position.isNaN ? 0 : min(max(position, 0), 1)
    }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `rough` (and above 0, however small
    /// `rough` is).
    private static func niceStep(_ rough: Double) -> Double {
        let power = max(pow(10, floor(log10(rough))), .leastNonzeroMagnitude)
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough * 0.999_999 } ?? 10 * power
    }
}
