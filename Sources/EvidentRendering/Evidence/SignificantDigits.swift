import Foundation

/// Numbers as text with three significant digits, without a locale: `812`, `9.12`, `0.0123`, `1,230`, and in
/// powers of ten beyond those (`1.00×10⁻³¹⁰`, `1.80×10³⁰⁸`). Every finite `Double` has a text, subnormal or
/// huge; negative zero reads `0`.
enum SignificantDigits {
    /// The decimal exponents written out in full; others are written as a power of ten.
    static let plainExponents = -6...11

    /// `value` rounded to three significant digits.
    static func round(_ value: Double) -> Double {
        guard let (digits, exponent) = decompose(value) else { return value }
        return (value < 0 ? -1 : 1) * scaled(Double(digits), byPowerOfTen: exponent - 2)
    }

    /// `value` with three significant digits, thousands grouped with commas, a minus sign (U+2212) when negative;
    /// `0` for zero. With `trimmingZeros`, zeros after the decimal point are dropped (`30`, not `30.0`).
    static func text(_ value: Double, trimmingZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
        guard let (digits, exponent) = decompose(value) else { return "0" }
        let sign = value < 0 ? "\u{2212}" : ""
        let figures = String(digits)
        guard plainExponents.contains(exponent) else {
            let mantissa = trimmed(figures.prefix(1) + "." + figures.dropFirst(), trimmingZeros)
            return sign + mantissa + "×10" + superscript(exponent)
        }
        var text: String
        if exponent >= 2 {
            text = grouped(figures + String(repeating: "0", count: exponent - 2))
        } else if exponent >= 0 {
            let point = figures.index(figures.startIndex, offsetBy: exponent + 1)
            text = figures[..<point] + "." + figures[point...]
        } else {
            text = "0." + String(repeating: "0", count: -exponent - 1) + figures
        }
        return sign + trimmed(text, trimmingZeros)
    }

    /// The three significant digits (100...999) and the decimal exponent of the first; nil for zero.
    private static func decompose(_ value: Double) -> (digits: Int, exponent: Int)? {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return nil }
        var exponent = Int(log10(magnitude).rounded(.down))
        var digits = Int(scaled(magnitude, byPowerOfTen: 2 - exponent).rounded())
        if digits >= 1000 {
            digits /= 10
            exponent += 1
        } else if digits < 100 {  // log10 rounded just below a power of ten
            digits = Int(scaled(magnitude, byPowerOfTen: 3 - exponent).rounded())
            exponent -= 1
        }
        return (digits, exponent)
    }

    /// `value × 10^power`, in two steps when `10^power` alone leaves Double's range (it does for the powers that
    /// bring a subnormal or a huge value to three digits, though the product is fine).
    private static func scaled(_ value: Double, byPowerOfTen power: Int) -> Double {
        if power > 300 { return value * 1e300 * pow(10, Double(power - 300)) }
        if power < -300 { return value * 1e-300 * pow(10, Double(power + 300)) }
        return value * pow(10, Double(power))
    }

    /// `text` without the zeros ending its fraction (and without a bare point) when `trimming`.
    private static func trimmed(_ text: String, _ trimming: Bool) -> String {
        guard trimming, text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// An exponent in superscript digits: `⁻³¹⁰`.
    private static func superscript(_ exponent: Int) -> String {
        let digits = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (exponent < 0 ? "⁻" : "") + String(abs(exponent)).map { digits[$0.wholeNumberValue ?? 0] }.joined()
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
