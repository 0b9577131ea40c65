/// Steele, Lea & Flood's SplitMix64 generator (OOPSLA 2014; the reference code is Vigna's
/// `splitmix64.c`): tiny, fast, and the same sequence on every platform and Swift version,
/// so a bootstrap with a stated seed gives the same interval everywhere. Not for secrets.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index in 0..<count as `next() % count`. Written out instead of using
    /// `Int.random(in:using:)`, whose algorithm the standard library may change, so the
    /// draws can be replayed elsewhere (scripts/oracles/krippendorff_oracle.py does). The
    /// modulo bias is below count/2⁶⁴, far under anything a bootstrap can show.
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "an index needs a positive count")
        return Int(next() % UInt64(count))
    }
}
