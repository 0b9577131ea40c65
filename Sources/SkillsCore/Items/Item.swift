/// One question or statement of a questionnaire. What every item has is here; what its
/// kind adds (a scale, options, ...) is in `kind`.
public struct Item: Sendable, Equatable {
    public var id: String
    public var area: String?
    public var text: String
    /// `<seed file>#<section heading>`, or a trainer's own reference.
    public var source: String
    /// Development action ids (from the framework) that address a low answer here.
    public var actions: [String]?
    public var help: String?
    public var kind: ItemKind
    /// Fields in the file that belong to another kind, for the validator to report.
    public var misplacedFields: [String] = []

    public init(
        id: String, area: String?, text: String, source: String, actions: [String]? = nil, help: String? = nil,
        kind: ItemKind
    ) {
        self.id = id
        self.area = area
        self.text = text
        self.source = source
        self.actions = actions
        self.help = help
        self.kind = kind
    }

    public var type: ItemType { Swift.type(of: kind.behaviour).type }
    public var isScored: Bool { type.isScored }

    /// The kind's behaviour with what it needs from around it.
    public func context(in questionnaire: Questionnaire, framework: Framework) -> ItemContext {
        ItemContext(scale: questionnaire.scale, framework: framework, area: area)
    }

    // Conveniences for reading one kind's fields where only that kind matters.
    public var options: [Option]? {
        if case .choice(let choice) = kind { return choice.options }
        return nil
    }
    public var correctOptions: [Int] {
        if case .choice(let choice) = kind { return choice.correctOptions }
        return []
    }
    public var explanation: String? {
        if case .choice(let choice) = kind { return choice.explanation }
        return nil
    }
    public var isReverseKeyed: Bool {
        if case .rating(let rating) = kind { return rating.reverse }
        return false
    }
}

extension Item: Codable {
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, area, text, source, reverse, scale, options, explanation, actions, help
    }

    // A list, not a set: a set of these keys checks their Hashable conformance at run time, a
    // search of every conformance in the program on each command's first item.
    static let commonFields: [CodingKeys] = [.id, .type, .area, .text, .source, .actions, .help]

    /// Missing text fields decode as empty so the validator can report every missing field
    /// at once, instead of the decoder stopping at the first.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        area = try c.decodeIfPresent(String.self, forKey: .area)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        actions = try c.decodeIfPresent([String].self, forKey: .actions)
        help = try c.decodeIfPresent(String.self, forKey: .help)
        let type = try c.decode(ItemType.self, forKey: .type)
        kind = try ItemKind.decode(type, from: c)
        let own = type.behaviour.ownFields + Self.commonFields
        misplacedFields = CodingKeys.allCases.filter { !own.contains($0) && c.contains($0) }.map(\.rawValue)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(area, forKey: .area)
        try c.encode(text, forKey: .text)
        try c.encode(source, forKey: .source)
        try kind.behaviour.encode(to: &c)
        try c.encodeIfPresent(actions, forKey: .actions)
        try c.encodeIfPresent(help, forKey: .help)
    }
}
