/// What each field of a questionnaire file holds, for the validator's first pass: the typed
/// decoder stops at the first wrong type, this schema lets every one be reported.
indirect enum FieldShape: Sendable {
    case text
    case wholeNumber
    case number
    case flag
    /// One of a few words, such as an item's type.
    case word([String])
    case list(FieldShape)
    /// Named fields; `required` ones the typed decoder cannot do without. When one is
    /// missing or wrong, `stand-ins` lets the rest of the object still be checked; an object
    /// without a stand-in is left out of the typed pass.
    case object([String: FieldShape], required: Set<String> = [], standIns: [String: String] = [:])
    /// Any keys, each holding the same shape (calibration's areas).
    case map(FieldShape)

    /// "true or false", "a list ([...]) of text", as a message puts it after "expected".
    var expected: String {
        switch self {
        case .text: "text in quotes"
        case .wholeNumber: "a whole number"
        case .number: "a number"
        case .flag: "true or false"
        case .word(let words): "one of \(words.map { "'\($0)'" }.joined(separator: ", "))"
        case .list(let element): "a list ([...]) of \(element.plural)"
        case .object, .map: "an object ({...})"
        }
    }

    private var plural: String {
        switch self {
        case .text: "texts in quotes"
        case .wholeNumber: "whole numbers"
        case .number: "numbers"
        case .flag: "true or false values"
        case .word(let words): "words from \(words.joined(separator: ", "))"
        case .list: "lists"
        case .object, .map: "objects ({...})"
        }
    }

    // Made when asked rather than kept in globals: an indirect enum's boxes held by a global
    // are reported as leaks by the fuzz harnesses' LeakSanitizer (scripts/fuzz questionnaire).
    static var scale: FieldShape {
        .object(
            ["min": .wholeNumber, "max": .wholeNumber, "labels": .list(.text)], required: ["min", "max", "labels"])
    }

    static var option: FieldShape { .object(["text": .text, "correct": .flag, "feedback": .text]) }

    static var item: FieldShape {
        .object(
            [
                "id": .text, "type": .word(ItemType.allCases.map(\.rawValue)), "area": .text, "text": .text,
                "source": .text, "reverse": .flag, "scale": scale, "options": .list(option), "explanation": .text,
                "actions": .list(.text), "help": .text,
            ], required: ["type"], standIns: ["type": ItemType.reflection.rawValue])
    }

    static var questionnaire: FieldShape {
        .object(
            [
                "format": .wholeNumber, "id": .text, "version": .text, "title": .text,
                "kind": .word(Questionnaire.Kind.allCases.map(\.rawValue)), "description": .text,
                "minutes": .wholeNumber,
                "scale": scale, "draw": .object(["perArea": .wholeNumber], required: ["perArea"]),
                "calibration": .object(
                    [
                        "source": .text,
                        "areas": .map(
                            .object(
                                ["reliability": .number, "standardDeviation": .number],
                                required: ["reliability", "standardDeviation"])),
                    ], required: ["source", "areas"]),
                "items": .list(item),
            ], required: ["kind"], standIns: ["kind": Questionnaire.Kind.checkIn.rawValue])
    }
}
