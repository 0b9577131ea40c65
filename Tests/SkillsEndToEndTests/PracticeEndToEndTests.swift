import Foundation
import Testing

@testable import SkillsCore

/// `skills practice` run as a person would, over simulated days (`SKILLS_NOW`): the quiz is
/// taken on 2026-11-23 with two questions missed (q-listen-1, best answer B; q-listen-2, best
/// answer C, as Data/questionnaires/scenario-quiz.json writes them). Due days worked by hand
/// from the intervals 1, 2, 4, 8, 16: right on 11-23 → due 11-25 → 11-29 → 12-07 → 12-23 →
/// retired.
@Suite struct PracticeEndToEndTests {
    static let one = "scenario-quiz/q-listen-1"
    static let two = "scenario-quiz/q-listen-2"
    /// Their opening words, to tell which questions a session asked.
    static let oneText = "My bill is wrong this month"
    static let twoText = "Your app is useless"

    let store = SkillsBinary.temporaryFolder()

    func run(_ arguments: [String], on day: String, stdin: String = "", environment: [String: String] = [:]) throws
        -> SkillsRun
    {
        try SkillsBinary.run(
            arguments + ["--store", store.path], stdin: stdin,
            environment: ["SKILLS_NOW": "\(day)T10:00:00Z", "TZ": "UTC"].merging(environment) { _, new in new })
    }

