import Testing

@testable import SkillsCore

/// The questionnaire runner with scripted input and recorded output: no terminal.
@Suite struct RunnerTests {
    func run(_ lines: [String], interactive: Bool = true) throws -> ([Response], String) {
        let output = RecordingOutput()
        let runner = QuestionnaireRunner(
            questionnaire: try Fixture.small(), framework: Fixture.framework, interactive: interactive)
        let responses = try runner.run(input: ScriptedInput(lines), output: output)
        return (responses, output.text)
    }

    @Test func showsProgressAreaAndScaleLabels() throws {
        let (responses, screen) = try run(["4", "2", "A", "Good shift"])
        #expect(responses == [.rating(4), .rating(2), .choice([0]), .text("Good shift")])
        #expect(screen.contains("1/4 · Listening"))
        #expect(screen.contains("1 Strongly disagree · 2 Disagree · 3 Neutral · 4 Agree · 5 Strongly agree"))
        #expect(screen.contains("3/4 · Empathy"))
        #expect(screen.contains("A) Name the feeling"))
    }

    @Test func invalidInputRePromptsWithAHint() throws {
        let (responses, screen) = try run(["9", "four", "", "4", "-", "Z", "b", "-"])
        #expect(responses == [.rating(4), .skipped, .choice([1]), .skipped])
        #expect(screen.contains("'9' is not on the scale; expected a whole number from 1 to 5, or '-' to skip"))
        #expect(screen.contains("'four' is not on the scale"))
        #expect(screen.contains("Type an answer, '-' to skip"))
        #expect(screen.contains("'Z' is not an option; expected one letter from A to B"))
    }

    @Test func backGoesToThePreviousQuestionAndShowsTheEarlierAnswer() throws {
        let (responses, screen) = try run(["<", "3", "<", "5", "1", "A", "-"])
        #expect(responses == [.rating(5), .rating(1), .choice([0]), .skipped])
        #expect(screen.contains("This is the first question."))
        #expect(screen.contains("Your answer was: 3"))
    }

    @Test func helpShowsTheItemHintAndTheKeys() throws {
        let (_, screen) = try run(["?", "4", "4", "A", ""])
        #expect(screen.contains("Answer with a number from 1 to 5."))
        #expect(screen.contains("'<' goes back one"))
    }

    @Test func quittingOrEndOfInputCancels() throws {
        #expect(throws: SkillsError.cancelled("Stopped at question 2 of 4; nothing was saved")) {
            try run(["4", "q", "y"])
        }
        #expect(throws: SkillsError.cancelled("Stopped: input ended at question 3 of 4; nothing was saved")) {
            try run(["4", "4"])
        }
    }

    @Test func pipedAnswersAreReadOnePerLineWithoutPrompts() throws {
        let (responses, screen) = try run(["4", "-", "b"], interactive: false)
        #expect(responses == [.rating(4), .skipped, .choice([1]), .skipped])  // the closing reflection may be left out
        #expect(screen.isEmpty)
    }

    @Test func aWrongPipedAnswerStopsWithTheLineAndItem() throws {
        #expect(
            throws: SkillsError.invalidData(
                file: "standard input",
                detail: "line 2 (item l2): '7' is not on the scale; expected a whole number from 1 to 5, or '-' to skip"
            )
        ) {
            try run(["4", "7", "A"], interactive: false)
        }
    }

    @Test func pipedInputEndingBeforeTheLastScoredItemCancels() throws {
        #expect(throws: SkillsError.cancelled("Stopped: input ended after 2 of 4 answers; nothing was saved")) {
            try run(["4", "4"], interactive: false)
        }
    }

    @Test func terminalEscapesInQuestionnaireTextAreShownVisibly() throws {
        var questionnaire = try Fixture.small()
        questionnaire.items[0].text = "Red \u{1B}[31mtext\u{7}"
        let output = RecordingOutput()
        _ = try? QuestionnaireRunner(questionnaire: questionnaire, framework: Fixture.framework, interactive: true)
            .run(input: ScriptedInput(["q"]), output: output)
        #expect(!output.text.contains("\u{1B}"))
        #expect(output.text.contains("Red ^[[31mtext^G"))
    }
}
