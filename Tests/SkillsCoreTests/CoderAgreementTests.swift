import Foundation
import Testing

@testable import SkillsCore

/// Pair agreement, offsets from the consensus and widest disagreements on the three-coach data
/// of `KrippendorffTests`, against plain numpy 2.4.6 and scipy 1.17.1 (`np.median`,
/// `stats.t.ppf`) in scripts/oracles/krippendorff_oracle.py.
@Suite struct CoderAgreementTests {
    static let coaches = KrippendorffTests.coaches

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) <= 1e-9 } ?? false
    }

    @Test func exactAndWithinOneLevelOverEveryPairOfCoaches() throws {
        // Eleven units with three ratings (3 pairs each) and one with two: 34 pairs; 14 agree
        // exactly, 33 are at most one level apart (only unit 6's 1 against 3 is not).
        let agreement = try #require(CoderAgreement.pairAgreement(Self.coaches))
        #expect(agreement.pairs == 34)
        #expect(Self.close(agreement.exact, 41.1764705882353))
        #expect(Self.close(agreement.withinOneLevel, 97.05882352941177))
        #expect(CoderAgreement.pairAgreement([[1, nil], [nil, 2]]) == nil)
    }

    @Test func theLenientCoachIsNamedAndTheOthersAreInLine() {
        let offsets = CoderAgreement.offsets(Self.coaches)
        #expect(offsets.map(\.coder) == [0, 1, 2])
        #expect(offsets.map(\.count) == [12, 11, 12])
        let expected = [
            (-0.125, -0.3224670408752489, 0.07246704087524888),
            (-0.18181818181818182, -0.4535783601645264, 0.08994199652816276),
            (0.625, 0.31833650157627597, 0.931663498423724),
        ]
        for (offset, (mean, low, high)) in zip(offsets, expected) {
            #expect(Self.close(offset.meanOffset, mean))
            #expect(Self.close(offset.interval?.low, low))
            #expect(Self.close(offset.interval?.high, high))
        }
        #expect(offsets.map(\.leaning) == [.inLine, .inLine, .lenient])
    }

    @Test func leaningFollowsWhereTheIntervalLies() {
        #expect(CoderAgreement.Leaning(offsetInterval: ConfidenceInterval(low: 0.1, high: 0.9)) == .lenient)
        #expect(CoderAgreement.Leaning(offsetInterval: ConfidenceInterval(low: -0.9, high: -0.2)) == .severe)
        #expect(CoderAgreement.Leaning(offsetInterval: ConfidenceInterval(low: -0.2, high: 0.3)) == .inLine)
    }

    @Test func twoCoachesSplitTheirDifferenceAndGetNoIntervalWithoutSpread() {
        // B is always one level above A. The median of two ratings is their mean, so each coach
        // is half a level from it: A −0.5, B +0.5. Offsets that never vary have no t interval,
        // so neither coach is labelled.
        let offsets = CoderAgreement.offsets([[2, 3], [1, 2], [3, 4]])
        #expect(offsets.map(\.meanOffset) == [-0.5, 0.5])
        #expect(offsets.allSatisfy { $0.interval == nil && $0.leaning == nil })
    }

    @Test func widestDisagreementsComeFirst() {
        // Ranges: agent-area pair 6 spans 1…3; pairs 3 and 10 agree; the rest span one level.
        let widest = CoderAgreement.widestDisagreements(Self.coaches, limit: 3)
        #expect(widest.map(\.unit) == [6, 0, 1])
        #expect(widest.first?.lowest == 1 && widest.first?.highest == 3 && widest.first?.range == 2)
        #expect(CoderAgreement.widestDisagreements(Self.coaches, limit: 20).count == 10)
    }
}
