import Foundation
import Testing

@testable import SkillsCore

/// Anonymous codes: one per person within a run, the alphabet without look-alikes, never in
/// the names' order by construction (they are drawn, not numbered).
@Suite struct AnonymizerTests {
    @Test("the same person keeps one code; different people get different codes")
    func stableWithinARun() {
        var codes = Anonymizer(generator: SplitMix64(seed: 7))
        let ana = codes.code(for: "Ana")
        #expect(codes.code(for: "ana") == ana)  // PersonName.key: case does not matter
        #expect(codes.code(for: "Ben") != ana)
        #expect(ana.wholeMatch(of: #/T-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}/#) != nil)
        #expect(codes.code(for: "Ana", prefix: "R").hasPrefix("R-"))
    }

    @Test("ten thousand people get ten thousand distinct codes")
    func distinct() {
        var codes = Anonymizer(generator: SplitMix64(seed: 1))
        let all = (0..<10_000).map { codes.code(for: "Person \($0)") }
        #expect(Set(all).count == 10_000)
    }

    @Test("two seeds give two different sets of codes: nothing fixed ties a code to a name")
    func differentSources() {
        var first = Anonymizer(generator: SplitMix64(seed: 1))
        var second = Anonymizer(generator: SplitMix64(seed: 2))
        let names = ["Ana", "Ben", "Cy", "Dee"]
        #expect(names.map { first.code(for: $0) } != names.map { second.code(for: $0) })
    }
}
