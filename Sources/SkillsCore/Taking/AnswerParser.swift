/// Reads one typed answer for one item: a number on the scale for a rating, option letters
/// for a choice, free text for a reflection. A wrong answer gets a hint that says what
/// is expected, never a guess.
public enum AnswerParser {
    public static let reflectionLimit = 2000

    public static func parse(_ raw: String, for item: Item, scale: RatingScale?) -> Result<Response, AnswerError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "-" { return .success(.skipped) }
        switch item.type {
        case .rating, .level:
            guard let scale else { return .failure(AnswerError("the item has no scale")) }
            guard let value = Int(text), (scale.min...scale.max).contains(value) else {
                return .failure(
                    AnswerError(
                        "'\(TextSafety.visible(text))' is not on the scale; expected a whole number from \(scale.min) to \(scale.max), or '-' to skip"
                    ))
            }
            return .success(.rating(value))
        case .choice:
            return parseChoice(text, for: item)
        case .reflection:
            if text.isEmpty { return .success(.skipped) }
            if text.count > reflectionLimit {
                return .failure(
                    AnswerError("the reflection is \(text.count) characters; expected at most \(reflectionLimit)"))
            }
            return .success(.text(text))
        }
    }

    private static func parseChoice(_ text: String, for item: Item) -> Result<Response, AnswerError> {
        let count = item.options?.count ?? 0
        let last = OptionLetters.letter(count - 1)
        let several = item.correctOptions.count > 1
        let expected =
            several
            ? "one or more letters from A to \(last), such as 'AC', or '-' to skip"
            : "one letter from A to \(last), or '-' to skip"
        let letters = text.uppercased().filter { $0 != " " && $0 != "," && $0 != "+" }
        var chosen: [Int] = []
        for letter in letters {
            guard let ascii = letter.asciiValue, ascii >= 65, Int(ascii) - 65 < count else {
                return .failure(AnswerError("'\(TextSafety.visible(text))' is not an option; expected \(expected)"))
            }
            if !chosen.contains(Int(ascii) - 65) { chosen.append(Int(ascii) - 65) }
        }
        if chosen.isEmpty || (!several && chosen.count > 1) {
            return .failure(AnswerError("'\(TextSafety.visible(text))' is not an answer; expected \(expected)"))
        }
        return .success(.choice(chosen.sorted()))
    }
}

public struct AnswerError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
