/// A questionnaire as a trainer writes it in JSON (format documented in the README).
/// Fields that only some item types use are optional here; `QuestionnaireValidator`
/// says which belong where, so a misplaced field is reported rather than ignored.
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
    public var items: [Item]

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case checkIn = "check-in"
        case selfAssessment = "self-assessment"
        case quiz
        /// A coach rates someone else on the rubric (`--rater`).
        case observation

        public init(from decoder: any Decoder) throws { self = try decodeNamedValue(decoder) }
    }

    public func scale(of item: Item) -> RatingScale? { item.scale ?? scale }

    /// Items that count toward a score (all but reflections).
    public var scoredItems: [Item] { items.filter { $0.type != .reflection } }
}

public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var type: ItemType
    public var area: String?
    public var text: String
    public var source: String
    /// Rating items only: score from the top of the scale, (max + min) - answer.
    public var reverse: Bool?
    public var scale: RatingScale?
    /// Choice items only, lettered A, B, C ... in order.
    public var options: [Option]?
    public var explanation: String?
    /// Development action ids (from the framework) that address a low answer here.
    public var actions: [String]?
    public var help: String?

    public var isReverseKeyed: Bool { reverse ?? false }

    /// Indices of the correct options of a choice item.
    public var correctOptions: [Int] {
        (options ?? []).indices.filter { options?[$0].correct == true }
    }
}

public enum ItemType: String, Codable, Sendable, CaseIterable {
    /// A statement on a labelled scale.
    case rating
    /// A scenario with lettered options.
    case choice
    /// Free text, never scored.
    case reflection
    /// A level of the area's rubric (1 = the lowest), chosen by an observer; scored at the
    /// middle of the level's band so the score lands in that level.
    case level

    public init(from decoder: any Decoder) throws { self = try decodeNamedValue(decoder) }
}

public struct RatingScale: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var labels: [String]

    public func label(for value: Int) -> String? {
        let index = value - min
        return labels.indices.contains(index) ? labels[index] : nil
    }
}

public struct Option: Codable, Sendable, Equatable {
    public var text: String
    public var correct: Bool?
    public var feedback: String?
}

/// Option letters: A for the first option, B for the second, and so on.
public enum OptionLetters {
    public static let maximumOptions = 10

    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }

    public static func letters(_ indices: [Int]) -> String {
        indices.sorted().map(letter).joined()
    }
}
