import Testing

@testable import SkillsCore

@Suite struct AnswerSheetTests {
    @Test func aListGivesOneAnswerPerItemInOrder() throws {
        let small = try Fixture.small()
        #expect(
            try AnswerSheet.fromList("4,-,a,All good", for: small, framework: Fixture.framework) == [
                .rating(4), .skipped, .choice([0]), .text("All good"),
            ])
        #expect(
            try AnswerSheet.fromList("4,2,B", for: small, framework: Fixture.framework) == [
                .rating(4), .rating(2), .choice([1]), .skipped,
            ])
    }

    @Test func tooFewOrTooManyAnswersAreRefused() throws {
        let small = try Fixture.small()
        #expect(
            throws: SkillsError.invalidData(
                file: "--answers", detail: "2 answers for 'small'; expected 3 to 4, one per item in order ('-' to skip)"
            )
        ) {
            try AnswerSheet.fromList("4,2", for: small, framework: Fixture.framework)
        }
        #expect(throws: SkillsError.self) {
            try AnswerSheet.fromList("4,2,A,x,y", for: small, framework: Fixture.framework)
        }
    }

    @Test func aWrongAnswerNamesItsPlace() throws {
        #expect(
            throws: SkillsError.invalidData(
                file: "--answers",
                detail: "answer 3 (e1): 'AB' is not an answer; expected one letter from A to B, or '-' to skip")
        ) {
            try AnswerSheet.fromList("4,2,AB", for: try Fixture.small(), framework: Fixture.framework)
        }
    }

    @Test func severalLettersAnswerAQuestionWithSeveralRightOptions() throws {
        let quiz = try Fixture.builtin("scenario-quiz")
        let index = try #require(quiz.items.firstIndex { $0.correctOptions.count > 1 })
        var list = Array(repeating: "-", count: quiz.items.count)
        list[index] = "b+d"
        #expect(
            try AnswerSheet.fromList(list.joined(separator: ","), for: quiz, framework: Fixture.framework)[index]
                == .choice([1, 3]))
    }

    @Test func anAnswersFileNamesItemsAndSkipsTheRest() throws {
        let text = "# my answers\nl2: 5\n\ne1: a\n"
        #expect(
            try AnswerSheet.fromFile(text, file: "a.txt", for: try Fixture.small(), framework: Fixture.framework) == [
                .skipped, .rating(5), .choice([0]), .skipped,
            ])
    }

    @Test func anAnswersFileWithAnUnknownOrRepeatedItemIsRefused() throws {
        let small = try Fixture.small()
        #expect(
            throws: SkillsError.invalidData(
                file: "a.txt",
                detail:
                    "line 2: unknown item 'l3' (did you mean 'l1'?); expected an item of 'small' (see 'skills show "
                    + "small')"
            )
        ) {
            try AnswerSheet.fromFile("l1: 4\nl3: 4", file: "a.txt", for: small, framework: Fixture.framework)
        }
        #expect(
            throws: SkillsError.invalidData(
                file: "a.txt",
                detail: "line 2: item 'l1' is answered twice (first on line 1); expected one answer per item")
        ) {
            try AnswerSheet.fromFile("l1: 4\nl1: 5", file: "a.txt", for: small, framework: Fixture.framework)
        }
        #expect(
            throws: SkillsError.invalidData(
                file: "a.txt", detail: "line 1: 'l1 4' has no ':'; expected 'item-id: answer'")
        ) {
            try AnswerSheet.fromFile("l1 4", file: "a.txt", for: small, framework: Fixture.framework)
        }
    }
}