    func answersFile(_ lines: String) throws -> String {
        let url = SkillsBinary.temporaryFolder().appendingPathComponent("answers.txt")
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The quiz with q-listen-1 and q-listen-2 both answered A (wrong).
    func takeQuizMissingTwo() throws {
        let take = try run(
            [
                "take", "scenario-quiz", "--name", "Ana", "--answers-file",
                answersFile("q-listen-1: A\nq-listen-2: A\n"),
            ],
            on: "2026-11-23")
        #expect(take.status == 0, "\(take.stderr)")
    }

    func status(on day: String) throws -> PracticeStatus {
        let run = try run(["practice", "--name", "Ana", "--status", "--format", "json"], on: day)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONFile.decode(PracticeStatus.self, from: Data(run.stdout.utf8), file: "status")
    }

    func practise(_ answers: String, on day: String, count: Int = 5) throws -> (SkillsRun, PracticeSummary) {
        let run = try run(
            [
                "practice", "--name", "Ana", "--count", String(count), "--answers-file", answersFile(answers),
                "--format", "json",
            ], on: day)
        #expect(run.status == 0, "\(run.stderr)")
        return (run, try JSONFile.decode(PracticeSummary.self, from: Data(run.stdout.utf8), file: "summary"))
    }

    @Test func aMissedQuestionComesBackOnItsDueDaysOnlyAndRetiresAfterTheLastBox() throws {
        try takeQuizMissingTwo()
        // Day 0: both missed questions are asked; one right, one wrong.
        let (first, day0) = try practise("q-listen-1: B\nq-listen-2: A\n", on: "2026-11-23", count: 2)
        #expect(first.stderr.contains(Self.oneText) && first.stderr.contains(Self.twoText))
        #expect(first.stderr.contains("Useful in general, but you don't yet know what they were looking for."))
        #expect(first.stderr.contains("Best answer: C)"))
        let byKey = Dictionary(uniqueKeysWithValues: day0.answers.map { ($0.question, $0) })
        #expect(byKey[Self.one]?.correct == true)
        #expect(byKey[Self.one]?.box == 2)
        #expect(byKey[Self.one]?.due == CalendarDay(iso: "2026-11-25"))
        // The wrong one is back in box 1, due the next day.
        #expect(byKey[Self.two]?.correct == false)
        #expect(byKey[Self.two]?.box == 1)
        #expect(byKey[Self.two]?.due == CalendarDay(iso: "2026-11-24"))

        // Day 1: q-listen-2 is due, q-listen-1 is not; a full session never asks it.
        #expect(try status(on: "2026-11-24").session.contains(Self.two))
        let (day1, _) = try practise("q-listen-2: C\n", on: "2026-11-24")
        #expect(!day1.stderr.contains(Self.oneText))

        // q-listen-1, right each time it is due: never due the day before, due on the day.
        for (due, before) in [
            ("2026-11-25", "2026-11-24"), ("2026-11-29", "2026-11-28"), ("2026-12-07", "2026-12-06"),
            ("2026-12-23", "2026-12-22"),
        ] {
            #expect(!(try status(on: before).session.contains(Self.one)), "not due on \(before)")
            #expect(try status(on: due).session.contains(Self.one), "due on \(due)")
            let (_, summary) = try practise("q-listen-1: B\n", on: due)
            #expect(summary.answers.map(\.question) == [Self.one])
        }
        let end = try status(on: "2026-12-23")
        #expect(end.retired == 1)
        #expect(!end.session.contains(Self.one))
        let text = try run(["practice", "--name", "Ana", "--status"], on: "2026-12-23")
        #expect(text.stdout.contains("retired: 1"))
        // Never asked again.
        #expect(!(try status(on: "2027-06-01").session.contains(Self.one)))
        // Practice answers are not results.
        #expect(SkillsBinary.results(in: store).count == 1)
    }

    @Test func twoPracticeRunsAtOnceBothKeepTheirAnswers() async throws {
        try takeQuizMissingTwo()
        // Each run holds the lock for a second after reading: without it, the later write
        // would carry the other's stale copy and lose its answer.
        let slow = ["SKILLS_TEST_PRACTICE_PAUSE": "1"]
        // By id: whichever answers first changes what the other's session holds.
        let practice = ["practice", "--name", "Ana", "--count", "2", "--answers-file"]
        let oneRight = try answersFile("q-listen-1: B\n")
        let twoWrong = try answersFile("q-listen-2: A\n")
        async let right = run(practice + [oneRight], on: "2026-11-23", environment: slow)
        async let wrong = run(practice + [twoWrong], on: "2026-11-23", environment: slow)
        let (a, b) = try await (right, wrong)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("practice").path)
                .first { $0.hasSuffix(".json") })
        let progress = try JSONFile.decode(
            PracticeProgress.self,
            from: Data(contentsOf: store.appendingPathComponent("practice").appendingPathComponent(file)), file: file)
        #expect(progress.schedule.cards[Self.one]?.box == 2)
        #expect(
            progress.schedule.cards[Self.two] == .init(box: 1, due: CalendarDay(iso: "2026-11-24")!, retired: false))
    }

    @Test func atATerminalOptionsAreShuffledAsInTheQuizAndEachAnswerGetsFeedback() throws {
        try takeQuizMissingTwo()
        // Ana sees q-listen-1's options in her own order; B (authored index 1) is shown at:
        let shown = QuizForms.optionOrder(person: "Ana", item: "q-listen-1", count: 4).firstIndex(of: 1)!
        let letter = OptionLetters.letter(shown)
        let command = ([SkillsBinary.url.path, "practice", "--name", "Ana", "--count", "2", "--store", store.path])
            .map { "'\($0)'" }.joined(separator: " ")
        let run = try SkillsBinary.run(
            ["-qec", command, "/dev/null"], stdin: "?\nZ\n\(letter)\nq\n",
            environment: ["TERM": "xterm", "SKILLS_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC"],
            executable: URL(fileURLWithPath: TerminalTests.script))
        #expect(run.status == 130)
        #expect(run.stdout.contains("1/2 · Listening · box 1"))
        #expect(run.stdout.contains("Answer with the letter of the option you would choose."))
        #expect(run.stdout.contains("'Z' is not an option"))
        #expect(run.stdout.contains("Right."))
        #expect(run.stdout.contains("Up to box 2: it comes back on 2026-11-25."))
        #expect(run.stdout.contains("Stopped at question 2 of 2; the 1 answered so far are kept"))
        let after = try status(on: "2026-11-23")
        #expect(after.session.first == Self.two)
        #expect(after.areas.first?.boxes == [1, 1, 0, 0, 0])
    }

    @Test func theDayIsTheCalendarDayOfTheTimeZone() throws {
        try takeQuizMissingTwo()
        // 20:00 UTC on 11-23 is already 10:00 on 11-24 at UTC+14.
        let run = try SkillsBinary.run(
            ["practice", "--name", "Ana", "--status", "--format", "json", "--store", store.path],
            environment: ["SKILLS_NOW": "2026-11-23T20:00:00Z", "TZ": "Pacific/Kiritimati"])
        let status = try JSONFile.decode(PracticeStatus.self, from: Data(run.stdout.utf8), file: "status")
        #expect(status.day == CalendarDay(iso: "2026-11-24"))
    }

    @Test func nothingToPractisePointsToTheQuiz() throws {
        let empty = try run(["practice"], on: "2026-11-23")
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("Nothing to practise") && empty.stdout.contains("skills take scenario-quiz"))
        // A quiz with nothing missed: still nothing.
        let allRight = try run(
            ["take", "scenario-quiz", "--name", "tester", "--answers-file", answersFile("q-listen-1: B\n")],
            on: "2026-11-23")
        #expect(allRight.status == 0)
        let after = try run(["practice"], on: "2026-11-23")
        #expect(after.status == 0)
        #expect(after.stdout.contains("Nothing to practise: no missed quiz questions yet."))
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("practice").path))
    }

    @Test func badInputIsOneLineAndADamagedProgressFileIsKept() throws {
        try takeQuizMissingTwo()
        for count in ["0", "51", "x", "-1"] {
            let bad = try run(["practice", "--name", "Ana", "--count", count], on: "2026-11-23")
            #expect(bad.status == 64, "--count \(count)")
            #expect(bad.stderrLines.first?.hasPrefix("Error: --count") == true)
        }
        let both = try run(["practice", "--name", "Ana", "--status", "--answers", "B"], on: "2026-11-23")
        #expect(both.status == 64)
        let unknown = try run(["practice", "--name", "Bob"], on: "2026-11-23")
        #expect(unknown.status == 66)
        #expect(unknown.stderrLines == ["Error: no results for 'Bob'; the store has results for Ana: check --name"])
        let notToday = try run(
            ["practice", "--name", "Ana", "--answers-file", answersFile("q-anticipate-1: B\n")], on: "2026-11-23")
        #expect(notToday.status == 65)
        #expect(notToday.stderrLines.count == 1)
        #expect(notToday.stderr.contains("'q-anticipate-1' is not in today's practice"))

        _ = try run(["practice", "--name", "Ana", "--count", "1", "--answers", "B"], on: "2026-11-23")
        let folder = store.appendingPathComponent("practice")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") })
        let file = folder.appendingPathComponent(name)
        let damaged = Data("{\"format\": 1, \"person\": \"Ana\", \"schedule\": ".utf8)
        try damaged.write(to: file)
        for arguments in [["practice", "--name", "Ana", "--answers", "B"], ["practice", "--name", "Ana", "--status"]] {
            let run = try run(arguments, on: "2026-11-24")
            #expect(run.status == 65)
            #expect(run.stderrLines.count == 1)
            #expect(run.stderr.contains(name) && run.stderr.contains("kept as it is"))
            #expect(!run.stderr.contains("Fatal"))
        }
        #expect(try Data(contentsOf: file) == damaged)
    }
}
