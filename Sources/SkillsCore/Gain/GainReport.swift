import FoundationEssentials
import Glibc

/// How much a class moved between two sittings of one questionnaire (a pre-course and a
/// post-course quiz, say): per skill area and overall, for the people who sat both.
public struct GainReport: Codable, Equatable, Sendable {
    public var questionnaire: String
    public var title: String
    public var kind: Questionnaire.Kind
    public var before: Sitting
    public var after: Sitting
    /// "first" (each person's first attempt in each sitting, as `class` does) or "latest".
    public var attempts: String
    /// People with a result in both sittings, matched by name (`PersonName.key`).
    public var matched: Int
    /// Which of Hake's gains `hakeGain` is, said in words so a reader of the JSON knows.
    public var hakeGainForm = GainReport.classAverageForm
    /// |RCI| at or above this is a reliable change (Jacobson & Truax, 90% two-sided).
    public var reliableChangeCriterion = Measurement.z90
    public var overall: Row
    public var areas: [Row]
    /// Each matched person's overall before and after, in the order of their names.
    public var people: [Person]
    public var unmatched: Unmatched
    /// What a reader must know before trusting the numbers (forms compared whole, a small class).
    public var caveats: [String]

    public static let classAverageForm =
        "class average: (mean after − mean before) / (100 − mean before), Hake 1998"

    public struct Sitting: Codable, Equatable, Sendable {
        /// The folder or file, or the side of the split date ("before 2026-11-10").
        public var label: String
        /// Results of the questionnaire on this side (every attempt), and the people among them.
        public var results: Int
        public var people: Int
        public var versions: [String]
        /// When the chosen attempts were taken, earliest and latest.
        public var from: Date?
        public var to: Date?
    }

    /// The figures for one skill area, or for the overall score (`area` absent).
    public struct Row: Codable, Equatable, Sendable {
        public var area: String?
        public var name: String
        /// Matched people with a score on both sides (an area with too few answers has none).
        public var people: Int
        public var meanBefore: Double?
        public var meanAfter: Double?
        public var meanChange: Double?
        /// Hake's class-average normalised gain (see `hakeGainForm`); absent when the class began at 100.
        public var hakeGain: Double?
        /// The mean of individual gains, over the people who began below 100.
        public var meanIndividualGain: Double?
        public var startedAtTop: Int
        /// Cohen's d_z for paired scores, mean change / SD of the changes.
        public var effectSize: Double?
        /// The exact 95% interval of d_z, from the noncentral t (absent for a change so uniform
        /// that |t| > 40).
        public var effectSizeInterval: ConfidenceInterval?
        /// The large-sample 95% interval pingouin reports, d ± t·√(1/n + d²/2n).
        public var effectSizeApproximateInterval: ConfidenceInterval?
        public var reliableChange: ReliableChanges
        public var basis: Basis
        /// Items every matched result asked, when the sittings asked different items.
        public var commonItems: Int?
    }

    /// People whose change is beyond measurement error, up or down, by the RCI from each
    /// score's standard error; `undetermined` lacked an error on one side (a coach's level,
    /// a rating questionnaire without calibration).
    public struct ReliableChanges: Codable, Equatable, Sendable {
        public var up: Int
        public var down: Int
        public var noClearChange: Int
        public var undetermined: Int
    }

    /// What the before and after scores stand on.
    public enum Basis: String, Codable, Sendable {
        /// Everyone answered the same items on both sides: the stored scores.
        case sameItems = "same-items"
        /// Different forms: rescored on the items every matched result asked (`commonItems`).
        case itemsInCommon = "items-in-common"
        /// Different forms with too few items in common: the stored whole-form scores, with a caveat.
        case wholeForms = "whole-forms"
    }

    public struct Person: Codable, Equatable, Sendable {
        public var name: String
        public var before: Double?
        public var after: Double?
        public var change: Double?
        /// "up", "down" or "none"; absent when the change could not be judged.
        public var reliableChange: ReliableChange.Direction?
    }

    public struct Unmatched: Codable, Equatable, Sendable {
        /// Names with a result only before, and only after.
        public var before: [String]
        public var after: [String]
    }
}
