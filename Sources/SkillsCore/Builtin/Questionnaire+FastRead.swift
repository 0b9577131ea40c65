import FoundationEssentials
import Glibc

/// Reading a built-in questionnaire straight from its bytes with `JSONScanner`: `take` needs one
/// on every run, and JSONDecoder (with the generic types it makes on first use) cost a third of
/// a check-in's instructions.
extension Questionnaire {
    /// The questionnaire, equal to what JSONDecoder reads; nil when anything is unusual (an escape
    /// in a key or a named value, a number written another way, a duplicate field, damage), and the
    /// caller decodes it in full, which accepts or explains. `BuiltinDataTests` checks that both
    /// give the same value for every questionnaire in the repository.
    static func fastRead(_ bytes: UnsafeBufferPointer<UInt8>) -> Questionnaire? {
        var scanner = JSONScanner(bytes)
        guard let questionnaire = try? FastQuestionnaire.questionnaire(&scanner), (try? scanner.end()) != nil
        else { return nil }
        return questionnaire
    }
}

/// The readers of each part, with the defaults the types' decoders give a missing field.
private enum FastQuestionnaire {
    typealias Unexpected = JSONScanner.Unexpected

    // Made once, in the order of each type's CodingKeys (`keysMatch`).
    static let questionnaireKeys: [StaticString] = [
        "format", "id", "version", "title", "kind", "description", "minutes", "scale", "draw", "calibration", "items",
    ]
    static let itemKeys: [StaticString] = [
        "id", "type", "area", "text", "source", "reverse", "scale", "options", "explanation", "actions", "help",
    ]
    static let scaleKeys: [StaticString] = ["min", "max", "labels"]
    static let optionKeys: [StaticString] = ["text", "correct", "feedback"]
    static let areaKeys: [StaticString] = ["reliability", "standardDeviation"]

    /// A field added to a type's CodingKeys and not here makes every file go to the full decoder,
    /// never read without it.
    static let keysMatch =
        questionnaireKeys.map { "\($0)" } == Questionnaire.CodingKeys.allCases.map(\.rawValue)
        && itemKeys.map { "\($0)" } == Item.CodingKeys.allCases.map(\.rawValue)
        && scaleKeys.map { "\($0)" } == RatingScale.CodingKeys.allCases.map(\.rawValue)
        && optionKeys.map { "\($0)" } == Option.CodingKeys.allCases.map(\.rawValue)

    static func questionnaire(_ s: inout JSONScanner) throws -> Questionnaire {
        guard keysMatch else { throw Unexpected() }
        var q = Questionnaire(format: 0, id: "", version: "", title: "", kind: .checkIn, items: [])
        var kind: Questionnaire.Kind?
        try s.fields(questionnaireKeys) { s, field in
            switch Questionnaire.CodingKeys.allCases[field] {
            case .format: q.format = try optional(&s) { try $0.integer() } ?? 0
            case .id: q.id = try s.optionalText() ?? ""
            case .version: q.version = try s.optionalText() ?? ""
            case .title: q.title = try s.optionalText() ?? ""
            case .kind: kind = try named(&s, Questionnaire.Kind.self)
            case .description: q.description = try s.optionalText()
            case .minutes: q.minutes = try optional(&s) { try $0.integer() }
            case .scale: q.scale = try optional(&s, scale)
            case .draw: q.draw = try optional(&s, draw)
            case .calibration: q.calibration = try optional(&s, calibration)
            case .items: q.items = try optional(&s) { s in try list(&s, item) } ?? []
            }
        }
        guard let kind else { throw Unexpected() }
        q.kind = kind
        return q
    }

