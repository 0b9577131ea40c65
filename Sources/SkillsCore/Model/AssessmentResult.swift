import FoundationEssentials
import Glibc

/// One completed questionnaire. Self-contained: it carries the questionnaire's identity
/// and content hash, every answer with the item text it answered, and the scores, so a
/// report about it stays correct after the questionnaire is edited.
public struct AssessmentResult: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var person: String
    /// Present when someone other than the person rated them (a coach).
    public var rater: String?
    public var takenAt: Date
    public var questionnaire: QuestionnaireRef
    public var answers: [AnswerRecord]
    public var scores: Scores
    /// Answering styles seen while it was taken that the answers alone cannot show
    /// (`ResponseStyle.tooFast`); absent when none.
    public var responseStyle: [String]?

    public struct QuestionnaireRef: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public var title: String
        public var kind: Questionnaire.Kind
        /// SHA-256 of the questionnaire's canonical JSON.
        public var hash: String
    }

    public var reflections: [AnswerRecord] { answers.filter { !$0.type.isScored } }
}

/// One answer as stored: enough of the item to report on it without the questionnaire.
public struct AnswerRecord: Codable, Sendable, Equatable {
    public var item: String
    public var type: ItemType
    public var area: String?
    public var text: String
    /// The answer as given: "4", "B", "AC", free text, or nil when skipped.
    public var answer: String?
    /// Points after reverse keying, from 0 up to `maxPoints`; nil for reflections and skips.
    public var points: Double?
    public var maxPoints: Double?
    public var reverse: Bool?
    /// Rating items: the scale label of the answer given.
    public var label: String?
    /// Choice items: the correct letters, and the explanation shown when missed.
    public var correct: String?
    public var correctText: String?
    /// Choice items: how many options there were, so class statistics can count every one.
    public var optionCount: Int?
    /// Choice items shown in a shuffled order: the authored index of the option shown at
    /// each position (the answer and the key stay in authored letters).
    public var optionOrder: [Int]?
    /// Choice items: the text of the option(s) chosen, and their feedback.
    public var answerText: String?
    public var feedback: String?
    public var explanation: String?
    public var actions: [String]?
    /// True when answered "not applicable": not scored, and not counted among the area's items.
    public var notApplicable: Bool?

    public var isAnswered: Bool { answer != nil }
    public var isNotApplicable: Bool { notApplicable == true }
    public var fraction: Double? {
        guard let points, let maxPoints, maxPoints > 0 else { return nil }
        return points / maxPoints
    }
}

public struct Scores: Codable, Sendable, Equatable {
    /// A quiz: points earned over all its questions (a skip earns nothing). Ratings: the mean
    /// of the scored areas, with `areasScored` saying how many of the areas that is; nil when
    /// no area had enough answers.
    public var overall: Double?
    public var level: String?
    public var areas: [AreaScore]
    /// How many areas the overall stands on, when fewer than all were scored.
    public var areasScored: Int?
    /// The overall's standard error and 90% band (absent when an area's error is unknown).
    public var standardError: Double?
    public var band: ScoreBand?

    public func area(_ id: String) -> AreaScore? { areas.first { $0.area == id } }
}

public struct AreaScore: Codable, Sendable, Equatable {
    public var area: String
    /// 0 to 100; nil when fewer than `required` items were answered ("not enough answers").
    public var score: Double?
    public var level: String?
    public var answered: Int
    /// The area's items that applied (those answered "not applicable" are left out).
    public var items: Int
    public var required: Int
    /// Items answered "not applicable"; when every item was, the area has no score.
    public var notApplicable: Int?
    /// The score's standard error (SEM from the questionnaire's calibration for ratings,
    /// Lord's binomial error for quiz questions) and its 90% band, score ± 1.645·SE.
    public var standardError: Double?
    public var band: ScoreBand?
}
