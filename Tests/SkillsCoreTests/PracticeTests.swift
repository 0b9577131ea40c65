import Foundation
import Testing

@testable import SkillsCore

/// Practice on missed quiz questions: what enters the schedule, which questions a session asks,
/// and the dates they come back on, worked out by hand from the intervals 1, 2, 4, 8, 16 days
/// (calendar arithmetic: November has 30 days, so 2026-11-29 + 8 days is 2026-12-07).
@Suite struct PracticeTests {
    /// A small quiz: two areas, three questions each; option B is right in every question.
    static let bank: Questionnaire = {
        let items = ["listening", "empathy"].flatMap { (area: String) in
            (1...3).map { number in
                Item(
                    id: "\(area)-\(number)", area: area, text: "A \(area) scenario (\(number)).", source: "test",
                    kind: .choice(
                        ChoiceItem(
                            options: [
                                Option(text: "Interrupt", feedback: "They had more to say."),
                                Option(text: "Listen", correct: true, feedback: "Right: you let them finish."),
                                Option(text: "Hold", feedback: "You lose their attention."),
                            ], explanation: "Listening first finds the real question.")))
            }
        }
        return Questionnaire(id: "mini-quiz", version: "1", title: "Mini quiz", kind: .quiz, items: items)
    }()
    static let banks = [bank.id: bank]
    static let quizDay = CalendarDay(iso: "2026-11-23")!

    func day(_ offset: Int) -> CalendarDay { Self.quizDay.adding(days: offset) }

    /// A quiz result on `day` answering each named item with a letter; the others not asked.
    static func result(_ answers: [String: String], on day: CalendarDay, id: String) -> AssessmentResult {
        var form = bank
        form.items = bank.items.filter { answers[$0.id] != nil }
        let responses = form.items.map { item -> Response in
            .choice([Int(answers[item.id]!.unicodeScalars.first!.value) - 65])
        }
        return ResultBuilder.build(
            questionnaire: form, responses: responses, person: "Ana",
            takenAt: Date(timeIntervalSince1970: Double(day.daysSince1970) * 86_400 + 9 * 3600),
            framework: Fixture.framework, id: id)
    }

    @Test func aMissedQuestionIsDueOnTheQuizDayThenAfterTwoFourEightAndSixteenDaysThenRetires() {
        var progress = PracticeProgress(person: "Ana")
        progress.read([Self.result(["listening-1": "A", "listening-2": "B"], on: day(0), id: "r1")])
        // Only the wrong answer enters, in box 1, due the day of the quiz.
        #expect(progress.schedule.cards.keys.sorted() == ["mini-quiz/listening-1"])
        let key = "mini-quiz/listening-1"
        // Hand-worked: right on 11-23 → box 2, due 11-25 (+2); right on 11-25 → box 3, due
        // 11-29 (+4); right on 11-29 → box 4, due 12-07 (+8); right on 12-07 → box 5, due 12-23
        // (+16); right on 12-23 → retired, 30 days after the quiz.
        let dueDays = ["2026-11-23", "2026-11-25", "2026-11-29", "2026-12-07", "2026-12-23"]
        for (box, iso) in zip(1..., dueDays) {
            let due = CalendarDay(iso: iso)!
            #expect(progress.schedule.cards[key]?.box == box)
            #expect(progress.schedule.cards[key]?.due == due)
            #expect(progress.schedule.due(on: due.adding(days: -1)).isEmpty, "not due the day before \(iso)")
            #expect(progress.schedule.due(on: due) == [key], "due on \(iso)")
            progress.record(question: key, correct: true, on: due)
        }
        #expect(progress.schedule.cards[key]?.retired == true)
        #expect(progress.schedule.cards[key]?.due == CalendarDay(iso: "2026-12-23"))
        #expect(CalendarDay(iso: "2026-12-23")!.daysSince1970 - Self.quizDay.daysSince1970 == 30)
    }

