import Foundation
import Testing

/// Reports that read right (issue 14, item 2), end to end with the built binary. Check-in
/// items 2, 6 and 8 are reverse-keyed (a low answer is the good one); an area is the mean of
/// its two items' points over 4, as a percent.
@Suite struct ReportWordingTests {
    static func take(_ answers: String, format: String) throws -> SkillsRun {
        try SkillsBinary.run(
            ["take", "shift-checkin", "--name", "Rev", "--no-save", "--answers", answers, "--format", format])
    }

    static func json(_ run: SkillsRun) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any] ?? [:]
    }

    @Test("a good answer to a reverse-keyed item never explains an action")
    func reverseKeyedGoodAnswer() throws {
        // Listening: 5 (4 points) and "Rarely" to "customers had to repeat things I had missed"
        // (reverse-keyed 2 → 3 points): (4 + 3)/8 = 88, the lowest area (the rest 100), so the
        // focus. "Rarely" is the good answer there and must not be the reason.
        let run = try Self.take("5,2,5,5,5,1,5,1,5,5,-", format: "json")
        let report = Self.json(run)
        #expect(report["focusAreas"] as? [String] == ["listening"])
        let plan = report["plan"] as? [[String: Any]] ?? []
        #expect(!plan.isEmpty)
        #expect(plan.allSatisfy { ($0["because"] as? [Any])?.isEmpty == true })
        let text = try Self.take("5,2,5,5,5,1,5,1,5,5,-", format: "text")
        #expect(!text.stdout.contains("Rarely"))
        #expect(!text.stdout.contains("because"))
    }

    @Test("the reason quotes the scale's word, once per answer")
    func reasonInTheScalesWords() throws {
        // Empathy: 3 ("Sometimes", 2 points) and "Every time" to "I grew short with a frustrated
        // customer" (reverse-keyed 5 → 0 points): 2/8 = 25, the focus.
        let run = try Self.take("5,1,5,5,5,1,3,5,5,5,-", format: "markdown")
        #expect(
            run.stdout.contains(
                "*Because you said “Every time” to “This shift, I grew short with a frustrated customer.”.*"))
        #expect(
            run.stdout.contains(
                "*Because you said “Sometimes” to “This shift, I acknowledged customers' feelings before moving "
                    + "to the fix.”.*"
            ))
        #expect(run.stdout.contains("*For the same answer.*"))
        #expect(!run.stdout.contains("you answered"))
        let text = try Self.take("5,1,5,5,5,1,3,5,5,5,-", format: "text")
        let lines = text.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(lines.filter { $0.hasPrefix("because") }).count == lines.filter { $0.hasPrefix("because") }.count)
        let html = try Self.take("5,1,5,5,5,1,3,5,5,5,-", format: "html")
        #expect(html.stdout.contains("Because you said “Every time” to"))
    }

    @Test("areas that tie are named, never split silently between strengths and focus")
    func tiesStated() throws {
        // Every area 75 (4s, and 2 on the reverse-keyed items).
        let run = try Self.take("4,2,4,4,4,2,4,2,4,4,-", format: "json")
        let report = Self.json(run)
        let focus = report["focusAreas"] as? [String] ?? []
        let tied = report["tiedWithFocus"] as? [String] ?? []
        #expect(focus.count == 2)
        #expect(report["strengths"] as? [String] == [])
        #expect(
            Set(focus + tied) == ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"])
        let text = try Self.take("4,2,4,4,4,2,4,2,4,4,-", format: "text")
        #expect(text.stdout.contains("Strengths: none above the focus areas"))
        let flat = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Tied: "))
        #expect(flat.contains("also score 75, as a focus area does"))

        // Four areas at 100 and Listening at 88: two strengths named, the other two stated.
        let strong = Self.json(try Self.take("5,2,5,5,5,1,5,1,5,5,-", format: "json"))
        #expect((strong["strengths"] as? [String])?.count == 2)
        #expect((strong["tiedWithStrengths"] as? [String])?.count == 2)
    }

    @Test("a quiz report shows each missed question's own feedback and repeats no line")
    func quizReview() throws {
        let run = try SkillsBinary.run([
            "take", "scenario-quiz", "--name", "Q", "--no-save", "--form", ClassTests.form, "--answers",
            ClassTests.key.map { $0.contains("A") ? "B" : "A" }.joined(separator: ","), "--format", "json",
        ])
        let missed = Self.json(run)["missedQuestions"] as? [[String: Any]] ?? []
        #expect(missed.count == 15)
        #expect(missed.allSatisfy { ($0["feedback"] as? String)?.isEmpty == false })
        let text = try SkillsBinary.run(
            [
                "take", "scenario-quiz", "--name", "Q", "--no-save", "--form", ClassTests.form, "--answers",
                ClassTests.key.map { $0.contains("A") ? "B" : "A" }.joined(separator: ","),
            ], environment: ["COLUMNS": "400"])
        // Compared with the wrapping undone: the point is the words, not the line breaks.
        let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for question in missed {
            #expect(flat(text.stdout).contains(flat(question["feedback"] as? String ?? "-")))
        }
        // Lines of five words or more: the wrapped ends of sentences ("you do?") may well match.
        let lines = text.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.split(separator: " ").count >= 5 }
        let repeated = Dictionary(grouping: lines, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "\(repeated)")
    }
}
