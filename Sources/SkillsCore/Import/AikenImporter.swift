/// Moodle's Aiken format: a question on one line, options `A.` or `A)` on the lines after
/// it, then `ANSWER: X`. Every question is single-answer multiple choice, so every
/// well-formed question imports; a malformed one is an error naming its line.
public enum AikenImporter {
    public static func parse(_ text: String, file: String, options: ImportOptions) throws -> ImportedQuestionnaire {
        guard let area = options.area else {
            throw SkillsError.usage("Aiken files have no categories: give the skill area with --area")
        }
        var items: [Item] = []
        var question: (text: String, line: Int)?
        var choices: [String] = []

        func fail(_ line: Int, _ message: String) -> SkillsError {
            .invalidData(file: file, detail: "line \(line): \(message)")
        }

        for (index, raw) in TextLines.split(text).enumerated() {
            let number = index + 1
            let line = raw.trimmed
            if line.isEmpty { continue }
            if line.uppercased().hasPrefix("ANSWER:") {
                guard let current = question, !choices.isEmpty else {
                    throw fail(number, "ANSWER with no question and options before it")
                }
                guard choices.count >= 2 else {
                    throw fail(number, "only one option; expected at least 2 to choose from")
                }
                if Set(choices.map { $0.lowercased() }).count < choices.count {
                    throw fail(number, "two options have the same text; expected distinct options")
                }
                let letter = line.dropFirst("ANSWER:".count).trimmedSpaces.uppercased()
                guard letter.count == 1, let ascii = letter.unicodeScalars.first?.value, ascii >= 65,
                    Int(ascii) - 65 < choices.count
                else {
                    throw fail(
                        number,
                        "ANSWER '\(TextSafety.visible(letter))' is not one of the options A to "
                            + "\(OptionLetters.letter(choices.count - 1))"
                    )
                }
                let correct = Int(ascii) - 65
                let id = ImportOptions.itemID(name: nil, number: items.count + 1, taken: Set(items.map(\.id)))
                items.append(
                    Item(
                        id: id, area: area, text: current.text, source: "\(options.sourceName)#line \(current.line)",
                        kind: .choice(
                            ChoiceItem(
                                options: choices.enumerated().map {
                                    Option(text: $1, correct: $0 == correct ? true : nil)
                                },
                                explanation: ImportOptions.explanation(correct: [choices[correct]])))))
                question = nil
                choices = []
            } else if let option = optionText(line, expected: choices.count), question != nil {
                if choices.count == OptionLetters.maximumOptions {
                    throw fail(
                        number,
                        "more than \(OptionLetters.maximumOptions) options; expected at most "
                            + "\(OptionLetters.maximumOptions)"
                    )
                }
                choices.append(option)
            } else if question == nil {
                question = (line, number)
            } else if choices.isEmpty {
                throw fail(number, "expected option A (such as 'A. text') after the question on line \(question!.line)")
            } else {
                throw fail(
                    number,
                    "expected option \(OptionLetters.letter(choices.count)) or 'ANSWER: X' for the question on line "
                        + "\(question!.line)"
                )
            }
        }
        if let open = question { throw fail(open.line, "the question has no 'ANSWER:' line") }
        if items.isEmpty {
            throw SkillsError.invalidData(file: file, detail: "no questions found; expected Aiken questions")
        }
        return ImportedQuestionnaire(questionnaire: options.questionnaire(items), skipped: [])
    }

    /// "B. text" or "B) text" when B is the next letter expected.
    private static func optionText(_ line: String, expected: Int) -> String? {
        let letter = OptionLetters.letter(expected)
        for mark in [".", ")"] where line.uppercased().hasPrefix(letter + mark) {
            let rest = line.dropFirst(2).trimmedSpaces
            return rest.isEmpty ? nil : rest
        }
        return nil
    }
}
