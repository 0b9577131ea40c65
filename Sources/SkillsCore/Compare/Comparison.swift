import Foundation

/// An agent's self-rating beside a coach's rating of the same areas (seed chapter 001,
/// "Utilizing Feedback and Coaching"). A gap of `threshold` points or more is a blind spot
/// when the agent rates themselves higher, and a hidden strength when lower.
public struct Comparison: Codable, Sendable, Equatable {
    public static let threshold = 15.0

    public var person: String
    public var selfResult: Source
    public var coachResult: Source
    public var areas: [AreaGap]
    /// Development actions for the blind spots.
    public var actions: [DevelopmentReport.PlanStep]

    public struct Source: Codable, Sendable, Equatable {
        public var questionnaire: String
        public var title: String
        public var takenAt: Date
        public var rater: String?
    }

    public struct AreaGap: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var selfScore: Double?
        public var coachScore: Double?
        /// Self minus coach, in whole points as printed; nil when either is missing.
        public var gap: Double?
        /// "blind-spot", "hidden-strength" or "agreed"; nil when it cannot be compared.
        public var finding: String?
        /// The coach's line of evidence for this area, if written.
        public var evidence: String?
    }

    public var blindSpots: [String] { areas.filter { $0.finding == "blind-spot" }.map(\.area) }
    public var hiddenStrengths: [String] { areas.filter { $0.finding == "hidden-strength" }.map(\.area) }
}

public enum ComparisonBuilder {
    public static func build(self own: AssessmentResult, coach: AssessmentResult, framework: Framework) -> Comparison {
        let areas = framework.areaIDs.map { area -> Comparison.AreaGap in
            let mine = own.scores.area(area)?.score
            let theirs = coach.scores.area(area)?.score
            let gap = ReportBuilder.difference(mine, theirs)
            let finding = gap.map {
                $0 >= Comparison.threshold ? "blind-spot" : $0 <= -Comparison.threshold ? "hidden-strength" : "agreed"
            }
            let evidence = coach.reflections.first { $0.area == area }?.answer
            return .init(
                area: area, name: framework.name(ofArea: area), selfScore: mine, coachScore: theirs,
                gap: gap, finding: finding, evidence: evidence)
        }
        let actions = areas.filter { $0.finding == "blind-spot" }.flatMap { gap in
            (framework.area(gap.area)?.actions ?? []).prefix(2).map {
                DevelopmentReport.PlanStep(area: gap.area, action: $0.id, text: $0.text, because: [])
            }
        }
        func source(_ result: AssessmentResult) -> Comparison.Source {
            .init(
                questionnaire: result.questionnaire.id, title: result.questionnaire.title, takenAt: result.takenAt,
                rater: result.rater)
        }
        return Comparison(
            person: own.person, selfResult: source(own), coachResult: source(coach), areas: areas, actions: actions)
    }
}
