/// Free text the person writes for themselves or their coach: kept in the report, never scored.
public struct ReflectionItem: ItemBehaviour, Equatable {
    public static let type = ItemType.reflection
    public static let ownFields: [Item.CodingKeys] = []
    public static let isScored = false
    public static let isRightOrWrong = false
    public static let interactionType = "long-fill-in"
    public static let allowsNotApplicable = false
    public static let limit = 2000

    public init() {}
    public init(decodingFrom c: KeyedDecodingContainer<Item.CodingKeys>) throws {}
    public func encode(to c: inout KeyedEncodingContainer<Item.CodingKeys>) throws {}

    public func problems(in context: ItemContext) -> [(field: String?, message: String)] { [] }

    public func choices(for item: Item, in context: ItemContext) -> [String] {
        ["(Type a line of text, or press Enter to skip.)"]
    }

    public func answerHelp(in context: ItemContext) -> String {
        "Write a sentence; it is kept in your report and never scored."
    }

    public func parse(_ text: String, in context: ItemContext) -> Result<Response, AnswerError> {
        if text.isEmpty { return .success(.skipped) }
        if text.count > Self.limit {
            return .failure(AnswerError("the reflection is \(text.count) characters; expected at most \(Self.limit)"))
        }
        return .success(.text(text))
    }

    public func points(for response: Response, in context: ItemContext) -> (points: Double?, max: Double?) {
        (nil, nil)
    }

    public func describe(_ response: Response, into record: inout AnswerRecord, in context: ItemContext) {}
}
