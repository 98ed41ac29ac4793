/// Measured numbers as the page shows them: three significant digits, a unit chosen by the metric's name, the
/// same text on every machine (no locale).
///
/// Times read `812 ns`, `9.12 µs`, `1.23 ms`, `3.45 s`; sizes `512 B`, `1.50 kB`, `12.3 MB`; other metrics are
/// counts, `1,230`, `0.0123`, `12.3k`, with their suffix if any (`77.9k ops/s`). Factors are `FactorText`'s.
enum MetricFormat {
    /// A value with its unit: `1.23 ms`, `12.3 MB`, `1,230`, `77.9k ops/s`.
    static func value(_ value: Double, scale: MetricScale) -> String {
        guard let unit = scale.unit(for: value) else { return suffixed(count(value), scale) }
        return number(value, in: unit) + " " + unit.symbol
    }

    /// A confidence interval in one unit, the one its lower end reads best in: `[1.21–1.25 ms]`.
    static func interval(_ ci: ClosedRange<Double>, scale: MetricScale) -> String {
        guard let unit = scale.unit(for: ci.lowerBound) else {
            return "[\(count(ci.lowerBound))–\(suffixed(count(ci.upperBound), scale))]"
        }
        return "[\(number(ci.lowerBound, in: unit))–\(number(ci.upperBound, in: unit)) \(unit.symbol)]"
    }

    /// A count followed by the scale's suffix, if it has one: `77.9k ops/s`.
    static func suffixed(_ text: String, _ scale: MetricScale) -> String {
        scale.suffix.map { text + " " + $0 } ?? text
    }

    /// A plain count: `812`, `1,230`, `0.0123`; from 10,000 on with a suffix, `12.3k`, `4.56M`. With
    /// `trimmingZeros`, `20k` rather than `20.0k`.
    static func count(_ value: Double, trimmingZeros: Bool = false) -> String {
        let suffixes = ["", "k", "M", "G", "T"]
        var scaled = SignificantDigits.round(value)
        var index = 0
        guard abs(scaled) >= 10_000 else { return SignificantDigits.text(scaled, trimmingZeros: trimmingZeros) }
        while abs(scaled) >= 1000, index < suffixes.count - 1 {
            scaled = SignificantDigits.round(scaled / 1000)
            index += 1
        }
        guard abs(scaled) < 1000 else { return SignificantDigits.text(value) }  // beyond T: a power of ten
        return SignificantDigits.text(scaled, trimmingZeros: trimmingZeros) + suffixes[index]
    }

    /// A relative change with its sign and one decimal: `+2.1 %`, `−0.4 %`, `±0.0 %`; from a millionfold on, with
    /// three significant digits (`+1.00×10⁹ %`, `+∞ %`).
    static func change(_ fraction: Double) -> String {
        guard abs(fraction) < 1e6 else {
            return fraction.isNaN
                ? "–" : (fraction < 0 ? "\u{2212}" : "+") + SignificantDigits.text(abs(fraction) * 100) + " %"
        }
        let tenths = Int((fraction * 1000).rounded())
        let sign = tenths > 0 ? "+" : tenths < 0 ? "\u{2212}" : "±"
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10) %"
    }

    /// A fraction as a percentage without trailing zeros: `3 %`, `2.5 %`, `12.3 %`.
    static func percent(_ fraction: Double) -> String {
        SignificantDigits.text(fraction * 100, trimmingZeros: true) + " %"
    }

    /// A duration for prose: `0.5 s`, `21 s`, `21.3 s`, `2 min 5 s`; beyond a million minutes in seconds again.
    static func seconds(_ seconds: Double) -> String {
        guard seconds >= 60, seconds < 6e7 else { return SignificantDigits.text(seconds, trimmingZeros: true) + " s" }
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }

    /// `value` in `unit`, three significant digits, without the symbol.
    static func number(_ value: Double, in unit: MetricScale.Unit?) -> String {
        guard let unit else { return count(value) }
        return SignificantDigits.text(value / unit.size)
    }
}
