/// How many samples a bench takes: until the precision is reached (within the budget), or a fixed count.
enum SampleCount: Sendable, Equatable {
    /// Sample until every cell's 95% CI half-width is within the precision, or the budget is spent.
    case auto
    /// Exactly this many samples per cell.
    case fixed(Int)
}

/// Reads the quantities of directives: durations (`500ms`, `30s`, `2m`), percentages (`3%`) and counts.
enum DirectiveQuantity {
    /// The longest duration accepted, a week: longer ones are typos, and would overflow deadlines in nanoseconds.
    static let longestDuration = 7 * 24 * 3600e9

    /// A positive duration of at most a week: a number and a unit, `ms`, `s`, `m` or `h` (`500ms`, `1.5s`, `2m`).
    static func duration(_ value: DirectiveValue) throws -> Duration {
        let text = try value.text()
        let units: [(suffix: String, nanoseconds: Double)] = [("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            if isDecimal(number), let amount = Double(number), amount > 0 {
                guard amount * unit.nanoseconds <= longestDuration else {
                    throw value.error(DirectiveValueFailure.durationOverAWeek(value.field, text))
                }
                return .nanoseconds(Int64((amount * unit.nanoseconds).rounded()))
            }
        }
        throw value.error(DirectiveValueFailure.badDuration(value.field, text))
    }

    /// A percentage strictly between 0% and 100%, as a fraction (`3%` is 0.03).
    static func percent(_ value: DirectiveValue) throws -> Double {
        let text = try value.text()
        let number = text.dropLast()
        guard text.hasSuffix("%"), isDecimal(number), let amount = Double(number), amount > 0, amount < 100 else {
            throw value.error(DirectiveValueFailure.badPercentage(value.field, text))
        }
        return amount / 100
    }

    /// A whole number of at least `minimum`.
    static func count(_ value: DirectiveValue, atLeast minimum: Int) throws -> Int {
        let text = try value.text()
        guard isDigits(text[...]), let count = Int(text), count >= minimum else {
            throw value.error(DirectiveValueFailure.badCount(value.field, text, minimum: minimum))
        }
        return count
    }

    /// `min_samples`: a whole number of at least 6 (`MedianInterval.fewestConfidentValues`), since with fewer
    /// samples a cell's 95% interval is only its `[min, max]`.
    static func minSamples(_ value: DirectiveValue) throws -> Int {
        let least = MedianInterval.fewestConfidentValues
        guard let few = try? count(value, atLeast: 0), few < least else { return try count(value, atLeast: least) }
        throw value.error(DirectiveValueFailure.tooFewSamples(value.field, count: few, least: least))
    }

    /// `auto` or a fixed count of at least 1.
    static func samples(_ value: DirectiveValue) throws -> SampleCount {
        let text = try value.text()
        if text == "auto" { return .auto }
        guard isDigits(text[...]), let count = Int(text), count >= 1 else {
            throw value.error(DirectiveValueFailure.badSampleCount(value.field, text))
        }
        return .fixed(count)
    }

    /// Digits with at most one decimal point inside: `30`, `1.5`; not `.5`, `1e3` or `-2`.
    private static func isDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy(isDigits)
    }

    /// One or more ASCII digits.
    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
