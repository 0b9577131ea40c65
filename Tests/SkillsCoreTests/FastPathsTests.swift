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
}
