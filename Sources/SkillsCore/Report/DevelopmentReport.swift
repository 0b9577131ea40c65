import FoundationEssentials
import Glibc

/// What the development report says about one result, independent of format: the
/// summary, areas strongest first, strengths, focus areas, a plan tied to the answers
/// that pulled the focus areas down, missed quiz questions, reflections, and the change
/// since the previous result of the same questionnaire.
public struct DevelopmentReport: Codable, Sendable, Equatable {
    public var person: String
    public var rater: String?
    public var takenAt: Date
    public var questionnaire: AssessmentResult.QuestionnaireRef
    public var overall: Double?
    public var level: String?
    /// One line on what the overall level means.
    public var meaning: String?
    /// Strongest first; areas without enough answers last.
    public var areas: [AreaLine]
    public var strengths: [String]
    public var focusAreas: [String]
    public var plan: [PlanStep]
    public var practice: Practice?
    public var missedQuestions: [MissedQuestion]
    public var reflections: [Reflection]
    public var previous: PreviousResult?
    /// The overall's standard error and 90% band.
    public var standardError: Double?
    public var band: ScoreBand?
    /// How many areas the overall stands on, when not all were scored.
    public var areasScored: Int?
    /// Codes of answering styles that make the scores doubtful (`ResponseStyle`); empty when none.
    public var responseStyle: [String] = []
    /// Areas left out of the focus areas though they score the same (rounded, as shown) as
    /// one of them, and areas left out of the strengths only because two are named though
    /// they score the same as the last: a tie is stated, never broken silently.
    public var tiedWithFocus: [String] = []
    public var tiedWithStrengths: [String] = []

    public struct AreaLine: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var score: Double?
        public var level: String?
        public var descriptor: String?
        public var answered: Int
        public var items: Int
        public var required: Int
        /// Points since the previous result, when both were scored.
        public var change: Double?
        /// The person's target for this area (`skills target`), if set.
        public var target: Double?
        /// The score's standard error and 90% band, and every level the band reaches (lowest
        /// first, the score's own among them) when it reaches more than one.
        public var standardError: Double?
        public var band: ScoreBand?
        public var bandLevels: [String]?
        /// Whether `change` is more than measurement error (the reliable change index);
        /// absent when either result's error is unknown.
        public var reliable: Bool?
        /// Items answered "not applicable" ("didn't come up").
        public var notApplicable: Int?
    }

    public struct PlanStep: Codable, Sendable, Equatable {
        public var area: String
        public var action: String
        public var text: String
        /// The answers that led to this action, lowest first.
        public var because: [Evidence]
    }

    public struct Evidence: Codable, Sendable, Equatable {
        public var item: String
        public var text: String
        public var answer: String
        /// Rating items: the scale label of the answer ("Sometimes"), and whether the item is
        /// reverse-keyed (a high answer is the low one).
        public var label: String? = nil
        public var reverse: Bool? = nil
    }

    public struct MissedQuestion: Codable, Sendable, Equatable {
        public var item: String
        public var area: String?
        public var text: String
        /// Nil when the question was skipped. Letters are the options' identities (authored
        /// order); `shownChosen` and `shownCorrect` are the letters the person saw, when the
        /// options were shuffled.
        public var chosen: String?
        public var chosenText: String?
        /// What the chosen option's own feedback says about it.
        public var feedback: String?
        public var correct: String
        public var correctText: String
        public var explanation: String
        public var shownChosen: String?
        public var shownCorrect: String?

        /// "You chose D) <text>" and "Best answer: B) <text>", with the letters as the person
        /// saw them; `escape` makes the texts safe for the format.
        public func sentences(_ escape: (String) -> String) -> (chose: String, best: String) {
            let chose =
                chosen.map { letters in
                    let text = chosenText.map { " " + escape($0) } ?? ""
                    return "You chose \(shownChosen ?? letters))\(text)"
                } ?? "You skipped it."
            return (chose, "Best answer: \(shownCorrect ?? correct)) \(escape(correctText))")
        }
    }

    public struct Reflection: Codable, Sendable, Equatable {
        public var item: String
        public var prompt: String
        public var text: String
    }

    public struct PreviousResult: Codable, Sendable, Equatable {
        public var takenAt: Date
        public var overall: Double?
        public var change: Double?
        /// Whether the overall change is more than measurement error.
        public var reliable: Bool?
    }
}
