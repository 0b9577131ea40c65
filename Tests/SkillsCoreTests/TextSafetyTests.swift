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
}
