/// A scenario with lettered options: one best answer, or several right ones (declared),
/// feedback per option and an explanation shown when it is missed.
public struct ChoiceItem: ItemBehaviour, Equatable {
    public static let type = ItemType.choice
    public static let ownFields: [Item.CodingKeys] = [.options, .explanation]
    public static let isScored = true
    public static let isRightOrWrong = true
    public static let interactionType = "choice"
    public static let allowsNotApplicable = false

    public var options: [Option]
    public var explanation: String?

    public init(options: [Option], explanation: String?) {
        self.options = options
        self.explanation = explanation
    }

    public init(decodingFrom c: KeyedDecodingContainer<Item.CodingKeys>) throws {
        options = try c.decodeIfPresent([Option].self, forKey: .options) ?? []
        explanation = try c.decodeIfPresent(String.self, forKey: .explanation)
    }

    public func encode(to c: inout KeyedEncodingContainer<Item.CodingKeys>) throws {
        try c.encode(options, forKey: .options)
        try c.encodeIfPresent(explanation, forKey: .explanation)
    }

    /// Indices of the correct options.
    public var correctOptions: [Int] { options.indices.filter { options[$0].correct == true } }

    public func problems(in context: ItemContext) -> [(field: String?, message: String)] {
        var problems: [(field: String?, message: String)] = []
        if options.count < 2 || options.count > OptionLetters.maximumOptions {
            problems.append(("options", "\(options.count) options; expected 2 to \(OptionLetters.maximumOptions)"))
        }
        if !options.isEmpty && correctOptions.isEmpty {
            problems.append(("options", "no option is marked \"correct\": true; expected at least one"))
        }
        if options.count > 1 && correctOptions.count == options.count {
            problems.append(
                (
                    "options",
                    "every option is correct, so the question cannot tell anyone apart; expected at least one wrong "
                        + "option"
                ))
        }
        var texts: [String: Int] = [:]
        for (index, option) in options.enumerated() {
            let field = "options[\(index)].text"
            let key = option.text.trimmed.lowercased()
            if key.isEmpty {
                problems.append((field, "missing or empty; expected the option's text"))
            } else if let first = texts[key] {
                problems.append((field, "same text as options[\(first)]; expected distinct options"))
            } else {
                texts[key] = index
            }
        }
        if (explanation ?? "").trimmed.isEmpty {
            problems.append(
                ("explanation", "missing; expected an explanation of the best answer, shown when it is missed"))
        }
        return problems
    }

    public func choices(for item: Item, in context: ItemContext) -> [String] {
        var lines = options.enumerated().map { "\(OptionLetters.letter($0))) \(TextSafety.visible($1.text))" }
        if correctOptions.count > 1 {
            lines.append("(More than one is right: type every letter that applies, such as AC.)")
        }
        return lines
    }

    public func answerHelp(in context: ItemContext) -> String {
        "Answer with the letter of the option you would choose."
    }

    public func parse(_ text: String, in context: ItemContext) -> Result<Response, AnswerError> {
        let last = OptionLetters.letter(options.count - 1)
        let several = correctOptions.count > 1
        let expected =
            several
            ? "one or more letters from A to \(last), such as 'AC', or '-' to skip"
            : "one letter from A to \(last), or '-' to skip"
        var chosen: [Int] = []
        for letter in text.uppercased() where letter != " " && letter != "," && letter != "+" {
            guard let ascii = letter.asciiValue, ascii >= 65, Int(ascii) - 65 < options.count else {
                return .failure(AnswerError("'\(TextSafety.visible(text))' is not an option; expected \(expected)"))
            }
            if !chosen.contains(Int(ascii) - 65) { chosen.append(Int(ascii) - 65) }
        }
        if chosen.isEmpty || (!several && chosen.count > 1) {
            return .failure(AnswerError("'\(TextSafety.visible(text))' is not an answer; expected \(expected)"))
        }
        return .success(.choice(chosen.sorted()))
    }

    /// One point for the right answer; a skip earns nothing but still counts its point.
    public func points(for response: Response, in context: ItemContext) -> (points: Double?, max: Double?) {
        guard case .choice(let chosen) = response else { return (nil, 1) }
        return (Self.points(correct: correctOptions, chosen: chosen), 1)
    }

    /// With several correct options, each right pick earns 1/k and each wrong pick takes
    /// 1/k away, never below zero (as Moodle's multiple-answer questions do), so ticking
    /// every box earns nothing.
    public static func points(correct: [Int], chosen: [Int]) -> Double {
        guard !correct.isEmpty else { return 0 }
        let chosenSet = Set(chosen)
        if correct.count == 1 { return chosenSet == Set(correct) ? 1 : 0 }
        let right = chosenSet.intersection(correct).count
        let wrong = chosenSet.subtracting(correct).count
        return Swift.max(0, Double(right - wrong) / Double(correct.count))
    }

    public func describe(_ response: Response, into record: inout AnswerRecord, in context: ItemContext) {
        let correct = correctOptions
        record.correct = OptionLetters.letters(correct)
        record.optionCount = options.count
        record.correctText = correct.map { options[$0].text }.joined(separator: " / ")
        record.explanation = explanation
        if case .choice(let chosen) = response, chosen.allSatisfy(options.indices.contains) {
            record.answerText = chosen.map { options[$0].text }.joined(separator: " / ")
            let feedback = chosen.compactMap { options[$0].feedback }
            record.feedback = feedback.isEmpty ? nil : feedback.joined(separator: " ")
        }
    }
}

public struct Option: Codable, Sendable, Equatable {
    public var text: String
    public var correct: Bool?
    public var feedback: String?

    public init(text: String, correct: Bool? = nil, feedback: String? = nil) {
        self.text = text
        self.correct = correct
        self.feedback = feedback
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case text, correct, feedback }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        correct = try c.decodeIfPresent(Bool.self, forKey: .correct)
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
    }
}

/// Option letters: A for the first option, B for the second, and so on.
public enum OptionLetters {
    public static let maximumOptions = 10

    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + Swift.max(0, Swift.min(25, index)))))
    }

    public static func letters(_ indices: [Int]) -> String {
        indices.sorted().map(letter).joined()
    }
}
