/// A small, fast, seeded pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// Everything random in a build goes through it with a fixed seed, so the same input gives the same
/// bootstrap intervals and the same interleaving order on every machine and every Swift version.
/// `Tests/Fixtures/statistics/reference.py` implements the same generator.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, so without modulo bias).
    mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "an empty range has no element to draw")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform index in `0..<count`.
    mutating func next(below count: Int) -> Int {
        Int(next(below: UInt64(count)))
    }

    /// Shuffles `elements` in place (Fisher–Yates from the end), the same way for a given seed everywhere,
    /// unlike the standard library's `shuffle(using:)`, whose algorithm is not promised to stay fixed.
    mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, next(below: i + 1))
        }
    }
}
