/// What `skills list` shows of a questionnaire: enough to choose one, without its items.
public struct QuestionnaireListing: Sendable, Equatable {
    public let id: String
    public let title: String
    public let kind: String
    public let version: String
    public let items: Int
    public let minutes: Int?
    public let origin: QuestionnaireOrigin

    public init(_ questionnaire: Questionnaire, origin: QuestionnaireOrigin) {
        self.init(
            id: questionnaire.id, title: questionnaire.title, kind: questionnaire.kind.rawValue,
            version: questionnaire.version, items: questionnaire.items.count, minutes: questionnaire.minutes,
            origin: origin)
    }

    init(
        id: String, title: String, kind: String, version: String, items: Int, minutes: Int?, origin: QuestionnaireOrigin
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.version = version
        self.items = items
        self.minutes = minutes
        self.origin = origin
    }
}

extension BuiltinData {
    /// The built-in questionnaires as `list` shows them, read from the embedded bytes with
    /// `JSONScanner` rather than decoded: a listing needs six fields of each, not the
    /// items. A file the scanner cannot read simply (an escape in a title) is decoded.
    public static func listing() throws -> [QuestionnaireListing] {
        try questionnaireFiles.map { file in
            if let listing = scanned(file) { return listing }
            return QuestionnaireListing(try decoded(file), origin: .builtin)
        }
    }

    static func scanned(_ file: File) -> QuestionnaireListing? {
        file.bytes.withUnsafeBufferPointer { bytes -> QuestionnaireListing? in
            var scanner = JSONScanner(bytes)
            var (id, title, kind, version): (String?, String?, String?, String?)
            var minutes: Int?
            var items = 0
            do {
                try scanner.object { s, key in
                    if key.is("id") {
                        id = try s.string()
                    } else if key.is("title") {
                        title = try s.string()
                    } else if key.is("kind") {
                        kind = try s.string()
                    } else if key.is("version") {
                        version = try s.string()
                    } else if key.is("minutes") {
                        minutes = try s.optionalInteger()
                    } else if key.is("items") {
                        items = try s.countElements()
                    } else {
                        try s.skipValue()
                    }
                }
                try scanner.end()
            } catch {
                return nil
            }
            guard let id, let title, let kind, let version else { return nil }
            return QuestionnaireListing(
                id: id, title: title, kind: kind, version: version, items: items, minutes: minutes, origin: .builtin)
        }
    }
}

extension JSONScanner {
    /// The number of values in the array here, moving past it. Only brackets, commas and
    /// strings are looked at, not checked: for the built-in files, which the tests validate,
    /// where checking every byte of the quiz bank was a fifth of `list`. Strings and
    /// indentation, nearly all of the bytes, are passed eight bytes at a time.
    mutating func countElements() throws -> Int {
        try expect(0x5B)  // [
        var (depth, count, empty) = (1, 0, true)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: try skipStringBody()
            case 0x5B, 0x7B: depth += 1
            case 0x5D, 0x7D:
                depth -= 1
                if depth == 0 { return empty ? 0 : count + 1 }
            case 0x2C where depth == 1: count += 1
            case 0x20, 0x0A, 0x0D, 0x09:
                skipSpace()
                continue
            default: break
            }
            empty = false
        }
        throw Unexpected()
    }
}
