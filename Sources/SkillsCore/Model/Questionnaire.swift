/// A questionnaire as a trainer writes it in JSON (format documented in the README).
/// Each item's kind carries its own fields; `QuestionnaireValidator` reports a field
/// that belongs to another kind rather than ignoring it.
public struct Questionnaire: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var version: String
    public var title: String
    public var kind: Kind
    public var description: String?
    public var minutes: Int?
    /// The scale of every rating item that does not set its own.
    public var scale: RatingScale?
    /// A bank that asks a form drawn from its items rather than every item (see `QuizForms`).
    public var draw: Draw?
    /// Per-area reliability and spread, for the standard errors of rating scores.
    public var calibration: Calibration?
    public var items: [Item]

    /// How many scored items of each area one sitting asks.
    public struct Draw: Codable, Sendable, Equatable {
        public var perArea: Int

        public init(perArea: Int) { self.perArea = perArea }

        enum CodingKeys: String, CodingKey, CaseIterable { case perArea }
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case checkIn = "check-in"
        case selfAssessment = "self-assessment"
        case quiz
        /// A coach rates someone else on the rubric (`--rater`).
        case observation

        public init(from decoder: any Decoder) throws { self = try decodeNamedValue(decoder) }
    }

    /// Items that count toward a score (all but reflections).
    public var scoredItems: [Item] { items.filter(\.isScored) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, version, title, kind, description, minutes, scale, draw, calibration, items
    }

    /// Missing text fields decode as empty so the validator can report every missing field
    /// at once, instead of the decoder stopping at the first.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 0
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        kind = try c.decode(Kind.self, forKey: .kind)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        scale = try c.decodeIfPresent(RatingScale.self, forKey: .scale)
        draw = try c.decodeIfPresent(Draw.self, forKey: .draw)
        calibration = try c.decodeIfPresent(Calibration.self, forKey: .calibration)
        items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
    }

    public init(
        format: Int = currentFormat, id: String, version: String, title: String, kind: Kind,
        description: String? = nil, minutes: Int? = nil, scale: RatingScale? = nil, draw: Draw? = nil,
        calibration: Calibration? = nil,
        items: [Item]
    ) {
        self.calibration = calibration
        self.format = format
        self.id = id
        self.version = version
        self.title = title
        self.kind = kind
        self.description = description
        self.minutes = minutes
        self.scale = scale
        self.draw = draw
        self.items = items
    }
}
