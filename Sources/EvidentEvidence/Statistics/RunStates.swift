import Foundation

/// The runs of one series that fell at two speeds: on a machine whose CPU switches between two speeds, a cell's
/// kept runs form a fast group and a slow group, and a rerun lands in either. Taken as one normal spread around
/// their mean, such runs give an interval as wide as twice the distance between the groups, wider than anything
/// the machine did; taken as two groups, each with the spread that runs of one speed show, the interval reaches
/// from the fast group to the slow one.
///
/// The groups are the best split of the sorted values in two (the one that leaves the least squared deviation
/// around the two groups' means); they are believed when the series has at least `fewestRuns` values, the groups'
/// means are at least `TwoSpeeds.separation` apart (in proportion) and the split explains at least `explained` of
/// the series' variance. Values are logarithms.
struct RunStates: Equatable {
    /// One group of runs: the mean of their values and how many they are.
    struct Group: Equatable {
        let mean: Double
        let runs: Int
    }

    /// The fast group and the slow one.
    let fast: Group
    let slow: Group
    /// The squared deviations of the values around their own group's mean, summed.
    let squares: Double

    static let fewestRuns = 4
    static let explained = 0.8

    /// The two groups of `points` (logarithms of positive values), or nil when they do not show two speeds.
    init?(points: [Double]) {
        guard points.count >= Self.fewestRuns else { return nil }
        let sorted = points.sorted()
        let total = Self.squares(sorted[...])
        let splits = (1..<sorted.count).map {
            (cut: $0, squares: Self.squares(sorted[..<$0]) + Self.squares(sorted[$0...]))
        }
        guard total > 0, let best = splits.min(by: { $0.squares < $1.squares }) else { return nil }
        let (low, high) = (sorted[..<best.cut], sorted[best.cut...])
        squares = best.squares
        fast = Group(mean: Self.mean(low), runs: low.count)
        slow = Group(mean: Self.mean(high), runs: high.count)
        guard slow.mean - fast.mean >= Foundation.log(TwoSpeeds.separation), 1 - squares / total >= Self.explained
        else { return nil }
    }

    /// The degrees of freedom the groups leave for their spread: one fewer per group than runs.
    var degreesOfFreedom: Int { fast.runs + slow.runs - 2 }

    /// The mean of `points`.
    static func mean(_ points: ArraySlice<Double>) -> Double {
        points.reduce(0, +) / Double(points.count)
    }

    /// The squared deviations of `points` around their mean, summed.
    static func squares(_ points: ArraySlice<Double>) -> Double {
        let mean = mean(points)
        return points.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
}
