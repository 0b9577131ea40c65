import FoundationEssentials
import Glibc

/// The trainer's picture of a class: participants, per-area statistics, the weakest area
/// with what to train, and item analysis in the manner of Moodle's quiz statistics.
public struct ClassSummary: Codable, Sendable, Equatable {
    public var questionnaire: String
    public var version: String
    public var title: String
    public var kind: Questionnaire.Kind
    /// "first" (each person's first attempt) or "all".
    public var attempts: String
    public var participantCount: Int
    /// Below this many participants the statistics are shown but flagged as unreliable.
    public static let reliableFrom = 5
    public var reliable: Bool
    public var participants: ParticipantTable
    public var areas: [AreaStatistics]
    public var weakestArea: WeakestArea?
    /// Every area tied for weakest at the mean shown (rounded to a whole point), the first
    /// being `weakestArea`: a tie is named, never broken silently.
    public var weakestAreas: [WeakestArea] = []
    public var items: [ItemStatistics]
    public var scales: [ScaleStatistics]
    /// Below this many participants no item is flagged: a handful of people cannot tell a
    /// misfiring question from chance.
    public static let itemFlagsFrom = 10
    /// True when item flags are withheld ("too few to judge items").
    public var itemFlagsWithheld = false
    /// Participants whose answers carry a response-style caution (straight-lining,
    /// acquiescence): their scores are doubtful, and worth a word before they are trusted.
    public var cautions: [Caution] = []

    /// True when names are replaced by random codes and times by days (`--anonymize`).
    public var anonymized = false
    /// Reflections grouped by question, each answer with its writer's name (or code).
    public var reflections: [ReflectionQuestion] = []
    /// Each trainee's missed questions (right-or-wrong items below full marks), in the
    /// participants' order; people who missed none are left out.
    public var missedQuestions: [MissedByTrainee] = []

    public struct ReflectionQuestion: Codable, Sendable, Equatable {
        public var item: String
        public var prompt: String
        public var answers: [Reflection]
    }

    public struct Reflection: Codable, Sendable, Equatable {
        public var name: String
        public var text: String
    }

    public struct MissedByTrainee: Codable, Sendable, Equatable {
        public var name: String
        /// Item ids, in the questionnaire's order.
        public var missed: [String]
    }

    /// How many gave one answer to a rating item: "1" … "5", "n/a" or "skipped".
    public struct AnswerCount: Codable, Sendable, Equatable {
        public var answer: String
        public var count: Int
    }

    public struct Caution: Codable, Sendable, Equatable {
        public var name: String
        public var responseStyle: [String]
    }

    /// For a rating questionnaire: each area's alpha and score SD from this class, ready to
    /// paste into the questionnaire as its `calibration` block.
    public var calibration: Calibration?

    public struct Participant: Codable, Sendable, Equatable {
        public var name: String
        /// Absent when anonymised: `takenOn` gives the day only.
        public var takenAt: Date?
        /// The day (UTC) without the time, in anonymised output.
        public var takenOn: String? = nil
        public var overall: Double?
        public var level: String?
        /// One per area in `areas` order; nil where the area had too few answers.
        public var scores: [Double?]
    }

    public struct AreaStatistics: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var count: Int
        public var mean: Double?
        public var median: Double?
        public var standardDeviation: Double?
        public var minimum: Double?
        public var maximum: Double?
    }

    public struct WeakestArea: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var mean: Double
        public var actions: [DevelopmentAction]
    }

    public struct ItemStatistics: Codable, Sendable, Equatable {
        public var item: String
        public var area: String
        public var type: ItemType
        public var text: String
        public var answered: Int
        /// Mean score / maximum score, as a percent.
        public var facility: Double?
        /// Standard deviation of the score, as a percent of the maximum.
        public var standardDeviation: Double?
        /// Corrected item-total correlation with the rest of the item's area.
        public var discrimination: Double?
        /// Wilson's 95% interval for the facility of a right-or-wrong question.
        public var facilityInterval: ConfidenceInterval?
        /// "looks fine", "needs checking" (a flag says why), or "too few to judge".
        public var verdict: String = "looks fine"
        public var options: [OptionCount]?
        public var flags: [Flag]
        /// Rating items: how many chose each answer of the scale, "n/a" and "skipped".
        public var spread: [AnswerCount]? = nil
    }

    public struct OptionCount: Codable, Sendable, Equatable {
        public var option: String
        public var count: Int
        public var correct: Bool
    }

    public struct Flag: Codable, Sendable, Equatable {
        /// "too-easy", "too-hard" or "negative-discrimination".
        public var kind: String
        public var reason: String
    }

    public struct ScaleStatistics: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var items: Int
        /// People with an answer to every item of the scale (needed for alpha).
        public var complete: Int
        /// "alpha", or "KR-20" when every item is scored right or wrong.
        public var measure: String
        public var alpha: Double?
        /// 100 × √(1 − α).
        public var errorRatio: Double?
        /// Feldt's 95% interval for alpha.
        public var alphaInterval: ConfidenceInterval?
    }
}
