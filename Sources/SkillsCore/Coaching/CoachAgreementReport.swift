import FoundationEssentials
import Glibc

/// How far coaches agree when they observe the same agents (issue 16): per skill area
/// Krippendorff's alpha with a bootstrap interval and the plain percentages a calibration
/// session checks by eye, each coach's habit (lenient, severe, in line), and the agent-area
/// pairs to talk through first. Ratings are the rubric's levels, 1 = the lowest.
public struct CoachAgreementReport: Codable, Sendable, Equatable {
    /// The blind session this report opened, when there was one.
    public var session: String?
    /// Only observations taken on or after this moment.
    public var since: Date?
    /// The coaches and agents whose observations were used, in alphabetical order.
    public var coaches: [String]
    public var agents: [String]
    /// Observations used: the latest of each coach for each agent.
    public var observations: Int
    /// Earlier observations of the same agent by the same coach in the period, left out.
    public var superseded: Int
    /// The bootstrap's seed and number of resamples, so anyone can reproduce the intervals.
    public var seed: UInt64
    public var replicates: Int
    /// The rubric's levels, lowest first: what the numbers 1, 2, … in ratings stand for.
    public var levels: [String]
    public var areas: [AreaAgreement]
    /// Every agent-area pair of every area taken together.
    public var allAreas: AreaAgreement
    public var coachOffsets: [CoachOffset]
    public var widestDisagreements: [Disagreement]
    /// Plain statements of what could not be computed and why.
    public var notes: [String]

    public struct AreaAgreement: Codable, Sendable, Equatable {
        /// The area's id; "all" for every area together.
        public var area: String
        public var name: String
        /// Agent-area pairs rated by at least two coaches (alpha's units).
        public var units: Int
        /// Pairs of coaches rating the same agent.
        public var pairs: Int
        /// Percent of those pairs on the same level, and at most one level apart.
        public var exact: Double?
        public var withinOneLevel: Double?
        /// Krippendorff's alpha (ordinal), nil when it cannot be computed (`note` says why).
        public var alpha: Double?
        /// Its 95% percentile bootstrap interval, resampling the rated agent-area pairs (seeded, see `seed`).
        public var alphaInterval: ConfidenceInterval?
        public var note: String?
    }

    public struct CoachOffset: Codable, Sendable, Equatable {
        public var coach: String
        /// Agent-area pairs the coach rated that at least one other coach rated too.
        public var ratings: Int
        /// The coach's rating minus the consensus (the median of all the coaches' ratings of the
        /// pair), averaged, in levels: +0.5 is half a level above the others.
        public var meanOffset: Double
        /// Its 95% t interval; a single point when every offset was the same.
        public var interval: ConfidenceInterval?
        /// "lenient", "severe" or "in-line"; nil with too few ratings to say.
        public var verdict: String?
    }

    public struct Disagreement: Codable, Sendable, Equatable {
        public var agent: String
        public var area: String
        public var areaName: String
        /// Highest minus lowest level given.
        public var spread: Int
        public var ratings: [CoachRating]
    }

    public struct CoachRating: Codable, Sendable, Equatable {
        public var coach: String
        public var level: Int
        public var levelName: String
    }
}
