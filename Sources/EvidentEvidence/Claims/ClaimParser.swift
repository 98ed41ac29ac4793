import EvidentCore
import Foundation

extension Claim {
    /// The grammar, as shown to an author whose claim does not follow it.
    static let grammar =
        "write `A within P% of B`, `A [at least Kx] faster|slower than B` (times) or "
        + "`A [at least Kx] lower|higher than B` (other metrics), optionally followed by `at k=v [and k=v]...` "
        + "and then `on METRIC`"

    /// Parses a claim of a `bench` directive and checks every name in it against the directive's.
    ///
    /// - Parameters:
    ///   - variants: the directive's variant names.
    ///   - params: each parameter's values as YAML scalar text (`["10", "100"]`); `at k=v` compares strings.
    ///   - metrics: the directive's metrics; the first is the one a claim without `on` is about.
    /// - Throws: `EvidentError` (`.input`, at `location`) quoting the claim, when it does not follow the grammar or
    ///   names an unknown variant, parameter, value or metric, compares a variant with itself, or says
    ///   `faster`/`slower` of a metric that is clearly not a time (bytes, counts, rates: see `isNotTime`).
    static func parse(
        _ text: String, variants: [String], params: [String: [String]], metrics: [String], location: SourceLocation
    ) throws -> Claim {
        let fail = { (what: String, fix: String) in
            EvidentError(.input, at: location, "claim \"\(text)\": \(what)", fix: fix)
        }
        var words = ClaimWords(joiningEquals(text))
        guard let sentence = words.sentence() else {
            throw fail("it does not follow the claim grammar", grammar)
        }
        for name in [sentence.subject, sentence.reference] where !variants.contains(name) {
            // A known variant followed by stray words is a sentence outside the grammar, not a misspelt name.
            if variants.contains(where: { name.hasPrefix($0 + " ") }) {
                throw fail("it does not follow the claim grammar", grammar)
            }
            throw fail(
                "unknown variant \"\(name)\"", EditDistance.suggestion(for: name, among: variants, noun: "variants"))
        }
        guard sentence.subject != sentence.reference else {
            throw fail("it compares \(sentence.subject) with itself", "name two different variants: \(list(variants))")
        }
        var restriction: [String: String] = [:]
        for (name, written) in sentence.restriction {
            let value = ParameterValue.canonical(written)
            guard let values = params[name] else {
                let known =
                    params.isEmpty
                    ? "this directive has no params"
                    : EditDistance.suggestion(for: name, among: params.keys.sorted(), noun: "parameters")
                throw fail("unknown parameter \"\(name)\"", known)
            }
            guard values.contains(value) else {
                // A number near another is not a typo of it: only a word gets a "did you mean".
                throw fail(
                    "parameter \(name) has no value \"\(value)\"",
                    Double(value) != nil
                        ? "\(name) is one of: \(list(values))"
                        : EditDistance.suggestion(for: value, among: values, noun: "values of \(name)"))
            }
            guard restriction.updateValue(value, forKey: name) == nil else {
                throw fail("parameter \(name) is restricted twice", "give each parameter once: `at k=v and k2=v2`")
            }
        }
        guard let metric = sentence.metric ?? metrics.first, metrics.contains(metric) else {
            throw fail(
                "unknown metric \"\(sentence.metric ?? "")\"",
                EditDistance.suggestion(for: sentence.metric ?? "", among: metrics, noun: "metrics"))
        }
        if sentence.comparesTimes, isNotTime(metric) {
            throw fail(
                "\"\(sentence.comparative)\" compares times, but \(metric) is not a time",
                "say `lower` or `higher` instead (\(metric) reads as bytes, a count or a rate)")
        }
        return Claim(
            text: text, subject: sentence.subject, reference: sentence.reference, relation: sentence.relation,
            restriction: restriction, metric: metric,
            cells: crossProduct(params).filter { cell in restriction.allSatisfy { cell[$0.key] == $0.value } },
            location: location)
    }

    /// Whether a metric is clearly not a time, judged by the unit at the end of its name. Any other metric may be
    /// called faster or slower (lower or higher), so that an experiment's own names (`latency`) need no suffix.
    static func isNotTime(_ metric: String) -> Bool {
        ["_bytes", "_count", "_per_s", "_percent", "_ratio"].contains { metric.hasSuffix($0) }
    }

