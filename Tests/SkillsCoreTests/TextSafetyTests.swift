import Foundation
import Testing

@testable import SkillsCore

@Suite struct TextSafetyTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{1B}]0;title\u{7}", "^[]0;title^G"),
        ("a\nb", "a^Jb"),
        ("\u{202E}evil", "\\u{202e}evil"),
        ("tab\there", "tab here"),
    ])
    func controlCharactersAreShownVisibly(input: String, shown: String) {
        #expect(TextSafety.visible(input) == shown)
    }

    @Test(arguments: [("Ana María", "ana-maria"), ("../../x", "x"), ("   ", "anonymous"), ("O'Brien", "o-brien")])
    func fileNameSlugsAreLettersDigitsAndDashes(name: String, slug: String) {
        #expect(TextSafety.slug(name) == slug)
    }

    @Test func personNamesThatWouldBreakReportsAreRefused() throws {
        #expect(try PersonName.validate("  Ana  ") == "Ana")
        #expect(throws: SkillsError.self) { try PersonName.validate("   ") }
        #expect(throws: SkillsError.self) { try PersonName.validate(String(repeating: "x", count: 10_000)) }
        #expect(throws: SkillsError.self) { try PersonName.validate("Ana\u{1B}[2J") }
    }

    @Test func suggestionsFindCloseWordsOnly() {
        #expect(Suggestion.closest(to: "tkae", in: ["take", "list"]) == "take")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["take", "list"]) == nil)
    }

    @Test func anASCIINameIsSluggedAsFoundationFoldsIt() {
        var names = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        names += ["Agent 000000", "ANA-María", "O'Neil \"Ed\"", "  --Bob__Smith--  ", "Zz09AZaz", "\t\n\u{7F}x"]
        for name in names {
            var expected = ""
            for scalar in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                .unicodeScalars
            {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                    expected.unicodeScalars.append(scalar)
                } else if !expected.isEmpty && !expected.hasSuffix("-") {
                    expected += "-"
                }
                if expected.count >= 32 { break }
            }
            while expected.hasSuffix("-") { expected.removeLast() }
            #expect(TextSafety.slug(name) == (expected.isEmpty ? "anonymous" : expected), "\(name)")
        }
    }
}
