import Testing

@testable import SkillsCore

@Suite struct GIFTImportTests {
    let options = ImportOptions(id: "bank", title: "Bank", area: nil, sourceName: "bank.gift")

    func parse(_ text: String, area: String? = nil) throws -> ImportedQuestionnaire {
        var options = self.options
        options.area = area
        return try GIFTImporter.parse(text, file: "bank.gift", options: options, framework: Fixture.framework)
    }

    @Test func aMultipleChoiceQuestionKeepsNameFeedbackAndGeneralFeedback() throws {
        let imported = try parse(
            "$CATEGORY: $course$/Empathy\n::calm::Best first response? {=Name the feeling#Yes ~Calm down#No "
                + "####Acknowledge first.}"
        )
        let item = try #require(imported.questionnaire.items.first)
        #expect(item.id == "calm")
        #expect(item.area == "empathy")
        #expect(item.text == "Best first response?")
        #expect(item.options?.map(\.text) == ["Name the feeling", "Calm down"])
        #expect(item.correctOptions == [0])
        #expect(item.options?.map(\.feedback) == ["Yes", "No"])
        #expect(item.explanation == "Acknowledge first.")
        #expect(item.source == "bank.gift#calm")
    }

    @Test func anEmptyQuestionNameIsNoName() throws {
        // found by scripts/fuzz gift: `::::` gave the source "bank.gift#", which is no citation
        let item = try parse("::  ::Fine? {=yes ~no}", area: "empathy").questionnaire.items[0]
        #expect(item.id == "q1")
        #expect(item.source == "bank.gift#line 1")
    }

    @Test func equalPositiveWeightsBecomeSeveralRightAnswers() throws {
        let imported = try parse("Which? {~%50%a ~%50%b ~%-100%c}", area: "listening")
        #expect(imported.questionnaire.items[0].correctOptions == [0, 1])
    }

    @Test func trueFalseAndEssayAreImported() throws {
        let imported = try parse(
            "Listening helps. {TRUE#Wrong fb#Right fb}\n\nWhat did you learn? {}", area: "listening")
        let tf = imported.questionnaire.items[0]
        #expect(tf.options?.map(\.text) == ["True", "False"])
        #expect(tf.correctOptions == [0])
        #expect(tf.options?[0].feedback == "Right fb")
        #expect(imported.questionnaire.items[1].type == .reflection)
    }

    @Test func escapesAndMissingWordQuestionsAreRead() throws {
        let imported = try parse(
            "Say \\{hello\\} \\: then {=confirm \\= check ~transfer} in your own words.", area: "listening")
        let item = imported.questionnaire.items[0]
        #expect(item.text == "Say {hello} : then _____ in your own words.")
        #expect(item.options?[0].text == "confirm = check")
    }

    @Test(arguments: [
        ("Capital? {=Paris =paris}", "short-answer questions"),
        ("How many? {#3:1}", "numerical questions"),
        ("Match {=a -> b =c -> d}", "matching questions"),
        ("Just a description with no answers.", "a description"),
        ("Uneven? {~%70%a ~%30%b ~c}", "uneven weights"),
        ("Partial? {=a ~%50%b ~c}", "uneven weights"),
        ("Same? {=yes ~Yes ~no}", "two answers have the same text"),  // found by scripts/fuzz gift
        ("One? {~%100%only}", "at least 2 answers"),
        ("All? {~%50%a ~%50%b}", "every answer is right"),  // found by scripts/fuzz gift
    ])
    func unsupportedQuestionsAreReportedWithTheirLineAndSkipped(question: String, reason: String) throws {
        let imported = try parse("Fine? {=yes ~no}\n\n// comment\n\(question)", area: "empathy")
        #expect(imported.questionnaire.items.count == 1)
        #expect(imported.skipped.count == 1)
        #expect(imported.skipped[0].hasPrefix("line 4: "))
        #expect(imported.skipped[0].contains(reason))
    }

    @Test func malformedFilesNameTheLine() throws {
        #expect(
            throws: SkillsError.invalidData(
                file: "bank.gift", detail: "line 3: the answer block '{' is not closed with '}'")
        ) {
            try parse("Fine? {=yes ~no}\n\nBroken? {=yes ~no", area: "empathy")
        }
        #expect(
            throws: SkillsError.invalidData(
                file: "bank.gift",
                detail: "line 1: no skill area; add a '$CATEGORY: <area>' line before the question, or give --area")
        ) {
            try parse("Fine? {=yes ~no}")
        }
        #expect(throws: SkillsError.self) { try parse("$CATEGORY: Cooking\nFine? {=yes ~no}") }
        // found by scripts/fuzz gift: a bank of essays alone would make a questionnaire with nothing to score
        #expect(
            throws: SkillsError.invalidData(
                file: "bank.gift",
                detail:
                    "only essay questions, which are never scored; expected at least one question with answers to "
                    + "choose from"
            )
        ) {
            try parse("Why? {}\n\nHow? {}", area: "empathy")
        }
    }
}

@Suite struct AikenImportTests {
    let options = ImportOptions(id: "quiz", title: "Quiz", area: "empathy", sourceName: "quiz.txt")

    @Test func questionsOptionsAndAnswersAreRead() throws {
        let text = "What first?\nA. Condolences\nB) Retention script\nANSWER: A\n\nNext?\nA) x\nB) y\nC) z\nANSWER: c\n"
        let imported = try AikenImporter.parse(text, file: "quiz.txt", options: options)
        #expect(imported.questionnaire.items.map(\.correctOptions) == [[0], [2]])
        #expect(imported.questionnaire.items[0].options?.map(\.text) == ["Condolences", "Retention script"])
        #expect(imported.questionnaire.items[1].source == "quiz.txt#line 6")
        #expect(QuestionnaireValidator(framework: Fixture.framework).check(imported.questionnaire, file: "x").isEmpty)
    }

    @Test(arguments: [
        ("What?\nA. x\nB. y\n", "line 1: the question has no 'ANSWER:' line"),
        ("What?\nA. x\nB. y\nANSWER: D\n", "line 4: ANSWER 'D' is not one of the options A to B"),
        ("ANSWER: A\n", "line 1: ANSWER with no question and options before it"),
        ("What?\nWhy?\n", "line 2: expected option A (such as 'A. text') after the question on line 1"),
        ("What?\nA. x\nANSWER: A\n", "line 3: only one option; expected at least 2 to choose from"),
        ("What?\nA. x\nB. X\nANSWER: A\n", "line 4: two options have the same text; expected distinct options"),
    ])
    func malformedQuestionsNameTheLine(text: String, detail: String) {
        #expect(throws: SkillsError.invalidData(file: "quiz.txt", detail: detail)) {
            try AikenImporter.parse(text, file: "quiz.txt", options: options)
        }
    }
}
