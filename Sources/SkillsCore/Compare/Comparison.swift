import FoundationEssentials
import Glibc

/// An agent's self-rating beside a coach's rating of the same areas (seed chapter 001,
/// "Utilizing Feedback and Coaching"), on one scale: the rubric's levels. The coach picks a
/// level; the agent's score is placed in its level with its 90% band. A blind spot (self
/// higher) or hidden strength (self lower) is declared only when the levels differ and the
/// agent's band lies wholly outside the coach's level; otherwise the two agree.
public struct Comparison: Codable, Sendable, Equatable {
    public var person: String
    public var selfResult: Source
    public var coachResult: Source
    /// With several coaches: each coach's observation, the latest first; `coachResult` is then
    /// the latest of them, and the coach figures are the consensus (`CoachConsensus`).
    public var coaches: [Source]?
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
        public var selfLevel: String?
        public var coachLevel: String?
        /// The agent's standard error and 90% band, when their questionnaire states its reliability.
        public var selfStandardError: Double?
        public var selfBand: ScoreBand?
    }

    public var blindSpots: [String] { areas.filter { $0.finding == "blind-spot" }.map(\.area) }
    public var hiddenStrengths: [String] { areas.filter { $0.finding == "hidden-strength" }.map(\.area) }
}

public enum ComparisonBuilder {
    public static func build(self own: AssessmentResult, coach: AssessmentResult, framework: Framework) -> Comparison {
        let areas = framework.areaIDs.map { area -> Comparison.AreaGap in
            let mine = own.scores.area(area)
            let theirs = coach.scores.area(area)
            let evidence = coach.reflections.first { $0.area == area }?.answer
            return .init(
                area: area, name: framework.name(ofArea: area), selfScore: mine?.score, coachScore: theirs?.score,
                gap: ReportBuilder.difference(mine?.score, theirs?.score),
                finding: finding(self: mine, coach: theirs?.level, levels: framework.levels), evidence: evidence,
                selfLevel: mine?.level, coachLevel: theirs?.level, selfStandardError: mine?.standardError,
                selfBand: mine?.band)
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

    /// The self-rating beside several coaches' consensus (latest first, as
    /// `ResultChoice.coachRatings` gives them); with one coach, the plain comparison.
    public static func build(self own: AssessmentResult, coaches: [AssessmentResult], framework: Framework)
        -> Comparison?
    {
        guard let latest = coaches.first else { return nil }
        guard coaches.count > 1 else { return build(self: own, coach: latest, framework: framework) }
        var comparison = build(self: own, coach: latest, framework: framework)
        comparison.coaches = coaches.map {
            .init(
                questionnaire: $0.questionnaire.id, title: $0.questionnaire.title, takenAt: $0.takenAt,
                rater: $0.rater)
        }
        for index in comparison.areas.indices {
            let area = comparison.areas[index].area
            let consensus = CoachConsensus(area: area, observations: coaches, levels: framework.levels)
            let mine = own.scores.area(area)
            comparison.areas[index].coachScore = consensus.score
            comparison.areas[index].coachLevel = consensus.levelName
            comparison.areas[index].gap = ReportBuilder.difference(mine?.score, consensus.score)
            comparison.areas[index].finding = consensus.finding(self: mine, levels: framework.levels)
            let evidence = coaches.compactMap { coach in
                coach.reflections.first { $0.area == area }?.answer.map { "\(coach.rater ?? "coach"): \($0)" }
            }
            comparison.areas[index].evidence = evidence.isEmpty ? nil : evidence.joined(separator: "; ")
        }
        comparison.actions = comparison.areas.filter { $0.finding == "blind-spot" }.flatMap { gap in
            (framework.area(gap.area)?.actions ?? []).prefix(2).map {
                DevelopmentReport.PlanStep(area: gap.area, action: $0.id, text: $0.text, because: [])
            }
        }
        return comparison
    }

    /// On the rubric's levels: agreed when the coach's level is the agent's, or within the
    /// agent's band; else a blind spot or hidden strength by which level is higher.
    static func finding(self own: AreaScore?, coach: String?, levels: [LevelBand]) -> String? {
        guard let own, let score = own.score, let ownLevel = own.level, let coach,
            let ownIndex = levels.firstIndex(where: { $0.name == ownLevel }),
            let coachIndex = levels.firstIndex(where: { $0.name == coach })
        else { return nil }
        let reached = (own.band ?? ScoreBand(low: score, high: score)).levels(in: levels).map(\.name)
        if ownIndex == coachIndex || reached.contains(coach) { return "agreed" }
        return ownIndex > coachIndex ? "blind-spot" : "hidden-strength"
    }
}
