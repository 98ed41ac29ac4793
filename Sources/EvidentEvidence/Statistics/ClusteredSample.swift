/// A sample whose values come in clusters, the processes of a cell (each known by the round it ran in), from
/// which a hierarchical bootstrap draws: whole clusters with replacement, then values within each drawn cluster.
///
/// The values are sorted once; a resample is only how many times each sorted position was drawn, and its median
/// is found by walking those counts in order, as `ResampledMedian` does: linear time, no sorting per resample.
struct ClusteredSample {
    /// The round of each cluster, ascending.
    let rounds: [Int]
    private let sorted: [Double]
    /// Per cluster, the positions of its values in `sorted`.
    private let positions: [[Int]]
    private var counts: [Int]
    private var drawn = 0

    /// Groups `values` by `rounds` (the round of each value); nil when they are empty or not of the same length.
    init?(_ values: [Double], rounds: [Int]) {
        guard !values.isEmpty, values.count == rounds.count else { return nil }
        let order = values.indices.sorted { values[$0] < values[$1] }
        sorted = order.map { values[$0] }
        var byRound: [Int: [Int]] = [:]
        for (position, index) in order.enumerated() { byRound[rounds[index], default: []].append(position) }
        self.rounds = byRound.keys.sorted()
        positions = self.rounds.map { byRound[$0]! }
        counts = Array(repeating: 0, count: values.count)
    }

    /// How many clusters (processes) the sample has.
    var clusterCount: Int { positions.count }

    /// The cluster of `round`, nil when no process ran in it.
    func cluster(ofRound round: Int) -> Int? {
        var low = 0
        var high = rounds.count
        while low < high {
            let middle = (low + high) / 2
            if rounds[middle] < round { low = middle + 1 } else { high = middle }
        }
        return low < rounds.count && rounds[low] == round ? low : nil
    }

    /// Starts a new resample.
    mutating func clear() {
        for index in counts.indices { counts[index] = 0 }
        drawn = 0
    }

    /// Adds to the resample as many values as `cluster` has, drawn from it with replacement.
    mutating func draw(cluster: Int, using random: inout SplitMix64) {
        let members = positions[cluster]
        for _ in members.indices { counts[members[random.next(below: members.count)]] += 1 }
        drawn += members.count
    }

    /// Adds one whole cluster drawn at random, then its values with replacement.
    mutating func drawCluster(using random: inout SplitMix64) {
        draw(cluster: random.next(below: positions.count), using: &random)
    }

    /// The median of the resample drawn since `clear()`, as Python's `statistics.median` would give it.
    func median() -> Double {
        CountedMedian.of(sorted: sorted, counts: counts, total: drawn)
    }
}
