import Foundation
import Testing

@testable import SkillsCore

/// Krippendorff's alpha against the `krippendorff` package 0.9.0 (numpy 2.4.6, Python 3.11),
/// and the bootstrap replayed in Python with the same SplitMix64 draws; values printed by
/// scripts/oracles/krippendorff_oracle.py. Ratings are units × coders, nil = not rated.
@Suite struct KrippendorffTests {
    /// Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four observers,
    /// twelve units, the example in the package's docstring (alpha ordinal 0.815).
    static let canonical: [[Double?]] = [
        [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, 3, nil, nil],
    ]
    /// Three coaches (columns A, B, C) rate six agents in two areas, twelve agent-area pairs,
    /// on four rubric levels (1 = Beginning … 4 = Expert). C is lenient; B missed the sixth pair.
    static let coaches: [[Double?]] = [
        [2, 2, 3], [3, 3, 4], [1, 2, 2], [4, 4, 4], [2, 2, 3], [3, nil, 4],
        [2, 1, 3], [1, 1, 2], [3, 3, 4], [2, 2, 3], [4, 4, 4], [3, 2, 3],
    ]

    static func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        value.map { abs($0 - expected) <= tolerance } ?? false
    }

    @Test(
        "Alpha matches the krippendorff package at every level of measurement",
        arguments: [
            (Krippendorff.Level.nominal, 0.743421052631579, 0.19413092550790068),
            (.ordinal, 0.8153875037548814, 0.6580778430093499),
            (.interval, 0.8491071428571428, 0.6482758620689655),
            (.ratio, 0.7974027747116121, 0.5312265763054158),
        ])
    func alphaMatchesThePackage(level: Krippendorff.Level, canonical: Double, coaches: Double) {
        #expect(Self.close(Krippendorff.alpha(Self.canonical, level: level), canonical))
        #expect(Self.close(Krippendorff.alpha(Self.coaches, level: level), coaches))
    }

    @Test func perfectAgreementIsOneAndNoVariationIsUndefined() {
        #expect(Krippendorff.alpha([[1, 1], [2, 2], [3, 3]]) == 1)
        // Every rating the same: no disagreement to expect, so alpha says nothing.
        #expect(Krippendorff.alpha([[2, 2], [2, 2]]) == nil)
        // No unit rated twice.
        #expect(Krippendorff.alpha([[1, nil], [nil, 3]]) == nil)
        #expect(Krippendorff.alpha([]) == nil)
    }

    @Test func aValueThatIsNotANumberCountsAsMissing() {
        var damaged = Self.coaches
        damaged[5][1] = .nan
        damaged[0][0] = .infinity
        var missing = Self.coaches
        missing[0][0] = nil
        #expect(Krippendorff.alpha(damaged) == Krippendorff.alpha(missing))
        #expect(Krippendorff.bootstrapInterval(damaged, replicates: 50, seed: 3) != nil)
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // Vigna's splitmix64.c from seed 0 (and the Python replay in the oracle script).
        var zero = SplitMix64(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
        var other = SplitMix64(seed: 1_234_567)
        #expect(
            [other.next(), other.next(), other.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
    }

    @Test func bootstrapIsDeterministicForASeed() {
        let first = Krippendorff.bootstrapInterval(Self.coaches, replicates: 500, seed: 42)
        let second = Krippendorff.bootstrapInterval(Self.coaches, replicates: 500, seed: 42)
        let other = Krippendorff.bootstrapInterval(Self.coaches, replicates: 500, seed: 43)
        #expect(first != nil)
        #expect(first == second)
        #expect(first?.interval != other?.interval)
    }

    @Test func bootstrapMatchesThePythonReplayOfTheSameDraws() throws {
        // SplitMix64 seed 42, 2000 resamples of the pairable units, percentiles 2.5 and 97.5 with
        // numpy's linear interpolation; alpha per resample from the krippendorff package.
        let coaches = try #require(Krippendorff.bootstrapInterval(Self.coaches, replicates: 2000, seed: 42))
        #expect(Self.close(coaches.estimate, 0.6580778430093499))
        #expect(Self.close(coaches.interval.low, 0.24927447020531796))
        #expect(Self.close(coaches.interval.high, 0.8133525989603719))
        #expect(coaches.replicates == 2000 && coaches.undefined == 0)
        let canonical = try #require(Krippendorff.bootstrapInterval(Self.canonical, replicates: 2000, seed: 42))
        #expect(Self.close(canonical.interval.low, 0.4492595500758676))
        #expect(Self.close(canonical.interval.high, 0.996143214743138))
    }

    @Test func bootstrapIntervalContainsTheEstimateAndAgreesRoughlyWithNumpy() throws {
        // numpy's default_rng(7), same design, 2000 resamples: coaches 0.2539 … 0.8248,
        // canonical 0.4557 … 1.0. Different draws, so only within ±0.05.
        let coaches = try #require(Krippendorff.bootstrapInterval(Self.coaches, seed: 2026))
        #expect(coaches.interval.contains(coaches.estimate))
        #expect(Self.close(coaches.interval.low, 0.2538833929300087, 0.05))
        #expect(Self.close(coaches.interval.high, 0.8247706618655691, 0.05))
        let canonical = try #require(Krippendorff.bootstrapInterval(Self.canonical, seed: 2026))
        #expect(canonical.interval.contains(canonical.estimate))
        #expect(Self.close(canonical.interval.low, 0.4556731416185515, 0.05))
        #expect(Self.close(canonical.interval.high, 1.0, 0.05))
    }

    @Test func bootstrapCountsResamplesWithoutVariation() throws {
        // Two units, one with no disagreement: some resamples draw only that unit twice and
        // leave the ratings without variation, so alpha is undefined there and left out.
        let result = try #require(
            Krippendorff.bootstrapInterval([[1, 1], [2, 3], [3, 3]], replicates: 400, seed: 1))
        #expect(result.undefined > 0)
        #expect(result.replicates + result.undefined == 400)
    }
}