    /// Every cell of a directive: one value of each parameter, names sorted, the first name varying slowest.
    static func crossProduct(_ params: [String: [String]]) -> [[String: String]] {
        params.keys.sorted().reduce([[:]]) { cells, name in
            cells.flatMap { cell in params[name]!.map { value in cell.merging([name: value]) { $1 } } }
        }
    }

    private static func list(_ names: some Sequence<String>) -> String {
        let names = Array(names)
        return names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }
}

/// A claim's words, read left to right by the grammar of `Claim`; names are checked afterwards.
private struct ClaimWords {
    /// What a claim says before its names are checked.
    struct Sentence {
        var subject: String
        var reference: String
        var relation: Claim.Relation
        /// `faster`, `slower`, `lower`, `higher` or `within`.
        var comparative: String
        var restriction: [(String, String)]
        var metric: String?

        var comparesTimes: Bool { comparative == "faster" || comparative == "slower" }
    }

    private static let comparatives = ["faster": false, "slower": true, "lower": false, "higher": true]

    private let words: [String]
    private var index = 0

    init(_ text: String) {
        words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The sentence, or nil when the words do not follow the grammar.
    mutating func sentence() -> Sentence? {
        guard let relationStart = words.indices.dropFirst().first(where: startsRelation) else { return nil }
        let subject = words[..<relationStart].joined(separator: " ")
        index = relationStart
        guard let (relation, comparative) = relation() else { return nil }
        let referenceStart = index
        while index < words.count, words[index] != "at", words[index] != "on" { index += 1 }
        guard index > referenceStart else { return nil }
        let reference = words[referenceStart..<index].joined(separator: " ")
        var restriction: [(String, String)] = []
        if take("at") {
            repeat {
                guard let pair = next()?.split(separator: "=", omittingEmptySubsequences: false), pair.count == 2,
                    !pair[0].isEmpty, !pair[1].isEmpty
                else { return nil }
                restriction.append((String(pair[0]), String(pair[1])))
            } while take("and")
        }
        var metric: String?
        if take("on") {
            guard let name = next() else { return nil }
            metric = name
        }
        guard index == words.count else { return nil }
        return Sentence(
            subject: subject, reference: reference, relation: relation, comparative: comparative,
            restriction: restriction, metric: metric)
    }

    private func startsRelation(at position: Int) -> Bool {
        let word = words[position]
        let following = position + 1 < words.count ? words[position + 1] : ""
        return word == "within" || (word == "at" && following == "least")
            || (Self.comparatives[word] != nil && following == "than")
    }

    private mutating func relation() -> (Claim.Relation, String)? {
        if take("within") {
            guard let percent = number(next(), unit: "%"), take("of") else { return nil }
            return (.within(percent: percent), "within")
        }
        var factor: Double?
        if take("at") {
            guard take("least"), let value = number(next(), unit: "x"), value > 0 else { return nil }
            factor = value
        }
        guard let comparative = next(), let higher = Self.comparatives[comparative], take("than") else { return nil }
        return (higher ? .higher(atLeast: factor) : .lower(atLeast: factor), comparative)
    }

    /// A non-negative finite number written with its unit, as in `2.5%` or `1.5x`.
    private func number(_ word: String?, unit: Character) -> Double? {
        guard let word, word.last == unit, let value = Double(word.dropLast()), value.isFinite, value >= 0 else {
            return nil
        }
        return value
    }

    private mutating func next() -> String? {
        guard index < words.count else { return nil }
        defer { index += 1 }
        return words[index]
    }

    private mutating func take(_ word: String) -> Bool {
        guard index < words.count, words[index] == word else { return false }
        index += 1
        return true
    }
}

extension Claim {
    /// `text` without the whitespace around each `=`, so that `at n = 100` reads as `at n=100`. Whitespace is
    /// Unicode's (`White_Space`), as a regular expression's `\s` reads it.
    static func joiningEquals(_ text: String) -> String {
        guard text.unicodeScalars.contains("=") else { return text }
        var joined = String.UnicodeScalarView()
        var space = String.UnicodeScalarView()
        var afterEquals = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !afterEquals { space.append(scalar) }
            } else {
                if scalar != "=" { joined += space }
                joined.append(scalar)
                space = String.UnicodeScalarView()
                afterEquals = scalar == "="
            }
        }
        if !afterEquals { joined += space }
        return String(joined)
    }
}
