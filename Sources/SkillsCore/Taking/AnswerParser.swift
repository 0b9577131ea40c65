/// Reads one typed or scripted answer for one item. '-' skips any item; everything else
/// is read by the item's kind (a number on the scale, option letters, free text). A wrong
/// answer gets a hint that says what is expected, never a guess.
public enum AnswerParser {
    public static func parse(_ raw: String, for item: Item, in context: ItemContext) -> Result<Response, AnswerError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "-" { return .success(.skipped) }
        return item.kind.behaviour.parse(text, in: context)
    }
}

public struct AnswerError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
