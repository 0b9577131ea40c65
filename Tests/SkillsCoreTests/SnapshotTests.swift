import Foundation
import Testing

@testable import SkillsCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden files for every report format, in Snapshots/ beside this file. To re-record
/// after an intended change: `SKILLS_RECORD_SNAPSHOTS=1 swift test`, then review the diff.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func expectSnapshot(_ text: String, named name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SKILLS_RECORD_SNAPSHOTS"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs; re-record with SKILLS_RECORD_SNAPSHOTS=1 if the change is intended")
    }

    /// A check-in with a previous result, a target, and a reflection written by someone
    /// who tries markup in every field.
    static func checkinReport(person: String = "Ana <b>&</b>") throws -> DevelopmentReport {
        let checkin = try Fixture.builtin("shift-checkin")
        let before = ResultBuilder.build(
            questionnaire: checkin, responses: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3].map(Response.rating) + [.skipped],
            person: person, takenAt: Fixture.date, framework: Fixture.framework, id: "before")
        let now = ResultBuilder.build(
            questionnaire: checkin,
            responses: [4, 5, 2, 3, 4, 2, 5, 4, 3, 4].map(Response.rating) + [.text("A *caller* said | \"thanks\" <3")],
            person: person, takenAt: Fixture.date.addingTimeInterval(86_400), framework: Fixture.framework, id: "now")
        return ReportBuilder.build(now, previous: before, targets: ["listening": 70], framework: Fixture.framework)
    }

    /// A form of the quiz bank, its options shown shuffled, so the missed questions give
    /// the letters as Ben saw them.
    static func quizReport() throws -> DevelopmentReport {
        let bank = try Fixture.builtin("scenario-quiz")
        let quiz = QuizForms.named("snapshot", bank: bank)
        let answers = "A,A,D,B,C,D,A,C,B,B,D,A,-,B,D".split(separator: ",").map(String.init)
        let responses = zip(quiz.items, answers).map { item, answer in
            try! AnswerParser.parse(
                answer, for: item, in: item.context(in: quiz, framework: Fixture.framework)
            ).get()
        }
        let result = ResultBuilder.build(
            questionnaire: quiz, responses: responses, person: "Ben", takenAt: Fixture.date,
            framework: Fixture.framework, id: "quiz", bank: bank,
            optionOrders: ShuffledOptions(form: quiz, person: "Ben").orders)
        return ReportBuilder.build(result, framework: Fixture.framework)
    }

    @Test func textReport() throws {
        try expectSnapshot(TextReportRenderer().render(Self.checkinReport()), named: "checkin.txt")
        try expectSnapshot(TextReportRenderer().render(Self.quizReport()), named: "quiz.txt")
    }

    @Test func markdownReport() throws {
        try expectSnapshot(MarkdownReportRenderer().render(Self.checkinReport()), named: "checkin.md")
    }

    @Test func jsonReport() throws {
        try expectSnapshot(
            String(decoding: try JSONFile.encode(Self.checkinReport()), as: UTF8.self) + "\n", named: "checkin.json")
    }

    @Test func htmlReport() throws {
        try expectSnapshot(
            HTMLReportRenderer(levels: Fixture.framework.levels).render(Self.checkinReport()), named: "checkin.html")
        try expectSnapshot(
            HTMLReportRenderer(levels: Fixture.framework.levels).render(Self.quizReport()), named: "quiz.html")
    }

    @Test func htmlIsWellFormedWithAChartAndNoScriptFromAName() throws {
        let html = HTMLReportRenderer(levels: Fixture.framework.levels).render(
            try Self.checkinReport(person: "<script>alert(1)</script>"))
        let document = try XMLDocument(data: Data(html.utf8), options: [])
        let svg = try document.nodes(forXPath: "//*[local-name()='svg']")
        #expect(svg.count == 1)
        #expect(try document.nodes(forXPath: "//*[local-name()='rect']").count == 5)
        #expect(try document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let h1 = try document.nodes(forXPath: "//*[local-name()='h1']").first?.stringValue
        #expect(h1 == "Development report: <script>alert(1)</script>")  // shown as text, not run
        // Only the XML namespaces.
        #expect(!html.replacingOccurrences(of: "http://www.w3.org", with: "").contains("http://"))
        #expect(!html.contains("https://"))
    }

    @Test func markdownEscapesFormattingInUserText() throws {
        let markdown = MarkdownReportRenderer().render(try Self.checkinReport())
        #expect(markdown.contains("# Development report: Ana \\<b\\>&\\</b\\>"))
        #expect(markdown.contains("A \\*caller\\* said \\| \"thanks\" \\<3"))
    }
}
