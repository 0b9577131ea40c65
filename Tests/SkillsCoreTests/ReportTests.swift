import Testing

@testable import SkillsCore

@Suite struct ReportTests {
    func checkinReport(_ answers: [Int]) throws -> DevelopmentReport {
        let checkin = try Fixture.builtin("shift-checkin")
        return ReportBuilder.build(
            Fixture.result(checkin, answers.map(Response.rating) + [.skipped]), framework: Fixture.framework)
    }

    @Test func areasRunFromStrongestToWeakest() throws {
        // scores as in ScoringTests: listening 37.5, anticipating 37.5, communicating 75, empathy 62.5, beyond 62.5
        let report = try checkinReport([4, 5, 2, 3, 4, 2, 5, 4, 3, 4])
        #expect(
            report.areas.map(\.area) == [
                "communicating", "empathy", "above-and-beyond", "listening", "anticipating-needs",
            ])
        #expect(report.focusAreas == ["anticipating-needs", "listening"])
        #expect(report.strengths == ["communicating", "empathy"])
        #expect(report.level == "Developing")
        #expect(report.meaning?.isEmpty == false)
    }

    @Test func thePlanStartsWithTheActionsLinkedToTheLowestAnswers() throws {
        // listening: ci-listen-1 = 5 (full marks), ci-listen-2 (reverse) = 5 → 0 points: the lowest
        // ci-listen-2 links let-them-finish and confirm-need, so those come first.
        let report = try checkinReport([5, 5, 5, 5, 5, 1, 5, 1, 5, 5])
        #expect(report.focusAreas == ["listening"])
        let listening = report.plan.filter { $0.area == "listening" }
        #expect(listening.map(\.action) == ["listening.let-them-finish", "listening.confirm-need"])
        #expect(listening[0].because.map(\.item) == ["ci-listen-2"])
        #expect(listening[0].because[0].answer == "5 (Every time)")
        #expect(report.practice != nil)
    }

    @Test func everyAreaAtTheTopStillGetsOneThingToWorkOn() throws {
        let report = try checkinReport([5, 1, 5, 5, 5, 1, 5, 1, 5, 5])
        #expect(report.areas.allSatisfy { $0.score == 100 })
        #expect(report.focusAreas.count == 1)
        #expect(report.plan.count >= 2)
    }

    @Test func aQuizReportListsEachMissedQuestionWithTheRightAnswer() throws {
        let quiz = try Fixture.builtin("scenario-quiz")
        var responses = quiz.items.map { Response.choice($0.correctOptions) }
        let wrong = (quiz.items[0].correctOptions[0] + 1) % 4
        responses[0] = .choice([wrong])
        responses[1] = .skipped
        let report = ReportBuilder.build(Fixture.result(quiz, responses), framework: Fixture.framework)
        #expect(report.missedQuestions.map(\.item) == [quiz.items[0].id, quiz.items[1].id])
        #expect(report.missedQuestions[0].chosen == OptionLetters.letter(wrong))
        #expect(report.missedQuestions[0].correct == OptionLetters.letters(quiz.items[0].correctOptions))
        #expect(report.missedQuestions[1].chosen == nil)
        #expect(report.missedQuestions[0].explanation == quiz.items[0].explanation)
    }

    @Test func theChangeSinceThePreviousResultIsPerAreaAndOverall() throws {
        let checkin = try Fixture.builtin("shift-checkin")
        let before = Fixture.result(checkin, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3].map(Response.rating) + [.skipped])
        let now = Fixture.result(checkin, [4, 3, 3, 3, 3, 3, 3, 3, 3, 3].map(Response.rating) + [.skipped])
        let report = ReportBuilder.build(now, previous: before, framework: Fixture.framework)
        // listening: 50 → (3 + 2) / 8 = 62.5, shown as 63, so +13; overall 50 → 52.5, shown as 53, so +3
        #expect(report.areas.first { $0.area == "listening" }?.change == 13)
        #expect(report.previous?.change == 3)
    }

    @Test func theTextReportNamesAllFiveAreasWithBarsAndThePlan() throws {
        let text = TextReportRenderer().render(try checkinReport([4, 5, 2, 3, 4, 2, 5, 4, 3, 4]))
        for name in ["Listening", "Anticipating needs", "Communicating", "Empathy", "Going above and beyond"] {
            #expect(text.contains(name))
        }
        #expect(text.contains("Overall 55 ±9 / 100 · Developing"))
        #expect(text.contains("███████████████░░░░░ 75 ±22  Proficient"))
        #expect(text.contains("could be anything from Developing to Role model"))
        #expect(text.contains("Development plan"))
        #expect(!text.contains("\u{1B}["))  // no colour unless asked
        #expect(
            TextReportRenderer(style: TextStyle(colour: true)).render(
                try checkinReport([4, 5, 2, 3, 4, 2, 5, 4, 3, 4])
            ).contains("\u{1B}["))
    }
}
