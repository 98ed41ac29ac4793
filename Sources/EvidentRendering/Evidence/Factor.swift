import Foundation

/// A ratio of medians as people say it: a factor of at least 1 with its direction word, `69.9× faster`,
/// `1.05× slower`, `3.20× higher`, and its interval the same way up; `same within ±2 %` when the interval holds 1.
/// The evidence keeps the raw ratio; only this text turns it around.
struct Factor: Equatable {
    /// `69.9× faster`, `same within ±2 %`.
    var text: String
    /// The 95% interval of the factor, `[68.0–71.9]`; nil when the text already says how far it reaches.
    var interval: String?

    /// - Parameters:
    ///   - ratio: the variant's median over the baseline's.
    ///   - ci: the ratio's 95% interval, when known.
    ///   - words: the words for a ratio below 1 and above 1: `("faster", "slower")`.
    init(ratio: Double, ci: ClosedRange<Double>?, words: (below: String, above: String)) {
        guard ratio > 0, ratio.isFinite else {
            (text, interval) = ("ratio " + SignificantDigits.text(ratio), nil)
            return
        }
        if let ci, ci.contains(1) {
            (text, interval) = ("same within ±" + Self.reach(max(1 - ci.lowerBound, ci.upperBound - 1)), nil)
            return
        }
        let above = ratio >= 1
        text = SignificantDigits.text(above ? ratio : 1 / ratio) + "× " + (above ? words.above : words.below)
        interval = ci.map { ci in
            let (low, high) =
                above
                ? (ci.lowerBound, ci.upperBound)
                : (1 / ci.upperBound, ci.lowerBound > 0 ? 1 / ci.lowerBound : .infinity)
            return "[\(SignificantDigits.text(low))–\(SignificantDigits.text(high))]"
        }
    }

    /// The text with its interval: `69.9× faster [68.0–71.9]`.
    var withInterval: String {
        interval.map { "\(text) \($0)" } ?? text
    }

    /// How far an interval reaches from 1, as a percentage rounded up: `2 %` from 1 % on, else `0.4 %`.
    private static func reach(_ fraction: Double) -> String {
        let percent = max(fraction, 0) * 100
        guard percent.isFinite else { return "∞ %" }
        // Up, but not past a float's error: 1.02 − 1 is 0.020000000000000018.
        let rounded = percent >= 1 ? ceil(percent - 1e-9) : ceil(percent * 10 - 1e-9) / 10
        return SignificantDigits.text(rounded, trimmingZeros: true) + " %"
    }
}
