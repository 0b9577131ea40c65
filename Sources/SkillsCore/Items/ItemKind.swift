/// What an item kind does, in one place: its own JSON fields, its checks, how it is asked,
/// how a typed answer is read, what it scores and what a result keeps of it.
///
/// A new kind is one file (a type conforming to this protocol), one case in `ItemKind`
/// and one in `ItemType`; every switch over kinds is exhaustive, so the compiler lists
/// the two arms to add and nothing can fall through to "scores nothing".
public protocol ItemBehaviour: Sendable {
    /// The `type` name in questionnaire and result files.
    static var type: ItemType { get }
    /// The JSON fields only this kind uses (besides id, type, area, text, source, actions, help).
    static var ownFields: [Item.CodingKeys] { get }
    /// Counts toward a score (reflections do not).
    static var isScored: Bool { get }
    /// Right or wrong, like a quiz question: a skip earns nothing, misses are listed in the
    /// report, options are counted in the class summary, and a scale of them is KR-20.
    static var isRightOrWrong: Bool { get }
    /// The xAPI interaction type of a result's answer.
    static var interactionType: String { get }
    /// May be answered "not applicable" (`n`): the situation did not come up, or was not seen.
    static var allowsNotApplicable: Bool { get }

    init(decodingFrom container: KeyedDecodingContainer<Item.CodingKeys>) throws
    func encode(to container: inout KeyedEncodingContainer<Item.CodingKeys>) throws

    /// Problems in the kind's own fields: (the field, or nil for the item, and the message).
    func problems(in context: ItemContext) -> [(field: String?, message: String)]
    /// The lines under the question when it is asked (scale labels, options, rubric).
    func choices(for item: Item, in context: ItemContext) -> [String]
    /// One line saying how to answer, for '?'.
    func answerHelp(in context: ItemContext) -> String
    /// A typed or scripted answer ('-' for a skip is handled before this).
    func parse(_ text: String, in context: ItemContext) -> Result<Response, AnswerError>
    /// Points after keying and the most there were to earn; nil points for no score.
    func points(for response: Response, in context: ItemContext) -> (points: Double?, max: Double?)
    /// What a result keeps of the item beyond the answer itself (labels, the key, ...).
    func describe(_ response: Response, into record: inout AnswerRecord, in context: ItemContext)
}

/// What an item needs from around it: the questionnaire's default scale and the rubric.
public struct ItemContext: Sendable {
    public let scale: RatingScale?
    public let framework: Framework
    public let area: String?

    public init(scale: RatingScale?, framework: Framework, area: String?) {
        self.scale = scale
        self.framework = framework
        self.area = area
    }
}

/// An item's kind with its own specification.
public enum ItemKind: Sendable, Equatable {
    case rating(RatingItem)
    case choice(ChoiceItem)
    case level(LevelItem)
    case reflection(ReflectionItem)

    public var behaviour: any ItemBehaviour {
        switch self {
        case .rating(let kind): kind
        case .choice(let kind): kind
        case .level(let kind): kind
        case .reflection(let kind): kind
        }
    }

    /// The kind from its fields as the fast reader of built-in questionnaires found them.
    static func make(
        _ type: ItemType, reverse: Bool?, scale: RatingScale?, options: [Option]?, explanation: String?
    ) -> ItemKind {
        switch type {
        case .rating: .rating(RatingItem(reverse: reverse, scale: scale))
        case .choice: .choice(ChoiceItem(options: options ?? [], explanation: explanation))
        case .level: .level(LevelItem())
        case .reflection: .reflection(ReflectionItem())
        }
    }

    static func decode(_ type: ItemType, from container: KeyedDecodingContainer<Item.CodingKeys>) throws -> ItemKind {
        switch type {
        case .rating: .rating(try RatingItem(decodingFrom: container))
        case .choice: .choice(try ChoiceItem(decodingFrom: container))
        case .level: .level(try LevelItem(decodingFrom: container))
        case .reflection: .reflection(try ReflectionItem(decodingFrom: container))
        }
    }
}

/// The kind's name, as questionnaire and result files spell it.
public enum ItemType: String, Codable, Sendable, CaseIterable {
    /// A statement on a labelled scale.
    case rating
    /// A scenario with lettered options.
    case choice
    /// Free text, never scored.
    case reflection
    /// A level of the area's rubric, chosen by an observer.
    case level

    public init(from decoder: any Decoder) throws { self = try decodeNamedValue(decoder) }

    public var behaviour: any ItemBehaviour.Type {
        switch self {
        case .rating: RatingItem.self
        case .choice: ChoiceItem.self
        case .level: LevelItem.self
        case .reflection: ReflectionItem.self
        }
    }

    public var isScored: Bool { behaviour.isScored }
    public var isRightOrWrong: Bool { behaviour.isRightOrWrong }
}
