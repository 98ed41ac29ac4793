import Foundation

/// Numbers as text with three significant digits, without a locale: `812`, `9.12`, `0.0123`, `1,230`.
enum SignificantDigits {
    /// `value` rounded to three significant digits.
    static func round(_ value: Double) -> Double {
        guard let (digits, exponent) = decompose(value) else { return value }
        return (value < 0 ? -1 : 1) * Double(digits) * pow(10, Double(exponent - 2))
    }

    /// `value` with three significant digits, thousands grouped with commas, a minus sign (U+2212) when negative;
    /// `0` for zero. With `trimmingZeros`, zeros after the decimal point are dropped (`30`, not `30.0`).
    static func text(_ value: Double, trimmingZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
        guard let (digits, exponent) = decompose(value) else { return "0" }
        let sign = value < 0 ? "\u{2212}" : ""
        let figures = String(digits)
        var text: String
        if exponent >= 2 {
            text = grouped(figures + String(repeating: "0", count: exponent - 2))
        } else if exponent >= 0 {
            let point = figures.index(figures.startIndex, offsetBy: exponent + 1)
            text = figures[..<point] + "." + figures[point...]
        } else {
            text = "0." + String(repeating: "0", count: -exponent - 1) + figures
        }
        if trimmingZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return sign + text
    }

    /// The three significant digits (100...999) and the decimal exponent of the first; nil for zero.
    private static func decompose(_ value: Double) -> (digits: Int, exponent: Int)? {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return nil }
        var exponent = Int(log10(magnitude).rounded(.down))
        var digits = Int((magnitude * pow(10, Double(2 - exponent))).rounded())
        if digits >= 1000 {
            digits /= 10
            exponent += 1
        } else if digits < 100 {  // log10 rounded just below a power of ten
            digits = Int((magnitude * pow(10, Double(3 - exponent))).rounded())
            exponent -= 1
        }
        return (digits, exponent)
    }

    /// Digits grouped by three from the right: `1230000` → `1,230,000`.
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
