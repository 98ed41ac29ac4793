/// Why measuring a bench stopped, as its record stores it (`stopped_by`).
package enum StopReason: String, Codable, Sendable, Equatable {
    /// Every cell's 95% CI half-width reached the directive's precision (`samples: auto`).
    case precision
    /// The directive's budget was spent first.
    case budget
    /// `max_samples` was reached first.
    case maxSamples = "max_samples"
    /// A fixed sample count was taken.
    case samples
}
