import Foundation

/// Every reflection written, kept under its question, gathered one record at a time: what a
/// trainer reads first. Answers remember their attempt, so the summary can name (or
/// anonymise) the writer and keep only the attempts it uses.
public struct ReflectionDigest: Sendable {
    struct Question: Sendable {
        var item: String
        var prompt: String
        var answers: [(attempt: Int, text: String)] = []
    }

    private(set) var questions: [Question] = []
    private var attempts = 0

    public init() {}

    mutating func add(_ record: ClassRecord) {
        defer { attempts += 1 }
        for answer in record.answers where answer.type == .reflection {
            guard let text = answer.answer, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                continue
            }
            if let index = questions.firstIndex(where: { $0.item == answer.item }) {
                questions[index].answers.append((attempts, text))
            } else {
                questions.append(.init(item: answer.item, prompt: answer.prompt ?? "", answers: [(attempts, text)]))
            }
        }
    }

    /// The questions in the order first seen, each with the answers of the attempts used,
    /// ordered by the name shown (so anonymised codes give no order of their own).
    func grouped(rows: Set<Int>, name: (Int) -> String) -> [ClassSummary.ReflectionQuestion] {
        questions.compactMap { question in
            let answers = question.answers.filter { rows.contains($0.attempt) }
                .map { ClassSummary.Reflection(name: name($0.attempt), text: $0.text) }
                .sorted { PersonName.key($0.name) < PersonName.key($1.name) }
            return answers.isEmpty ? nil : .init(item: question.item, prompt: question.prompt, answers: answers)
        }
    }
}
