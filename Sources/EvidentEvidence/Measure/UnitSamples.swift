/// What the stop rule and the progress line know of a unit's samples of the first metric so far: how many, from
/// how many processes, and their summary with the interval over processes.
struct UnitSamples {
    /// How many samples the unit took.
    var count = 0
    /// Their summary; nil before the first sample.
    var summary: Summary?

    init() {}

    /// The unit's samples and the round of each.
    init(_ samples: [Double], rounds: [Int]) {
        count = samples.count
        summary = Summary(of: samples, rounds: rounds)
    }

    /// How many processes took the samples.
    var processes: Int { summary?.processes ?? 0 }

    /// The relative half-width of the interval; infinite before the first sample.
    var halfWidth: Double { summary?.relativeHalfWidth ?? .infinity }
}
