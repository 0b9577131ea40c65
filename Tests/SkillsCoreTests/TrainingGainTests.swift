import Foundation
import Testing

@testable import SkillsCore

/// Training gain against pingouin 0.7.0 (`compute_effsize(eftype="cohen_dz")`,
/// `compute_esci(paired=True)`), scipy 1.17.1 and numpy 2.4.6 on Python 3.11, printed by
/// scripts/oracles/training_gain_oracle.py, and a hand-worked class with a known shift.
@Suite struct TrainingGainTests {
    /// Ten people before and after a course; the seventh began at 100.
    static let before = [40, 55, 62.5, 70, 30, 85, 100, 45, 60, 50]
    static let after = [60, 65, 75, 72.5, 55, 90, 95, 70, 40, 80]

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) <= 1e-9 } ?? false
    }

    @Test func gainsAndEffectSizeMatchPingouin() throws {
        let gain = try #require(TrainingGain(before: Self.before, after: Self.after))
        #expect(gain.people == 10)
        #expect(Self.close(gain.meanBefore, 59.75))
        #expect(Self.close(gain.meanAfter, 70.25))
        // Hake: (70.25 − 59.75)/(100 − 59.75) = 10.5/40.25.
        #expect(Self.close(gain.classGain, 0.2608695652173913))
        #expect(Self.close(gain.meanIndividualGain, 0.24636042969376304))
        #expect(gain.startedAtTop == 1)
        #expect(Self.close(gain.effectSize, 0.677772085586298))
        // pingouin rounds to [-0.1155, 1.471]; unrounded from its formula with scipy's t.ppf:
        #expect(Self.close(gain.effectSizeInterval?.low, -0.11549631240195046))
        #expect(Self.close(gain.effectSizeInterval?.high, 1.4710404835745465))
        #expect(gain.reliableChanges == nil)
    }

    @Test func exactIntervalFromTheNoncentralTMatchesScipy() throws {
        // The noncentralities with scipy's nct.cdf(t, n − 1, δ) = 0.975 and 0.025 (brentq), over √n.
        let gain = try #require(TrainingGain(before: Self.before, after: Self.after))
        #expect(Self.close(gain.effectSizeExactInterval?.low, -0.029333670396754906))
        #expect(Self.close(gain.effectSizeExactInterval?.high, 1.3552960557476583))
        let shift = try #require(TrainingGain(before: [40, 50, 60, 70], after: [52, 58, 72, 78]))
        #expect(Self.close(shift.effectSizeExactInterval?.low, 0.971900035721367))
        #expect(Self.close(shift.effectSizeExactInterval?.high, 7.76246358020803))
    }

    @Test func aNearlyUniformChangeHasNoExactInterval() throws {
        // Changes of 10 and 10.01: d_z ≈ 1732, t ≈ 3464, far past the exact interval's reach.
        let uniform = try #require(TrainingGain(before: [40, 50, 60, 70], after: [50, 60.01, 70, 80.01]))
        #expect(uniform.effectSize! > 1000)
        #expect(uniform.effectSizeExactInterval == nil)
        #expect(uniform.effectSizeInterval != nil)
    }

    @Test func theExactIntervalStaysQuickForTheSmallestClasses() throws {
        // One degree of freedom spreads the noncentral t widely (δ up to about 50 here); the
        // bracket search and series must still finish.
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for after in [[10.0, 11], [4, 12], [10, 10.7]] {
                let gain = try #require(TrainingGain(before: [0, 0], after: after))
                let exact = try #require(gain.effectSizeExactInterval)
                #expect(exact.contains(gain.effectSize!))
                #expect(exact.low < exact.high)
            }
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func theExactIntervalStaysQuickForALargeClass() throws {
        // 200 people, changes cycling 0…9 around +4.5: d_z = 1.5628, t = 22.1 (λ ≈ 244); scipy's
        // nct gives the exact interval 1.3550874922814076 … 1.768596917189684.
        let before = (0..<200).map { Double($0 % 50) }
        let after = (0..<200).map { Double($0 % 50) + Double($0 % 10) }
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let gain = try #require(TrainingGain(before: before, after: after))
            let exact = try #require(gain.effectSizeExactInterval)
            #expect(Self.close(gain.effectSize, 1.5627772481299846))
            #expect(Self.close(exact.low, 1.3550874922814076))
            #expect(Self.close(exact.high, 1.768596917189684))
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func reliableChangesCountedWithTheSEM() throws {
        // SEM 6: S_diff = 8.485; the RCIs are 2.357, 1.179, 1.473, 0.295, 2.946, 0.589, −0.589,
        // 2.946, −2.357, 3.536: four up, one down, five no clear change.
        let gain = try #require(TrainingGain(before: Self.before, after: Self.after, standardErrorOfMeasurement: 6))
        #expect(gain.reliableChanges == ReliableChangeCount(up: 4, down: 1, noClearChange: 5, undetermined: 0))
    }

    @Test func aKnownShiftIsFound() throws {
        // Everyone gains 8 or 12 points: mean change 10, SD of changes √(4·2²/3) = √(16/3) = 2.3094,
        // d_z = 10/2.3094 = 4.3301; Hake (65 − 55)/(100 − 55) = 0.2222.
        let gain = try #require(TrainingGain(before: [40, 50, 60, 70], after: [52, 58, 72, 78]))
        #expect(Self.close(gain.meanAfter - gain.meanBefore, 10))
        #expect(Self.close(gain.effectSize, 10 / (16.0 / 3).squareRoot()))
        #expect(Self.close(gain.classGain, 10.0 / 45))
        // Individual gains: 12/60, 8/50, 12/40, 8/30, averaged.
        let individual: [Double] = [12.0 / 60, 8.0 / 50, 12.0 / 40, 8.0 / 30]
        #expect(Self.close(gain.meanIndividualGain, individual.reduce(0, +) / 4))
    }

    @Test func reliableChangesWithEachPersonsOwnErrors() {
        // S_diff = √(3² + 4²) = 5: +10 is up (RCI 2), −9 is down (−1.8), +5 is not (1);
        // zero errors on both sides cannot be judged.
        let counts = ReliableChangeCount(
            before: [40, 60, 50, 50], after: [50, 51, 55, 90], standardErrors: [(3, 4), (3, 4), (3, 4), (0, 0)])
        #expect(counts == ReliableChangeCount(up: 1, down: 1, noClearChange: 1, undetermined: 1))
        #expect(ReliableChangeCount(before: [1], after: [1, 2], standardErrors: [(1, 1)]) == nil)
    }

    @Test func undefinedFiguresAreNil() throws {
        // Everyone at 100 before: no gain is possible to normalise by.
        let top = try #require(TrainingGain(before: [100, 100], after: [90, 100]))
        #expect(top.classGain == nil && top.meanIndividualGain == nil && top.startedAtTop == 2)
        // Every change the same: no spread, so no d_z.
        let same = try #require(TrainingGain(before: [40, 50], after: [50, 60]))
        #expect(same.effectSize == nil && same.effectSizeInterval == nil)
        // One person: no spread either.
        #expect(try #require(TrainingGain(before: [40], after: [60])).effectSize == nil)
        #expect(TrainingGain(before: [], after: []) == nil)
        #expect(TrainingGain(before: [40, 50], after: [60]) == nil)
    }
}
