import Foundation
import Testing

@testable import SkillsCore

/// Forms of the scenario bank with the real binary: a named form, the whole bank, a
/// person's own form, an answers file naming items, and shuffled options at a terminal.
@Suite struct FormsEndToEndTests {
    static func results(in store: URL) throws -> [AssessmentResult] {
        try SkillsBinary.results(in: store).sorted().map {
            try ResultReader.read(path: store.appendingPathComponent("results/" + $0).path)
        }
    }

    static let fifteenSkips = Array(repeating: "-", count: 15).joined(separator: ",")

    @Test func aNamedFormGivesTwoPeopleTheSameQuestions() throws {
        let store = SkillsBinary.temporaryFolder()
        for name in ["Ana", "Ben"] {
            let run = try SkillsBinary.run([
                "take", "scenario-quiz", "--name", name, "--store", store.path, "--form", "tuesday",
                "--answers", Self.fifteenSkips,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let results = try Self.results(in: store)
        #expect(results.count == 2)
        #expect(results[0].answers.count == 15)
        #expect(results[0].answers.map(\.item) == results[1].answers.map(\.item))
        let shown = try SkillsBinary.run(["show", "scenario-quiz", "--form", "tuesday"])
        for item in results[0].answers.map(\.item) { #expect(shown.stdout.contains("[\(item)]")) }
        #expect(!shown.stdout.contains(".txt#"))  // chapter titles, not file names
    }

    @Test func fullAsksTheWholeBankAndAPersonsNextFormAvoidsWhatTheySaw() throws {
        let store = SkillsBinary.temporaryFolder()
        let full = try SkillsBinary.run(
            ["take", "scenario-quiz", "--name", "Ana", "--store", store.path, "--full"],
            stdin: String(repeating: "A\n", count: 45))
        #expect(full.status == 0, "\(full.stderr)")
        let fifteen = try SkillsBinary.run(
            ["take", "scenario-quiz", "--name", "Ben", "--store", store.path, "--full", "--no-save"],
            stdin: String(repeating: "A\n", count: 15))
        #expect(fifteen.stderr.contains("input ended after 15 of 45 answers"))
        for _ in 0..<2 {
            let own = try SkillsBinary.run(
                ["take", "scenario-quiz", "--name", "Cai", "--store", store.path],
                stdin: String(repeating: "B\n", count: 15))
            #expect(own.status == 0, "\(own.stderr)")
        }
        let results = try Self.results(in: store)
        #expect(results.map(\.answers.count).sorted() == [15, 15, 45])
        let cai = results.filter { $0.person == "Cai" }.map { Set($0.answers.map(\.item)) }
        #expect(cai.count == 2 && cai[0].isDisjoint(with: cai[1]))
    }

    @Test func anAnswersFileMayNameAnyItemsOfTheBank() throws {
        let store = SkillsBinary.temporaryFolder()
        let file = store.appendingPathComponent("answers.txt")
        try "q-beyond-9: A\nq-listen-2: B\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try SkillsBinary.run([
            "take", "scenario-quiz", "--name", "Ana", "--store", store.path, "--answers-file", file.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.results(in: store).first?.answers.map(\.item) == ["q-listen-2", "q-beyond-9"])
    }

    @Test func shuffledOptionsAtATerminalAreStoredByIdentity() throws {
        let store = SkillsBinary.temporaryFolder()
        // "A" to every question: the option shown first, whichever it is.
        let run = try TerminalTests().onTerminal(
            ["take", "scenario-quiz", "--name", "Ana", "--store", store.path, "--form", "pty"],
            typing: String(repeating: "A\n", count: 15))
        #expect(run.status == 0, "\(run.stdout)")
        let result = try #require(try Self.results(in: store).first)
        let bank = try BuiltinData.questionnaires(framework: BuiltinData.framework()).first {
            $0.id == "scenario-quiz"
        }!
        var shuffledSomewhere = false
        for answer in result.answers {
            let order = try #require(answer.optionOrder, "\(answer.item)")
            #expect(order.sorted() == [0, 1, 2, 3])
            // The stored letter is the option that was shown first, by its written position.
            #expect(answer.answer == OptionLetters.letter(order[0]))
            let written = try #require(bank.items.first { $0.id == answer.item }?.options)
            #expect(answer.answerText == written[order[0]].text)
            if order != [0, 1, 2, 3] { shuffledSomewhere = true }
        }
        #expect(shuffledSomewhere)
        // What was on the screen for the first question: option A is the stored option.
        let first = try #require(bank.items.first { $0.id == result.answers[0].item })
        let shownFirst = String(first.options![result.answers[0].optionOrder![0]].text.prefix(30))
        #expect(run.stdout.contains("A) \(shownFirst)"))
    }
}
