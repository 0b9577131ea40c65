import Foundation
import Testing

@testable import SkillsCore

@Suite struct TextWidthTests {
    @Test func cellsCountWhatATerminalDraws() {
        #expect(TerminalCells.count("plain") == 5)
        // e + combining acute: one cell, two scalars.
        #expect(TerminalCells.count("cafe\u{301}") == 4)
        // CJK ideographs and Hangul take two cells each.
        #expect(TerminalCells.count("日本語") == 6)
        #expect(TerminalCells.count("한국") == 4)
        #expect(TerminalCells.count("█░▏") == 3)
        #expect(TerminalCells.count("a\u{200D}b") == 2)
    }

    @Test func wrappingKeepsEveryLineWithinTheWidthInCells() {
        let text =
            "Le client a expliqué le problème deux fois; l'agent a répondu très vite. "
            + "日本語の顧客 対応"
        let wrapped = TextStyle.wrap(text, width: 20, indent: "  ")
        for line in wrapped.split(separator: "\n") { #expect(TerminalCells.count(line) <= 20, "\(line)") }
        // By hand: room 18; "Le client a" (11) + " expliqué" (9) = 20 > 18, so "expliqué" starts line 2.
        #expect(wrapped.split(separator: "\n").first == "  Le client a")
        #expect(wrapped.split(separator: "\n").dropFirst().first == "  expliqué le")
    }

    @Test func aBulletsLinesAllFitThoughItsIndentsDiffer() {
        let style = TextStyle(width: 30)
        let text = "Before closing each contact, ask yourself what this customer will need next and say it."
        let lines = style.wrap(text, first: "  ", rest: "        ").split(separator: "\n")
        for line in lines { #expect(line.count <= 30, "\(line)") }
        // By hand: the first line has 28 cells of room, the rest 22.
        #expect(lines.first == "  Before closing each contact,")
        #expect(lines.dropFirst().first == "        ask yourself what this")
    }

    @Test func aWordLongerThanTheLineStaysWhole() {
        let url = "https://example.org/a/very/long/path/that/cannot/be/broken"
        let wrapped = TextStyle.wrap("See \(url) for more", width: 20, indent: "")
        #expect(wrapped.split(separator: "\n").map(String.init) == ["See", url, "for more"])
    }

    /// Each word is measured once: the characters measured are the text's own, so the work
    /// grows with the text, where re-measuring the line for every word grew with its square.
    @Test func wrappingMeasuresEachWordOnceSoItIsLinear() {
        func measured(words: Int) -> (measured: Int, characters: Int) {
            let text = (0..<words).map { ["customer", "asked", "about", "delivery", "a"][$0 % 5] }.joined(
                separator: " ")
            var count = 0
            _ = TextStyle.wrap(text, width: 60, first: "  • ", rest: "    ", bytes: false) { word in
                count += word.count
                return TerminalCells.count(word)
            }
            return (count, text.count)
        }
        let small = measured(words: 1_000)
        let large = measured(words: 10_000)
        #expect(small.measured <= small.characters)
        #expect(large.measured <= large.characters)
        // Ten times the words, ten times the work (the spaces aside): 10,000 words ≈ 10 × 1,000.
        #expect(large.measured == 10 * small.measured)
    }

    /// Text whose spaces stand alone is wrapped on its bytes: the same lines as splitting it into
    /// characters, for runs of spaces, leading and trailing spaces, words longer than the line,
    /// bullets wider than one byte, wide and zero-width characters, and a combining mark after a
    /// space (which keeps the text on the characters' way).
    @Test func textWrapsOnBytesAsOnCharacters() {
        var generator = SplitMix64(seed: 7)
        let words = [
            "a", "customer", "asked", "", "", "https://example.org/a/very/long/path", "I'll", "-", "42%", "café",
            "—", "·", "naïve", "日本語", "👍🏽", "\u{301}", "e\u{301}", "tab\there", "▇▃", "\u{AD}",
        ]
        #expect(!TextStyle.spacesStandAlone("a \u{301}b"))
        #expect(TextStyle.spacesStandAlone("Listening — 62 · “good”"))
        for round in 0..<2_000 {
            let count = Int(generator.next() % 30)
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(
                separator: " ")
            let width = 8 + Int(generator.next() % 60)
            let (first, rest) = round % 2 == 0 ? ("  • ", "    ") : ("", "")
            let general = TextStyle.wrap(
                text, width: width, first: first, rest: rest, bytes: false, cells: TerminalCells.count)
            let bytes = TextStyle.wrap(text, width: width, first: first, rest: rest, cells: TerminalCells.count)
            #expect(bytes == general, "width \(width): '\(text)'")
        }
    }

    @Test func entriesBreakBetweenEntriesNotWithin() {
        let style = TextStyle(width: 40)
        let scale = ["1 Not at all", "2 Rarely", "3 Sometimes", "4 Mostly", "5 Every time"]
        let lines = style.wrap(entries: scale, first: "  ", rest: "    ").split(separator: "\n").map(String.init)
        // By hand: "  1 Not at all · 2 Rarely · 3 Sometimes" is 39 cells; adding " · 4 Mostly" passes 40.
        #expect(lines == ["  1 Not at all · 2 Rarely · 3 Sometimes", "    4 Mostly · 5 Every time"])
    }

    @Test func aTableWiderThanTheWidthFoldsIntoOneBlockPerRow() {
        let rows = [["NAME", "OVERALL", "LEVEL"], ["Ana", "62", "Proficient"], ["Bo", "41", "Developing"]]
        #expect(TextTable.render(rows, rightAligned: [1], width: 25) == TextTable.render(rows, rightAligned: [1]))
        let folded = TextTable.render(rows, rightAligned: [1], width: 24)
        #expect(
            folded == """
                Ana
                  OVERALL  62
                  LEVEL    Proficient

                Bo
                  OVERALL  41
                  LEVEL    Developing
                """)
    }

    @Test func areaCodesAreShortAndDistinct() {
        let codes = AreaCodes(
            ids: ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"],
            names: ["Listening", "Anticipating needs", "Communicating", "Empathy", "Going above and beyond"])
        #expect(codes.codes == ["LIS", "ANT", "COM", "EMP", "ABO"])
        #expect(AreaCodes(ids: ["care", "calm", "cares"], names: ["", "", ""]).codes == ["CARE", "CALM", "CARES"])
    }

    @Test func timesAreShownInTheZoneWithItsName() {
        let moment = Date(timeIntervalSince1970: 1_795_458_600)  // 2026-11-23T18:30:00Z
        #expect(TextStyle.date(moment) == "2026-11-23 18:30 UTC")
        let offset = TextStyle(timeZone: Zone(secondsFromGMT: 19_800)!)
        // +05:30 with no name: 18:30 + 5:30 = 00:00 the next day.
        #expect(offset.date(moment) == "2026-11-24 00:00 +05:30")
        let named = TextStyle(timeZone: Zone.named("Asia/Kolkata")!)
        #expect(named.date(moment) == "2026-11-24 00:00 IST")
        // The tz database names São Paulo's time "-03", which is shown as an offset.
        let numeric = TextStyle(timeZone: Zone.named("America/Sao_Paulo")!)
        #expect(numeric.date(moment) == "2026-11-23 15:30 -03:00")
    }

    @Test func aBareDayIsMidnightInTheGivenZone() throws {
        let kolkata = Zone.named("Asia/Kolkata")!
        // Midnight in Kolkata is 18:30 UTC the day before.
        #expect(ISODate.parse("2026-11-24", dayIn: kolkata) == ISODate.parse("2026-11-23T18:30:00Z"))
        // A full time keeps its own offset.
        #expect(ISODate.parse("2026-11-24T10:00:00Z", dayIn: kolkata) == ISODate.parse("2026-11-24T10:00:00Z"))
        // New York on the day the clocks went back (2026-11-01): midnight was still EDT, 04:00 UTC.
        let newYork = Zone.named("America/New_York")!
        #expect(ISODate.parse("2026-11-01", dayIn: newYork) == ISODate.parse("2026-11-01T04:00:00Z"))
    }

    /// Three years of daily check-ins: the trend lines show the latest that fit, not all 1,100.
    @Test func aLongHistoryFitsTheWidth() throws {
        let checkin = try Fixture.builtin("shift-checkin")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var results: [AssessmentResult] = []
        for day in 0..<1_100 {
            let answers: [Response] = (0..<10).map { item in Response.rating(1 + (day + item) % 5) }
            let when = start.addingTimeInterval(Double(day) * 86_400)
            results.append(Fixture.result(checkin, answers + [Response.skipped], at: when))
        }
        let history = try #require(HistoryBuilder.build(results, framework: Fixture.framework))
        let text = HistoryRenderer.text(history, style: TextStyle(width: 60))
        let wide = text.split(separator: "\n").filter { $0.count > 60 }
        #expect(wide.isEmpty, "\(wide)")
        #expect(text.contains("Overall  …"))
    }
}
