import FoundationEssentials
import Glibc

/// JSON as written, with its kinds kept apart (true is never the number 1, "3" is never 3),
/// so the validator's first pass can say what a field holds in the trainer's own terms.
enum JSONValue: Codable, Equatable, Sendable {
    case null
    case flag(Bool)
    case wholeNumber(Int)
    case number(Double)
    case text(String)
    case list([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            self = .flag(value)
        } else if let value = try? c.decode(Int.self) {
            self = .wholeNumber(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .text(value)
        } else if let value = try? c.decode([JSONValue].self) {
            self = .list(value)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .flag(let value): try c.encode(value)
        case .wholeNumber(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .text(let value): try c.encode(value)
        case .list(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }

    /// What was found, as a message says it: `the text "yes"`, `the number 2.5`, `a list`.
    var described: String {
        switch self {
        case .null: "null"
        case .flag(let value): "\(value)"
        case .wholeNumber(let value): "the number \(value)"
        case .number(let value): "the number \(value)"
        case .text(let value): "the text \"\(value.count > 40 ? value.prefix(40) + "…" : Substring(value))\""
        case .list: "a list ([...])"
        case .object: "an object ({...})"
        }
    }
}
