import Foundation

/// A ratio as people say it: a factor of at least 1 with its direction word, `69.9× faster`, `1.05× slower`,
/// `3.20× higher`, and its interval the same way up. An interval that holds 1 says the run found no difference,
/// and how much: `same within ±2 %` when the whole interval lies within a margin a reader calls the same (±5 %, or
/// the claim's own `within P%`), else `no clear difference [0.94–1.31×]`. Wide is not the same. The evidence keeps
/// the raw ratio; only this text turns it around.
struct Factor: Equatable {
    /// The margin within which an interval that holds 1 reads as "the same", unless a claim gives its own.
    static let sameMargin = 0.05

    /// `69.9× faster`, `same within ±2 %`, `no clear difference`.
    var text: String
    /// The 95% interval of the factor, `[68.0–71.9]`; nil when the text already says how far it reaches.
    var interval: String?

    /// - Parameters:
    ///   - ratio: the variant's median over the baseline's.
    ///   - ci: the ratio's 95% interval, when known.
    ///   - words: the words for a ratio below 1 and above 1: `("faster", "slower")`.
    ///   - margin: how far from 1 an interval that holds 1 may reach and still read as "the same".
    init(
        ratio: Double, ci: ClosedRange<Double>?, words: (below: String, above: String),
        margin: Double = Factor.sameMargin
    ) {
        guard ratio > 0, ratio.isFinite else {
            (text, interval) = ("ratio " + SignificantDigits.text(ratio), nil)
            return
        }
        if let ci, ci.contains(1) {
            let reach = max(1 - ci.lowerBound, ci.upperBound - 1)
            if reach <= margin + 1e-12 {
                (text, interval) = ("same within ±" + Self.reach(reach), nil)
            } else {
                let range = "\(SignificantDigits.text(ci.lowerBound))–\(SignificantDigits.text(ci.upperBound))×"
                (text, interval) = ("no clear difference", "[\(range)]")
            }
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