    static func item(_ s: inout JSONScanner) throws -> Item {
        var item = Item(id: "", area: nil, text: "", source: "", kind: .reflection(ReflectionItem()))
        var type: ItemType?
        var reverse: Bool?
        var scale: RatingScale?
        var options: [Option]?
        var explanation: String?
        let seen = try s.fields(itemKeys) { s, field in
            switch Item.CodingKeys.allCases[field] {
            case .id: item.id = try s.optionalText() ?? ""
            case .type: type = try named(&s, ItemType.self)
            case .area: item.area = try s.optionalText()
            case .text: item.text = try s.optionalText() ?? ""
            case .source: item.source = try s.optionalText() ?? ""
            case .reverse: reverse = try s.optionalBool()
            case .scale: scale = try optional(&s, Self.scale)
            case .options: options = try optional(&s) { s in try list(&s, option) }
            case .explanation: explanation = try s.optionalText()
            case .actions: item.actions = try s.optionalTexts()
            case .help: item.help = try s.optionalText()
            }
        }
        guard let type else { throw Unexpected() }
        item.kind = ItemKind.make(type, reverse: reverse, scale: scale, options: options, explanation: explanation)
        // As the decoder lists them: fields present that belong to another kind.
        let own = type.behaviour.ownFields + Item.commonFields
        item.misplacedFields = Item.CodingKeys.allCases.enumerated()
            .filter { !own.contains($0.element) && seen & (1 << UInt64($0.offset)) != 0 }.map(\.element.rawValue)
        return item
    }

    static func scale(_ s: inout JSONScanner) throws -> RatingScale {
        var scale = RatingScale(min: 0, max: 0, labels: [])
        let seen = try s.fields(scaleKeys) { s, field in
            switch field {
            case 0: scale.min = try s.integer()
            case 1: scale.max = try s.integer()
            default: scale.labels = try s.texts()
            }
        }
        guard seen == 0b111 else { throw Unexpected() }
        return scale
    }

    static func option(_ s: inout JSONScanner) throws -> Option {
        var option = Option(text: "")
        try s.fields(optionKeys) { s, field in
            switch field {
            case 0: option.text = try s.optionalText() ?? ""
            case 1: option.correct = try s.optionalBool()
            default: option.feedback = try s.optionalText()
            }
        }
        return option
    }

    static func draw(_ s: inout JSONScanner) throws -> Questionnaire.Draw {
        var draw: Questionnaire.Draw?
        try s.fields(["perArea"]) { s, _ in draw = Questionnaire.Draw(perArea: try s.integer()) }
        guard let draw else { throw Unexpected() }
        return draw
    }

    static func calibration(_ s: inout JSONScanner) throws -> Calibration {
        var source: String?
        var areas: [String: Calibration.AreaCalibration]?
        try s.fields(["source", "areas"]) { s, field in
            if field == 0 {
                source = try s.text()
                return
            }
            var found: [String: Calibration.AreaCalibration] = [:]
            try s.object { s, key in
                let name = String(decoding: key, as: UTF8.self)
                guard found[name] == nil else { throw Unexpected() }
                var values: [Double?] = [nil, nil]
                try s.fields(areaKeys) { s, field in values[field] = try s.number() }
                guard let reliability = values[0], let deviation = values[1] else { throw Unexpected() }
                found[name] = .init(reliability: reliability, standardDeviation: deviation)
            }
            areas = found
        }
        guard let source, let areas else { throw Unexpected() }
        return Calibration(source: source, areas: areas)
    }

    /// A value of a type named by its raw value ("check-in", "rating"), written without escapes.
    static func named<T: RawRepresentable>(_ s: inout JSONScanner, _ type: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: String(decoding: try s.rawString(), as: UTF8.self)) else { throw Unexpected() }
        return value
    }

    /// nil for null, else what `read` reads.
    static func optional<T>(_ s: inout JSONScanner, _ read: (inout JSONScanner) throws -> T) throws -> T? {
        if try s.peek() == 0x6E {
            try s.literal("null")
            return nil
        }
        return try read(&s)
    }

    static func list<T>(_ s: inout JSONScanner, _ read: (inout JSONScanner) throws -> T) throws -> [T] {
        var values: [T] = []
        try s.array { values.append(try read(&$0)) }
        return values
    }
}
