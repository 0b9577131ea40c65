/// Reads one typed or scripted answer for one item. '-' skips any item; everything else
/// is read by the item's kind (a number on the scale, option letters, free text). A wrong
/// answer gets a hint that says what is expected, never a guess.
public enum AnswerParser {
    public static func parse(_ raw: String, for item: Item, in context: ItemContext) -> Result<Response, AnswerError> {
        let text = clean(raw)
        if text == "-" { return .success(.skipped) }
        if item.type.behaviour.allowsNotApplicable, notApplicable.contains(text.lowercased()) {
            return .success(.notApplicable)
        }
        return item.kind.behaviour.parse(text, in: context)
    }

    /// What a person types to say a statement did not apply this time.
    public static let notApplicable: Set<String> = ["n", "n/a", "na"]

    /// An answer as typed or piped: without a byte-order mark, surrounding spaces and tabs,
    /// or the CR of a Windows line end.
    public static func clean(_ raw: String) -> String {
        var scalars = Substring(raw).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        while let last = scalars.last, blank(last) { scalars = scalars.dropLast() }
        while let first = scalars.first, blank(first) { scalars = scalars.dropFirst() }
        return String(scalars)
    }
}

public struct AnswerError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
