/// A level of the area's rubric (1 = the lowest), chosen by an observer who sees each
/// level's descriptor for the area. It scores at the middle of the level's band, so the
/// area lands in the chosen level.
public struct LevelItem: ItemBehaviour, Equatable {
    public static let type = ItemType.level
    public static let ownFields: [Item.CodingKeys] = []
    public static let isScored = true
    public static let isRightOrWrong = false
    public static let interactionType = "likert"
    public static let allowsNotApplicable = true

    public init() {}
    public init(decodingFrom c: KeyedDecodingContainer<Item.CodingKeys>) throws {}
    public func encode(to c: inout KeyedEncodingContainer<Item.CodingKeys>) throws {}

    /// 1 for the lowest level, labelled with the level names.
    func scale(in context: ItemContext) -> RatingScale {
        let levels = context.framework.levels
        return RatingScale(min: 1, max: Swift.max(1, levels.count), labels: levels.map(\.name))
    }

    public func problems(in context: ItemContext) -> [(field: String?, message: String)] { [] }

    public func choices(for item: Item, in context: ItemContext) -> [String] {
        context.framework.levels.enumerated().map { index, band in
            let descriptor = context.area.flatMap { context.framework.area($0)?.descriptor(forLevel: band.name) } ?? ""
            return "\(index + 1) \(band.name): \(TextSafety.visible(descriptor))"
        }
    }

    public func answerHelp(in context: ItemContext) -> String {
        "Answer with the number of the level, from 1 to \(scale(in: context).max)."
    }

    public func parse(_ text: String, in context: ItemContext) -> Result<Response, AnswerError> {
        scale(in: context).parse(text)
    }

    public func points(for response: Response, in context: ItemContext) -> (points: Double?, max: Double?) {
        let levels = context.framework.levels
        guard case .rating(let value) = response, levels.indices.contains(value - 1) else { return (nil, nil) }
        let band = levels[value - 1]
        return (Double(band.min + band.max) / 2, 100)
    }

    public func describe(_ response: Response, into record: inout AnswerRecord, in context: ItemContext) {
        if case .rating(let value) = response { record.label = scale(in: context).label(for: value) }
    }
}