    @Test func aWrongPracticeAnswerSendsTheQuestionBackToBoxOneDueTheNextDay() {
        var progress = PracticeProgress(person: "Ana")
        progress.read([Self.result(["listening-1": "C"], on: day(0), id: "r1")])
        progress.record(question: "mini-quiz/listening-1", correct: true, on: day(0))  // box 2, due 11-25
        progress.record(question: "mini-quiz/listening-1", correct: false, on: day(2))  // box 1, due 11-26
        #expect(
            progress.schedule.cards["mini-quiz/listening-1"]
                == LeitnerSchedule.Card(box: 1, due: CalendarDay(iso: "2026-11-26")!, retired: false))
    }

    @Test func aResultIsReadOnceAndALaterMissSendsAQuestionBackToBoxOne() {
        let first = Self.result(["listening-1": "A"], on: day(0), id: "r1")
        var progress = PracticeProgress(person: "Ana")
        let readFirst = progress.read([first])
        #expect(readFirst)
        progress.record(question: "mini-quiz/listening-1", correct: true, on: day(0))  // box 2
        // Read again (every run reads the person's results): no change.
        let readAgain = progress.read([first])
        #expect(!readAgain)
        #expect(progress.schedule.cards["mini-quiz/listening-1"]?.box == 2)
        // Missed again in a quiz on day 5: box 1, due day 5 (2026-11-28).
        let readLater = progress.read([first, Self.result(["listening-1": "C"], on: day(5), id: "r2")])
        #expect(readLater)
        #expect(
            progress.schedule.cards["mini-quiz/listening-1"]
                == LeitnerSchedule.Card(box: 1, due: CalendarDay(iso: "2026-11-28")!, retired: false))
        #expect(progress.resultsRead == ["r1", "r2"])
    }

    @Test func aRightAnswerToAQuestionNoLongerDueChangesNothing() {
        // Two runs at once answered it: the second right answer must not lift it two boxes.
        var progress = PracticeProgress(person: "Ana")
        progress.read([Self.result(["listening-1": "A"], on: day(0), id: "r1")])
        progress.record(question: "mini-quiz/listening-1", correct: true, on: day(0))
        progress.record(question: "mini-quiz/listening-1", correct: true, on: day(0))
        #expect(progress.schedule.cards["mini-quiz/listening-1"]?.box == 2)
        // A wrong one still counts.
        progress.record(question: "mini-quiz/listening-1", correct: false, on: day(0))
        #expect(progress.schedule.cards["mini-quiz/listening-1"]?.box == 1)
    }

    @Test func aSessionAsksDueQuestionsFirstThenUnseenOnesFromTheSameAreasOnly() {
        let results = [Self.result(["listening-1": "A", "listening-2": "B", "empathy-1": "B"], on: day(0), id: "r1")]
        var progress = PracticeProgress(person: "Ana")
        progress.read(results)
        let session = PracticeSession.questions(
            progress: progress, results: results, banks: Self.banks, on: day(0), count: 5)
        // listening-1 is due; listening-2 was answered right and empathy is not an area with a
        // miss, so only listening-3 is unseen.
        #expect(session.map(\.key) == ["mini-quiz/listening-1", "mini-quiz/listening-3"])
        #expect(session.map(\.reason) == [.due(box: 1), .unseen])
        let one = PracticeSession.questions(
            progress: progress, results: results, banks: Self.banks, on: day(0), count: 1)
        #expect(one.map(\.key) == ["mini-quiz/listening-1"])
    }

    @Test func theUnseenOrderIsFixedForADayAndPersonAndMissingQuizzesAreLeftOut() {
        let results = [Self.result(["listening-1": "A", "empathy-1": "A"], on: day(0), id: "r1")]
        var progress = PracticeProgress(person: "Ana")
        progress.read(results)
        let first = PracticeSession.unseen(progress: progress, results: results, banks: Self.banks, on: day(0))
        let again = PracticeSession.unseen(progress: progress, results: results, banks: Self.banks, on: day(0))
        #expect(first.map(\.item.id) == again.map(\.item.id))
        #expect(Set(first.map(\.item.id)) == ["listening-2", "listening-3", "empathy-2", "empathy-3"])
        #expect(
            PracticeSession.questions(progress: progress, results: results, banks: [:], on: day(0), count: 5).isEmpty)
    }

    @Test func theStatusCountsDueRetiredUnseenAndEachAreasBoxes() {
        let results = [Self.result(["listening-1": "A", "listening-2": "A", "empathy-1": "A"], on: day(0), id: "r1")]
        var progress = PracticeProgress(person: "Ana")
        progress.read(results)
        progress.record(question: "mini-quiz/listening-1", correct: true, on: day(0))  // box 2, due day 2
        let status = PracticeStatus.build(
            progress: progress, results: results, banks: Self.banks, framework: Fixture.framework, on: day(0), count: 5)
        #expect(status.dueToday == 2)
        #expect(status.dueLater == 1)
        #expect(status.nextDue == CalendarDay(iso: "2026-11-25"))
        #expect(status.retired == 0)
        #expect(status.unseen == 3)
        #expect(status.areas.map(\.area) == ["listening", "empathy"])
        #expect(status.areas[0].boxes == [1, 1, 0, 0, 0])
        #expect(status.areas[1].boxes == [1, 0, 0, 0, 0])
        #expect(status.areas.map(\.unseen) == [1, 2])
        #expect(status.session.count == 5)
        // Same due day and box: by id.
        #expect(Array(status.session.prefix(2)) == ["mini-quiz/empathy-1", "mini-quiz/listening-2"])
    }

    @Test func theStatusTextFitsANarrowTerminalAndNamesTheZone() {
        let results = [Self.result(["listening-1": "A", "empathy-1": "A"], on: day(0), id: "r1")]
        var progress = PracticeProgress(person: "Ana")
        progress.read(results)
        let status = PracticeStatus.build(
            progress: progress, results: results, banks: Self.banks, framework: Fixture.framework, on: day(0), count: 5)
        for width in [30, 40, 80] {
            let text = PracticeStatusRenderer.text(
                status, style: TextStyle(width: width, timeZone: Zone.named("Europe/Paris")!))
            for line in text.split(separator: "\n") { #expect(line.count <= width, "\(width): \(line)") }
            #expect(text.contains("Europe/Paris"))
            #expect(text.contains("Due today: 2"))
        }
    }

    @Test func feedbackSaysWhyTheChosenOptionIsWrongAndGivesTheBestAnswer() {
        let item = Self.bank.items[0]
        let wrong = PracticeFeedback.of(.choice([0]), to: item)
        #expect(wrong.correct == false)
        #expect(wrong.text.contains("A) Interrupt (wrong)"))
        #expect(wrong.text.contains("They had more to say."))
        #expect(wrong.text.contains("Best answer: B) Listen"))
        #expect(wrong.text.contains("Listening first finds the real question."))
        let right = PracticeFeedback.of(.choice([1]), to: item)
        #expect(right.correct == true)
        #expect(right.text.contains("Right: you let them finish."))
        #expect(!right.text.contains("Best answer"))
        #expect(PracticeFeedback.of(.skipped, to: item).correct == nil)
    }

    @Test func pipedAnswersAreRecordedOneByOneAndABadLineStopsNamingIt() throws {
        let results = [Self.result(["listening-1": "A", "listening-2": "A"], on: day(0), id: "r1")]
        var progress = PracticeProgress(person: "Ana")
        progress.read(results)
        let questions = PracticeSession.questions(
            progress: progress, results: results, banks: Self.banks, on: day(0), count: 2)
        let form = try #require(PracticeSession.form(of: questions, banks: Self.banks))
        let runner = PracticeRunner(form: form, questions: questions, framework: Fixture.framework, interactive: false)
        var recorded: [(Int, Bool)] = []
        let output = RecordingOutput()
        let answered = try runner.run(scripted: nil, input: ScriptedInput(["B", "-"]), output: output) {
            recorded.append(($0, $2))
            return "recorded"
        }
        #expect(answered == 1)
        #expect(recorded.map(\.0) == [0] && recorded.map(\.1) == [true])
        #expect(output.text.contains("Skipped"))
        #expect(throws: SkillsError.self) {
            try runner.run(scripted: nil, input: ScriptedInput(["Z"]), output: RecordingOutput()) { _, _, _ in "" }
        }
        var kept = 0
        do {
            try runner.run(scripted: nil, input: ScriptedInput(["A"]), output: RecordingOutput()) { _, _, _ in
                kept += 1
                return ""
            }
            Issue.record("input ending early must stop the session")
        } catch let error as SkillsError {
            #expect(error.kind == .cancelled)
            #expect(error.description.contains("the 1 answered so far are kept"))
        }
        #expect(kept == 1)
    }

    @Test func aDamagedProgressFileIsReportedAndKept() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let file = store.practiceFile(of: "Ana")
        try FileManager.default.createDirectory(at: store.practiceFolder, withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"person\": \"Ana\"".utf8).write(to: file)
        #expect(throws: SkillsError.self) { try store.loadPractice(of: "Ana") }
        #expect(throws: SkillsError.self) { try store.updatePractice(of: "Ana") { _ in } }
        #expect(try Data(contentsOf: file) == Data("{\"format\": 1, \"person\": \"Ana\"".utf8))
    }
}
