import Foundation
import Testing

@testable import SkillsCore

/// The shortcuts taken for ASCII text on the class summary's hot paths give what the general
/// code gives.
@Suite struct FastPathsTests {
    static let names = [
        "Ana", "ana", " Ana ", "ANA", "Ana\t", "Ana B", "ana b", "Anab", "An", "B", "b", "", " ", "Zoë", "zoe",
        "Ánа",
        "Strauß", "STRAUSS", "a\u{0B}", "\tana", "Ana1", "Ana[", "Ana_", "Ana`", "ana{", "A-na", "a na",
    ]

    @Test func namesAreOrderedAsTheirKeysAre() {
        for a in Self.names {
            for b in Self.names {
                #expect(PersonName.ordered(a, b) == (PersonName.key(a) < PersonName.key(b)), "\(a) | \(b)")
            }
        }
    }

    @Test func printableASCIIIsOneCellAByteAndShownAsItIs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = String(
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                    Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
                })
            #expect(TerminalCells.count(text) == text.unicodeScalars.reduce(0) { $0 + TerminalCells.count($1) })
            #expect(TextSafety.visible(text) == text)
        }
        #expect(TerminalCells.count("a\u{7F}b") == 2)
        #expect(TextSafety.visible("a\u{7F}b") == "a^?b")
        #expect(TextSafety.visible("a\tb") == "a b")
    }

    /// The oracle is Foundation's own `ISO8601DateFormatter`, which `ISODate.string` used to make
    /// per call: the same text for whole and fractional seconds, both sides of 1970 and of 2001,
    /// leap days, the last second of a year, the ends of the years a result may have, and year 1.
    @Test func isoTimesAreWrittenAsTheFormatterWritesThem() {
        var generator = SystemRandomNumberGenerator()
        let formatter = ISO8601DateFormatter()
        var seconds: [Double] = [
            0, -0.5, -1, 0.999, 951_782_400, 951_868_799.75, 1_767_225_599.999, 1_767_225_600,
            ISODate.parse("1970-01-01")!.timeIntervalSince1970,
            ISODate.parse("2999-12-31T23:59:59Z")!.timeIntervalSince1970,
            -62_135_596_800, 253_402_300_799,
        ]
        for _ in 0..<2_000 { seconds.append(Double.random(in: -2e9...3.3e10, using: &generator)) }
        for _ in 0..<2_000 {
            seconds.append(Double(Int.random(in: -11_000_000_000...250_000_000_000, using: &generator)))
        }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(ISODate.string(date) == formatter.string(from: date), "\(value)")
        }
    }

    /// The class order (score, highest first, no score last; then name as `PersonName.key`
    /// orders it; then the order the rows came in) made the slow, obvious way and compared
    /// with the two-pass sort the class summary uses.
    @Test func participantsAreOrderedByScoreThenName() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 7, 100, 1_000] {
            let scores: [Double?] = (0..<size).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? nil : Double(Int.random(in: 0...12, using: &generator))
            }
            let names = (0..<size).map { _ in Self.names.randomElement(using: &generator)! }
            let rows = Int32(0)..<Int32(size)
            let expected = rows.map { Int($0) }.sorted { a, b in
                let p = scores[a] ?? -.infinity
                let q = scores[b] ?? -.infinity
                if p != q { return p > q }
                let (x, y) = (PersonName.key(names[a]), PersonName.key(names[b]))
                return x != y ? x < y : a < b
            }
            let order = ClassSummaryBuilder.participantOrder(
                rows, overall: { scores[Int($0)] }, name: { names[Int($0)] })
            #expect(order.map { Int($0) } == expected, "\(size)")
        }
    }
}
