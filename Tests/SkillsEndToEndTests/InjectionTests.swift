import Foundation
import Testing

@testable import SkillsCore

/// Names, reflections and questionnaire text are data: they cannot choose where a file is
/// written, drive the terminal, become HTML, or start a spreadsheet formula.
@Suite struct InjectionTests {
    static let escape = "\u{1B}]0;owned\u{7}\u{1B}[2J"

    @Test func reflectionsAndEditedNamesCannotDriveTheTerminal() throws {
        let store = SkillsBinary.temporaryFolder()
        let take = try SkillsBinary.run([
            "take", "shift-checkin", "--store", store.path, "--answers", "3,3,3,3,3,3,3,3,3,3,hi\(Self.escape)",
        ])
        #expect(take.status == 0)
        #expect(!take.stdout.contains("\u{1B}"))
        #expect(take.stdout.contains("hi^[]0;owned^G^[[2J"))
        // A result file edited by hand to carry escapes in the name is shown visibly too.
        let file = store.appendingPathComponent("results/" + SkillsBinary.results(in: store)[0])
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "\"person\" : \"tester\"", with: "\"person\" : \"t\\u001b[31mx\"")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        for arguments in [
            ["report", file.path], ["class", file.deletingLastPathComponent().path],
            ["history", "--store", store.path],
        ] {
            let run = try SkillsBinary.run(arguments)
            #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"), "\(arguments[0])")
        }
    }

    @Test func questionnaireTextIsShownVisiblyAndEscapedInHTML() throws {
        let folder = SkillsBinary.temporaryFolder()
        let show = try SkillsBinary.run(["show", "shift-checkin", "--format", "json"])
        let hostile = show.stdout
            .replacingOccurrences(of: "After-shift check-in", with: "Check-in \\u001b[2J<script>alert(1)</script>")
            .replacingOccurrences(
                of: "This shift, I let customers finish",
                with: "<img src=x onerror=alert(1)> This shift, I let customers finish")
        let file = folder.appendingPathComponent("hostile.json")
        try hostile.write(to: file, atomically: true, encoding: .utf8)
        let list = try SkillsBinary.run(["show", file.path])
        #expect(list.status == 0)
        #expect(!list.stdout.contains("\u{1B}"))
        let html = try SkillsBinary.run([
            "take", file.path, "--no-save", "--answers", "1,5,5,1,5,1,5,1,5,5", "--format", "html",
        ])  // listening lowest: its items are quoted
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<script>") && !html.stdout.contains("<img"))
        #expect(html.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(
            try XMLDocument(data: Data(html.stdout.utf8), options: []).nodes(
                forXPath: "//*[local-name()='script' or local-name()='img']"
            ).isEmpty)
    }

    @Test(arguments: ["=1+1", "+1", "-1+2", "-12.5", "@SUM(A1)", "\tx", "\rx"])
    func csvCellsCannotStartAFormula(cell: String) {
        let escaped = Escaping.csv(cell)
        #expect(escaped.hasPrefix("'") || escaped.hasPrefix("\"'"))
    }

    @Test func csvQuotesCellsWithCommasQuotesAndNewlines() {
        #expect(Escaping.csv("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(Escaping.csv("12.5") == "12.5")
        // Every way of breaking a line, including "\r\n" (one Character in Swift, equal to
        // neither "\r" nor "\n"): unquoted, a reflection's line break would start a new row.
        for text in ["one\ntwo", "one\rtwo", "one\r\ntwo", "é,è", "naïve \"quote\""] {
            let escaped = Escaping.csv(text)
            #expect(escaped.hasPrefix("\"") && escaped.hasSuffix("\""), "\(text.debugDescription)")
        }
        #expect(Escaping.csv("naïve café") == "naïve café")
    }
}
