import EvidentCore
import Yams

/// Directive values a site sets once for all its essays, under `defaults:` in `content/site.yml`
/// (`defaults: {budget: 20s, precision: 5%}`); a directive's own value wins.
///
/// The keys are the measuring settings: `samples`, `precision`, `min_samples`, `max_samples`, `warmup`, `budget`,
/// `timeout` (benches and probes) and `marker` (probes).
package struct DirectiveDefaults: Sendable, Equatable {
    /// The keys a site may set defaults for.
    static let keys = [
        "samples", "precision", "min_samples", "max_samples", "warmup", "budget", "timeout", "marker",
    ]

    /// Where a site's defaults are written.
    static let siteFile = SourceLocation(file: "content/site.yml")

    /// Each default as its YAML scalar text.
    let values: [String: String]
    /// Where they were written, for messages.
    let location: SourceLocation
    /// Where each one was written, when known (its line in `site.yml`).
    let locations: [String: SourceLocation]

    /// No defaults: every directive gets the built-in ones.
    init() {
        self.values = [:]
        self.location = Self.siteFile
        self.locations = [:]
    }

    /// Checks `values` (key → scalar text, as written in `site.yml`) and keeps them; errors point at a key's own
    /// line in `locations`, else at `location`.
    package init(
        _ values: [String: String], location: SourceLocation = siteFile, locations: [String: SourceLocation] = [:]
    ) throws {
        self.values = values
        self.location = location
        self.locations = locations
        for key in values.keys.sorted() {
            guard Self.keys.contains(key) else {
                throw EvidentError(
                    DirectiveFailure.unknownDefault(key, known: Self.keys), at: locations[key] ?? location)
            }
            let value = self.value(key)!
            switch key {
            case "samples": _ = try DirectiveQuantity.samples(value)
            case "precision": _ = try DirectiveQuantity.percent(value)
            case "min_samples": _ = try DirectiveQuantity.minSamples(value)
            case "max_samples": _ = try DirectiveQuantity.count(value, atLeast: 2)
            case "warmup": _ = try DirectiveQuantity.count(value, atLeast: 0)
            case "budget", "timeout": _ = try DirectiveQuantity.duration(value)
            default: _ = try value.text()
            }
        }
    }

    /// Checks the defaults as `site.yml` wrote them.
    package init(_ section: DefaultsSection) throws {
        try self.init(section.values, location: section.location, locations: section.locations)
    }

    /// The default for `key` as a directive value located at the defaults.
    func value(_ key: String) -> DirectiveValue? {
        guard let text = values[key] else { return nil }
        let location = locations[key] ?? location
        return DirectiveValue(
            node: Node(text), name: "defaults.\(key)", isItem: false, location: location, locate: { _ in location })
    }
}
