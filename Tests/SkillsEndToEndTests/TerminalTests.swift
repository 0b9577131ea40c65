import Foundation
import Testing

@testable import SkillsCore

/// The binary on a real pseudo-terminal, through util-linux `script`: what a person at a
/// terminal sees and types.
@Suite struct TerminalTests {
    static let script = "/usr/bin/script"

    func onTerminal(_ arguments: [String], typing: String = "", environment: [String: String] = [:]) throws -> SkillsRun
    {
        let command = ([SkillsBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try SkillsBinary.run(
            ["-qec", command, "/dev/null"], stdin: typing,
            environment: ["TERM": "xterm"].merging(environment) { _, new in new },
            executable: URL(fileURLWithPath: Self.script))
    }

    @Test func aPersonAnswersOneQuestionAtATimeWithBackAndHints() throws {
        let store = SkillsBinary.temporaryFolder()
        // 4, then a wrong 9, then back to the first question to change it to 5, then a skip
        let typing = "4\n9\n<\n5\n-\n3\n3\n3\n3\n3\n3\n3\n3\nGreat shift\n"
        let run = try onTerminal(["take", "shift-checkin", "--name", "Ana", "--store", store.path], typing: typing)
        #expect(run.status == 0)
        #expect(run.stdout.contains("1/11 · Listening"))
        #expect(run.stdout.contains("1 Not at all · 2 Rarely · 3 Sometimes · 4 Mostly · 5 Every time"))
        #expect(run.stdout.contains("'9' is not on the scale"))
        #expect(run.stdout.contains("Your answer was: 4"))
        let files = SkillsBinary.results(in: store)
        #expect(files.count == 1)
        let result = try ResultReader.read(path: store.appendingPathComponent("results/" + files[0]).path)
        #expect(result.answers.map(\.answer).prefix(3) == ["5", nil, "3"])
        #expect(result.answers.last?.answer == "Great shift")
    }

    @Test func quittingAsksFirstAndKeepsADraftThatTheNextTakeResumes() throws {
        let store = SkillsBinary.temporaryFolder()
        let take = ["take", "shift-checkin", "--name", "Ana", "--store", store.path]
        // 4, 5; 'q' but "no, carry on"; 3; 'q' and yes.
        let first = try onTerminal(take, typing: "4\n5\nq\nn\n3\nq\ny\n")
        #expect(first.status == 130)
        #expect(first.stdout.contains("Stop here? Your answers are kept as a draft to resume later. (y/n)"))
        #expect(first.stdout.contains("Stopped at question 4 of 11; your answers so far are kept as a draft"))
        #expect(!first.stdout.contains("Error:"))
        #expect(SkillsBinary.results(in: store).isEmpty)
        // The next take offers the draft; yes resumes at question 4.
        let second = try onTerminal(take, typing: "y\n" + String(repeating: "2\n", count: 7) + "\n")
        #expect(second.status == 0)
        #expect(second.stdout.contains("You have an unfinished After-shift check-in"))
        // The question is wrapped to the terminal's width (80 here): read it as one line.
        let asked = second.stdout.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(asked.contains("(3 of 11 answered). Resume it? (Y/n)"))
        let files = SkillsBinary.results(in: store)
        #expect(files.count == 1)
        let result = try ResultReader.read(path: store.appendingPathComponent("results/" + files[0]).path)
        #expect(result.answers.map(\.answer).prefix(4) == ["4", "5", "3", "2"])
        let drafts = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("drafts").path)
        #expect(drafts.isEmpty)
    }

    @Test func enterKeepsAnEarlierAnswerAndLabelsAndNotApplicableAreAnswers() throws {
        let store = SkillsBinary.temporaryFolder()
        // 4; back; Enter keeps 4; "mostly" is 4 by its label; 'n' on the third; then 3s.
        let typing = "4\n<\n\nmostly\nn\n" + String(repeating: "3\n", count: 7) + "\n"
        let run = try onTerminal(["take", "shift-checkin", "--name", "Ana", "--store", store.path], typing: typing)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Your answer was: 4 (Enter keeps it)"))
        let files = SkillsBinary.results(in: store)
        let result = try ResultReader.read(path: store.appendingPathComponent("results/" + files[0]).path)
        #expect(result.answers.map(\.answer).prefix(3) == ["4", "4", nil])
        #expect(result.answers[2].notApplicable == true)
    }

    @Test func colourIsUsedOnATerminalUnlessTurnedOff() throws {
        let take = ["take", "shift-checkin", "--no-save", "--answers", "3,3,3,3,3,3,3,3,3,3"]
        #expect(try onTerminal(take).stdout.contains("\u{1B}["))
        #expect(!(try onTerminal(take, environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}[")))
        #expect(!(try onTerminal(take, environment: ["TERM": "dumb"]).stdout.contains("\u{1B}[")))
        #expect(!(try onTerminal(take + ["--no-color"]).stdout.contains("\u{1B}[")))
    }

    @Test func answeringFasterThanReadingIsCautioned() throws {
        let store = SkillsBinary.temporaryFolder()
        // Ten answers typed ahead arrive at once: far faster than anyone reads ten statements.
        let run = try onTerminal(
            ["take", "shift-checkin", "--name", "Ana", "--store", store.path],
            typing: String(repeating: "4\n", count: 10) + "\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("You answered faster than the statements can be read"))
        let files = SkillsBinary.results(in: store)
        let result = try ResultReader.read(path: store.appendingPathComponent("results/" + files[0]).path)
        #expect(result.responseStyle == ["too-fast"])
        let summary = try SkillsBinary.run(["class", "--store", store.path, "--format", "json"])
        #expect(summary.stdout.contains("\"too-fast\""))
    }
}
