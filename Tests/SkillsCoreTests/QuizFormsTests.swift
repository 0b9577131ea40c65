import Foundation
import Testing

@testable import SkillsCore

@Suite struct QuizFormsTests {
    static let bank: Questionnaire = try! Fixture.builtin("scenario-quiz")

    static func perArea(_ form: Questionnaire) -> [String: Int] {
        form.items.reduce(into: [:]) { counts, item in counts[item.area ?? "", default: 0] += 1 }
    }

    @Test func aNamedFormHasThreeQuestionsPerAreaInAreaThenBankOrder() {
        let form = QuizForms.named("monday-class", bank: Self.bank)
        #expect(form.items.count == 15)
        #expect(Self.perArea(form).values.sorted() == [3, 3, 3, 3, 3])
        #expect(form.draw == nil)
        let areas = QuizForms.areas(of: Self.bank)
        #expect(areas == ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"])
        let positions = form.items.map { item in
            areas.firstIndex(of: item.area!)! * 1000 + Self.bank.items.firstIndex { $0.id == item.id }!
        }
        #expect(positions == positions.sorted())
    }

    @Test func theSameNameGivesTheSameFormAndOtherNamesOtherForms() {
        let ids = { (name: String) in QuizForms.named(name, bank: Self.bank).items.map(\.id) }
        #expect(ids("monday-class") == ids("monday-class"))
        #expect(ids("Monday-Class ") == ids("monday-class"))
        let distinct = Set((0..<20).map { ids("class-\($0)") })
        #expect(distinct.count > 15)
    }

    @Test func aPersonGetsUnseenQuestionsFirstThenTheLeastRecentlySeen() {
        var earlier: [AssessmentResult] = []
        var seen: [[String]] = []
        for sitting in 0..<4 {
            let form = QuizForms.forPerson("Ana", earlier: earlier, bank: Self.bank)
            #expect(Self.perArea(form).values.sorted() == [3, 3, 3, 3, 3])
            #expect(QuizForms.forPerson("ana", earlier: earlier, bank: Self.bank) == form)
            seen.append(form.items.map(\.id))
            var result = Fixture.result(form, form.items.map { _ in Response.skipped })
            result.takenAt = Fixture.date.addingTimeInterval(Double(sitting) * 86_400)
            earlier.append(result)
        }
        // Three sittings of 15 cover the 45 questions once; the fourth repeats the first,
        // the least recently seen.
        #expect(Set(seen[0] + seen[1] + seen[2]).count == 45)
        #expect(seen[3] == seen[0])
    }

    @Test func anAnswersFileFormHoldsTheItemsNamedInFormOrder() {
        let form = QuizForms.withItems(["q-beyond-2", "q-listen-9", "q-listen-1"], bank: Self.bank)
        #expect(form.items.map(\.id) == ["q-listen-1", "q-listen-9", "q-beyond-2"])
    }

    @Test func optionOrdersArePermutationsFixedByPersonAndQuestion() {
        let order = QuizForms.optionOrder(person: "Ana", item: "q-listen-1", count: 4)
        #expect(order.sorted() == [0, 1, 2, 3])
        #expect(QuizForms.optionOrder(person: "ANA", item: "q-listen-1", count: 4) == order)
        let orders = Set(Self.bank.items.map { QuizForms.optionOrder(person: "Ana", item: $0.id, count: 4) })
        #expect(orders.count > 10)  // of the 24 orders, many appear: the shuffle is not one fixed order
    }

    @Test func shownLettersAreTurnedBackIntoTheOptionsIdentity() throws {
        let form = QuizForms.named("monday-class", bank: Self.bank)
        let shuffled = ShuffledOptions(form: form, person: "Ana")
        let first = form.items[0]
        let order = try #require(shuffled.orders[first.id])
        // The option shown at position p is the authored option order[p].
        let shownOptions = try #require(shuffled.presented.items[0].options)
        #expect(shownOptions.map(\.text) == order.map { first.options![$0].text })
        let key = first.correctOptions[0]
        let shownKey = try #require(order.firstIndex(of: key))
        let authored = shuffled.authored([.choice([shownKey])] + form.items.dropFirst().map { _ in .skipped })
        #expect(authored[0] == .choice([key]))
        let result = ResultBuilder.build(
            questionnaire: form, responses: authored, person: "Ana", takenAt: Fixture.date,
            framework: Fixture.framework, bank: Self.bank, optionOrders: shuffled.orders)
        #expect(result.answers[0].answer == OptionLetters.letter(key))
        #expect(result.answers[0].optionOrder == order)
        #expect(result.answers[0].points == 1)
        #expect(result.questionnaire.hash == ContentHash.of(Self.bank))
    }

    @Test func drawIsValidated() throws {
        var bank = Self.bank
        let validator = QuestionnaireValidator(framework: Fixture.framework)
        #expect(validator.check(bank, file: "bank.json").isEmpty)
        bank.draw = .init(perArea: 0)
        #expect(
            validator.check(bank, file: "bank.json").map(\.description) == [
                "bank.json: draw.perArea: 0 questions per area; expected at least 1"
            ])
        bank.draw = .init(perArea: 10)
        #expect(validator.check(bank, file: "bank.json").count == 5)
    }

    /// The "pick the longest option" strategy (most characters), scored as the quiz
    /// scores it. Over every form the bank can produce, each
    /// question is in exactly 3 of 9 forms of its area's choices, so the average over all
    /// C(9,3)^5 ≈ 4.2 × 10⁹ forms is the mean over the 45 questions (linearity of
    /// expectation): enumerating them is not needed. Independently,
    /// `scripts/content_check.py` (Python 3, standard library only) reports 8.5 of 45
    /// (18.9%) for the same strategy on this bank. The 2,000 named forms "form-0" to
    /// "form-1999" are also scored, to show the forms people actually get.
    @Test func pickingTheLongestOptionScoresAtMostFortyPercentOnAverage() throws {
        // Ties among the longest are broken at random, so a question scores the mean over them.
        func longestScore(_ item: Item) -> Double {
            let lengths = item.options!.map(\.text.count)
            let longest = lengths.indices.filter { lengths[$0] == lengths.max()! }
            let points = longest.map { ChoiceItem.points(correct: item.correctOptions, chosen: [$0]) }
            return points.reduce(0, +) / Double(points.count)
        }
        let scores = Dictionary(uniqueKeysWithValues: Self.bank.items.map { ($0.id, longestScore($0)) })
        let overAllForms = scores.values.reduce(0, +) / 45
        #expect(abs(overAllForms - 8.5 / 45) < 1e-9)
        #expect(overAllForms <= 0.40)
        let sampled = (0..<2000).map { index in
            QuizForms.named("form-\(index)", bank: Self.bank).items.reduce(0) { $0 + scores[$1.id]! } / 15
        }
        let mean = sampled.reduce(0, +) / Double(sampled.count)
        #expect(mean <= 0.40)
        #expect(abs(mean - overAllForms) < 0.02)
    }
}
