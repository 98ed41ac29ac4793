/// The order in which a round runs the units of a bench: a new shuffle each round, from a generator seeded by the
/// directive's id, so a drifting machine does not bias one variant and the same directive runs in the same order
/// every time.
struct RoundOrder {
    private var generator: SplitMix64
    private let count: Int

    init(id: String, count: Int) {
        generator = SplitMix64(seed: Self.seed(id))
        self.count = count
    }

    /// The unit indices of the next round.
    mutating func next() -> [Int] {
        var order = Array(0..<count)
        generator.shuffle(&order)
        return order
    }

    /// 64-bit FNV-1a of the id's UTF-8 (Swift's own hash of a string changes from run to run).
    static func seed(_ id: String) -> UInt64 {
        id.utf8.reduce(0xcbf2_9ce4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }
}
