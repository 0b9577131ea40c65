/// Several coaches' rating of one area, as one: the median of the levels they chose. The
/// levels are ordered categories, so the median (not the mean) is the summary that keeps
/// to them, and one coach far off cannot move it. With an even number of coaches split
/// across two levels the median lies between them; the consensus is then both levels, and
/// a self-rating in either agrees with it (neither half of the coaches outvotes the other).
public struct CoachConsensus: Sendable, Equatable {
    /// The lower and upper middle levels (0-based in the rubric), equal with an odd count.
    public var lower: Int?
    public var upper: Int?
    /// The median of the coaches' area scores (each the middle of the level chosen).
    public var score: Double?
    public var levelNames: [String]

    public init(area: String, observations: [AssessmentResult], levels: [LevelBand]) {
        let chosen = observations.compactMap { result -> Int? in
            guard let name = result.scores.area(area)?.level else { return nil }
            return levels.firstIndex { $0.name == name }
        }.sorted()
        let scores = observations.compactMap { $0.scores.area(area)?.score }
        score = Statistics.median(scores)
        guard !chosen.isEmpty else {
            levelNames = []
            return
        }
        lower = chosen[(chosen.count - 1) / 2]
        upper = chosen[chosen.count / 2]
        levelNames = Array(Set([lower!, upper!])).sorted().map { levels[$0].name }
    }

    /// "Proficient", or "Developing–Proficient" when the coaches split evenly.
    public var levelName: String? { levelNames.isEmpty ? nil : levelNames.joined(separator: "–") }

    /// As `ComparisonBuilder.finding` with one coach: agreed when the agent's level, or their
    /// band, reaches the consensus level (either of two); else a blind spot when the agent's
    /// level is above it, a hidden strength when below.
    public func finding(self own: AreaScore?, levels: [LevelBand]) -> String? {
        guard let lower, let upper, let own, let score = own.score, let ownLevel = own.level,
            let ownIndex = levels.firstIndex(where: { $0.name == ownLevel })
        else { return nil }
        let reached = (own.band ?? ScoreBand(low: score, high: score)).levels(in: levels).map(\.name)
        if (lower...upper).contains(ownIndex) || levelNames.contains(where: reached.contains) { return "agreed" }
        return ownIndex > upper ? "blind-spot" : "hidden-strength"
    }
}
