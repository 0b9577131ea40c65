/// A statement on a labelled scale ("Mostly", "Always" ...). Reverse-keyed statements
/// describe the opposite of the skill and score from the top: (max + min) - answer.
public struct RatingItem: ItemBehaviour, Equatable {
    public static let type = ItemType.rating
    public static let ownFields: [Item.CodingKeys] = [.reverse, .scale]
    public static let isScored = true
    public static let isRightOrWrong = false
    public static let interactionType = "likert"
    public static let allowsNotApplicable = true

    /// As written in the file (nil when left out), so a questionnaire's hash is stable.
    public var reverseField: Bool?
    /// The item's own scale; nil uses the questionnaire's.
    public var scale: RatingScale?

    public var reverse: Bool { reverseField ?? false }

    public init(reverse: Bool? = nil, scale: RatingScale? = nil) {
        self.reverseField = reverse
        self.scale = scale
    }

    public init(decodingFrom c: KeyedDecodingContainer<Item.CodingKeys>) throws {
        reverseField = try c.decodeIfPresent(Bool.self, forKey: .reverse)
        scale = try c.decodeIfPresent(RatingScale.self, forKey: .scale)
    }

    public func encode(to c: inout KeyedEncodingContainer<Item.CodingKeys>) throws {
        try c.encodeIfPresent(reverseField, forKey: .reverse)
        try c.encodeIfPresent(scale, forKey: .scale)
    }

    func scale(in context: ItemContext) -> RatingScale? { scale ?? context.scale }

    public func problems(in context: ItemContext) -> [(field: String?, message: String)] {
        if let scale { return scale.problems().map { ("scale" + $0.field, $0.message) } }
        if context.scale == nil {
            return [("scale", "no scale; expected a 'scale' on the item or at the top of the questionnaire")]
        }
        return []
    }

    public func choices(for item: Item, in context: ItemContext) -> [String] {
        guard let scale = scale(in: context) else { return [] }
        let labelled = scale.points.map { "\($0) \(TextSafety.visible(scale.label(for: $0) ?? ""))" }
        return [labelled.joined(separator: " · ")]
    }

    public func answerHelp(in context: ItemContext) -> String {
        let scale = scale(in: context)
        return "Answer with a number from \(scale?.min ?? 1) to \(scale?.max ?? 5)."
    }

    public func parse(_ text: String, in context: ItemContext) -> Result<Response, AnswerError> {
        guard let scale = scale(in: context) else { return .failure(AnswerError("the item has no scale")) }
        return scale.parse(text)
    }

    public func points(for response: Response, in context: ItemContext) -> (points: Double?, max: Double?) {
        guard case .rating(let value) = response, let scale = scale(in: context) else { return (nil, nil) }
        let keyed = reverse ? scale.max + scale.min - value : value
        return (Double(keyed - scale.min), Double(scale.max - scale.min))
    }

    public func describe(_ response: Response, into record: inout AnswerRecord, in context: ItemContext) {
        record.reverse = reverse
        if case .rating(let value) = response { record.label = scale(in: context)?.label(for: value) }
    }
}
