import Testing

@testable import SkillsCore

/// Expected numbers are worked out by hand in the comments, from the definitions in
/// PRODUCT.md: reverse = (max + min) - answer; POMP = 100 × Σ(value − min) / Σ(max − min).
@Suite struct ScoringTests {
    let scale = RatingScale(min: 1, max: 5, labels: ["1", "2", "3", "4", "5"])

    func rating(reverse: Bool = false) -> RatingItem { RatingItem(reverse: reverse) }
    var context: ItemContext { ItemContext(scale: scale, framework: Fixture.framework, area: "listening") }

    @Test func reverseKeyedItemsAreScoredFromTheTop() {
        // answer 2 on a reverse-keyed 1–5 item counts as (5 + 1) − 2 = 4, so 3 points of 4
        let scored = rating(reverse: true).points(for: .rating(2), in: context)
        #expect(scored.points == 3)
        #expect(scored.max == 4)
        // the same answer on a plainly keyed item is 2 − 1 = 1 point of 4
        #expect(rating().points(for: .rating(2), in: context).points == 1)
    }

    @Test func areaScoreIsThePercentOfTheMaximumOverAnsweredItems() throws {
        // l1 = 4 → 3 points; l2 (reverse) = 2 → 4 → 3 points; POMP = 100 × 6 / 8 = 75
        let small = try Fixture.small()
        let result = Fixture.result(small, [.rating(4), .rating(2), .choice([0]), .skipped])
        #expect(result.scores.area("listening")?.score == 75)
        #expect(result.scores.area("listening")?.level == "Proficient")
    }

    @Test func skippedRatingsAreLeftOutOfTheArea() throws {
        // l1 = 5 → 4 of 4 points; l2 skipped: 1 answer of 2 is enough (half, rounded up); POMP = 100
        let result = Fixture.result(try Fixture.small(), [.rating(5), .skipped, .choice([0]), .skipped])
        #expect(result.scores.area("listening")?.score == 100)
        #expect(result.scores.area("listening")?.answered == 1)
    }

    @Test func anAreaWithTooFewAnswersIsNotScored() throws {
        let result = Fixture.result(try Fixture.small(), [.skipped, .skipped, .choice([1]), .skipped])
        let listening = try #require(result.scores.area("listening"))
        #expect(listening.score == nil)
        #expect(listening.level == nil)
        #expect(listening.required == 1)
        // overall is the mean of the scored areas only: empathy alone, answered wrongly = 0
        #expect(result.scores.overall == 0)
    }

    @Test func requiredAnswersIsHalfTheItemsRoundedUp() {
        #expect(Scoring.requiredAnswers(forItemCount: 1) == 1)
        #expect(Scoring.requiredAnswers(forItemCount: 2) == 1)
        #expect(Scoring.requiredAnswers(forItemCount: 3) == 2)
        #expect(Scoring.requiredAnswers(forItemCount: 6) == 3)
    }

    @Test func quizAreaScoreIsThePercentOfPointsWithSkippedQuestionsEarningNothing() throws {
        // a form's three listening questions: right, wrong, skipped → 1 point of 3 = 33.3%
        let quiz = QuizForms.named("scoring", bank: try Fixture.builtin("scenario-quiz"))
        var responses = [Response](repeating: .skipped, count: quiz.items.count)
        let listening = quiz.items.indices.filter { quiz.items[$0].area == "listening" }
        responses[listening[0]] = .choice(quiz.items[listening[0]].correctOptions)
        responses[listening[1]] = .choice([(quiz.items[listening[1]].correctOptions[0] + 1) % 4])
        let result = Fixture.result(quiz, responses)
        let score = try #require(result.scores.area("listening")?.score)
        #expect(abs(score - 100.0 / 3) < 1e-9)
        // every other area: 0 of 3 answered, fewer than the 2 needed
        #expect(result.scores.area("empathy")?.score == nil)
    }

    @Test(arguments: [
        ([0, 2], [0], 0.5),  // one of two right picks
        ([0, 2], [0, 2], 1.0),  // both
        ([0, 2], [0, 1], 0.0),  // one right, one wrong: (1 − 1) / 2
        ([0, 2], [0, 1, 2], 0.5),  // (2 − 1) / 2
        ([0, 2], [0, 1, 2, 3], 0.0),  // ticking everything earns nothing
        ([1], [1], 1.0),
        ([1], [0], 0.0),
    ])
    func choicePointsGivePartialCreditWhenSeveralOptionsAreRight(correct: [Int], chosen: [Int], expected: Double) {
        #expect(ChoiceItem.points(correct: correct, chosen: chosen) == expected)
    }

    @Test func overallIsTheMeanOfTheScoredAreas() throws {
        // The check-in answers from the README: 4,5,2,3,4,2,5,4,3,4 (items 2, 6, 8 reverse-keyed)
        // listening: 4→3, rev 5→1→0  = 3/8 = 37.5
        // anticipating: 2→1, 3→2 = 3/8 = 37.5
        // communicating: 4→3, rev 2→4→3 = 6/8 = 75
        // empathy: 5→4, rev 4→2→1 = 5/8 = 62.5
        // above and beyond: 3→2, 4→3 = 5/8 = 62.5
        // overall = (37.5 + 37.5 + 75 + 62.5 + 62.5) / 5 = 55
        let checkin = try Fixture.builtin("shift-checkin")
        let answers = [4, 5, 2, 3, 4, 2, 5, 4, 3, 4].map(Response.rating) + [.skipped]
        let scores = Fixture.result(checkin, answers).scores
        #expect(
            scores.areas.map(\.area) == [
                "listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond",
            ])
        #expect(scores.areas.map(\.score) == [37.5, 37.5, 75, 62.5, 62.5])
        #expect(scores.overall == 55)
        #expect(scores.level == "Developing")
    }

    @Test(arguments: [
        (0.0, "Beginning"), (39.4, "Beginning"), (39.5, "Developing"), (59.5, "Proficient"), (79.9, "Role model"),
        (100.0, "Role model"),
    ])
    func levelsComeFromTheRubricBandOfTheRoundedScore(score: Double, level: String) {
        #expect(Fixture.framework.level(for: score)?.name == level)
    }

    @Test func aResultRecordsTheQuestionnaireAndEveryAnswer() throws {
        let small = try Fixture.small()
        let result = Fixture.result(small, [.rating(4), .skipped, .choice([1]), .text("Went well")])
        #expect(result.questionnaire.id == "small")
        #expect(result.questionnaire.hash == ContentHash.of(small))
        #expect(result.questionnaire.hash.hasPrefix("sha256:"))
        #expect(result.answers.map(\.answer) == ["4", nil, "B", "Went well"])
        #expect(result.answers[0].label == "Agree")
        #expect(result.answers[2].correct == "A")
        #expect(result.answers[2].explanation == "Acknowledge feelings first.")
        #expect(result.reflections.first?.answer == "Went well")
    }

    @Test func theContentHashChangesWithContentNotLayout() throws {
        let small = try Fixture.small()
        var edited = small
        edited.items[0].text += "!"
        #expect(ContentHash.of(small) != ContentHash.of(edited))
        let compact = try Fixture.smallJSON { _ in }  // the same content, re-serialised without indentation
        let reparsed = try QuestionnaireValidator(framework: Fixture.framework).load(data: compact, file: "x")
        #expect(ContentHash.of(reparsed) == ContentHash.of(small))
    }
}
