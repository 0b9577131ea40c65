import FoundationEssentials
import Glibc

/// Every reflection written, kept under its question, gathered one record at a time: what a
/// trainer reads first. Answers remember their participant's row, so the summary can name
/// (or anonymise) the writer, and an attempt taken back out takes its reflections with it.
public struct ReflectionDigest: Sendable {
    struct Question: Sendable {
        var item: String
        var prompt: String
        var answers: [(row: Int32, text: String)] = []
    }

    private(set) var questions: [Question] = []

    public init() {}

    mutating func add(_ record: ClassRecord, row: Int32) {
        // By position: most records have no reflection, and copying every answer to find that out
        // cost more than the rest of this.
        let answers = record.answers
        for position in answers.indices where answers[position].type == .reflection {
            let answer = answers[position]
            guard let text = answer.answer, !text.trimmed.isEmpty else {
                continue
            }
            if let index = questions.firstIndex(where: { $0.item == answer.item }) {
                questions[index].answers.append((row, text))
            } else {
                questions.append(.init(item: answer.item, prompt: answer.prompt ?? "", answers: [(row, text)]))
            }
        }
    }

    mutating func remove(row: Int32) {
        for index in questions.indices { questions[index].answers.removeAll { $0.row == row } }
    }

    /// The questions in the order first seen, each with its answers ordered by the name
    /// shown (so anonymised codes give no order of their own).
    func grouped(name: (Int32) -> String) -> [ClassSummary.ReflectionQuestion] {
        questions.compactMap { question in
            let answers = question.answers
                .map { ClassSummary.Reflection(name: name($0.row), text: $0.text) }
                .sorted { PersonName.key($0.name) < PersonName.key($1.name) }
            return answers.isEmpty ? nil : .init(item: question.item, prompt: question.prompt, answers: answers)
        }
    }
}
