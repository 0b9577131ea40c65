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

    @Test func quittingSavesNothingAndExits130() throws {
        let store = SkillsBinary.temporaryFolder()
        let run = try onTerminal(["take", "shift-checkin", "--store", store.path], typing: "4\nq\n")
        #expect(run.status == 130)
        #expect(run.stdout.contains("stopped at question 2 of 11; nothing was saved"))
        #expect(SkillsBinary.results(in: store).isEmpty)
    }

    @Test func colourIsUsedOnATerminalUnlessTurnedOff() throws {
        let take = ["take", "shift-checkin", "--no-save", "--answers", "3,3,3,3,3,3,3,3,3,3"]
        #expect(try onTerminal(take).stdout.contains("\u{1B}["))
        #expect(!(try onTerminal(take, environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}[")))
        #expect(!(try onTerminal(take, environment: ["TERM": "dumb"]).stdout.contains("\u{1B}[")))
        #expect(!(try onTerminal(take + ["--no-color"]).stdout.contains("\u{1B}[")))
    }
}
