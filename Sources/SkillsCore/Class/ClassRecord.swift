import FoundationEssentials
import Glibc

/// The part of a result the class statistics use: who, when, which questionnaire, the
/// scores, and per item the points and the letters chosen.
public struct ClassRecord: Sendable {
    public var questionnaire: AssessmentResult.QuestionnaireRef
    public var person: String
    public var takenAt: Date
    public var overall: Double?
    public var areaScores: [(area: String, score: Double?)]
    public var answers: [Answer]
    /// Cautions recorded while it was taken (`AssessmentResult.responseStyle`).
    public var responseStyle: [String] = []

    public struct Answer: Sendable {
        public var item: String
        public var type: ItemType
        public var answer: String?
        public var points: Double?
        /// Rating items: reverse-keyed or not (for the answering-style cautions).
        public var reverse: Bool?
        /// Answered "not applicable" (for the spread of a rating item's answers).
        public var notApplicable: Bool? = nil
        /// Reflections only: the question, so reflections can be grouped under it.
        public var prompt: String? = nil
    }

    public init(_ result: AssessmentResult) {
        questionnaire = result.questionnaire
        person = result.person
        takenAt = result.takenAt
        overall = result.scores.overall
        areaScores = result.scores.areas.map { ($0.area, $0.score) }
        responseStyle = result.responseStyle ?? []
        answers = result.answers.map {
            Answer(
                item: $0.item, type: $0.type, answer: $0.answer, points: $0.points, reverse: $0.reverse,
                notApplicable: $0.notApplicable, prompt: $0.type == .reflection ? $0.text : nil)
        }
    }

    init(
        questionnaire: AssessmentResult.QuestionnaireRef, person: String, takenAt: Date, overall: Double?,
        areaScores: [(area: String, score: Double?)], answers: [Answer]
    ) {
        self.questionnaire = questionnaire
        self.person = person
        self.takenAt = takenAt
        self.overall = overall
        self.areaScores = areaScores
        self.answers = answers
    }
}
