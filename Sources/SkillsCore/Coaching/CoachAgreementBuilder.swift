import FoundationEssentials
import Glibc

/// Builds a `CoachAgreementReport` from coach observations (values in, a value out).
public enum CoachAgreementBuilder {
    /// The bootstrap's seed, fixed so the same observations always give the same intervals
    /// (16, the issue that asked for calibration); printed in every report.
    public static let seed: UInt64 = 16
    public static let replicates = 2000
    /// How many agent-area pairs the report lists for discussion.
    public static let disagreementsShown = 5

    /// The observations that count: coach observations (with a rater) taken on or after
    /// `since`, the latest of each coach for each agent (an earlier one was superseded by
    /// the coach's own second look). Names match as `PersonName.same` says.
    public static func latestObservations(_ results: [AssessmentResult], since: Date?) -> (
        used: [AssessmentResult], superseded: Int
    ) {
        var latest: [String: AssessmentResult] = [:]
        var considered = 0
        for result in results where result.questionnaire.kind == .observation && result.rater != nil {
            if let since, result.takenAt < since { continue }
            considered += 1
            let key = PersonName.key(result.person) + "\u{0}" + PersonName.key(result.rater ?? "")
            if let seen = latest[key], (seen.takenAt, seen.id) >= (result.takenAt, result.id) { continue }
            latest[key] = result
        }
        let used = latest.values.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        return (used, considered - used.count)
    }

    public static func build(
        _ results: [AssessmentResult], since: Date? = nil, session: String? = nil, framework: Framework
    ) -> CoachAgreementReport {
        let (used, superseded) = latestObservations(results, since: since)
        let coaches = displayNames(used.map { $0.rater ?? "" })
        let agents = displayNames(used.map(\.person))
        let coachIndex = Dictionary(uniqueKeysWithValues: coaches.enumerated().map { (PersonName.key($1), $0) })
        let agentIndex = Dictionary(uniqueKeysWithValues: agents.enumerated().map { (PersonName.key($1), $0) })
        let levels = framework.levels.map(\.name)

        // ratings[area][agent][coach]: the level chosen, 1 = the lowest.
        var ratings = framework.areaIDs.map { _ in
            agents.map { _ in [Double?](repeating: nil, count: coaches.count) }
        }
        for result in used {
            guard let coach = coachIndex[PersonName.key(result.rater ?? "")],
                let agent = agentIndex[PersonName.key(result.person)]
            else { continue }
            for (a, area) in framework.areaIDs.enumerated() {
                if let name = result.scores.area(area)?.level, let level = levels.firstIndex(of: name) {
                    ratings[a][agent][coach] = Double(level + 1)
                }
            }
        }

        var notes: [String] = []
        if coaches.count < 2 {
            notes.append(
                coaches.isEmpty
                    ? "No coach observations in this period."
                    : "Only one coach (\(coaches[0])) observed agents in this period; agreement needs at least two "
                        + "coaches observing the same agents.")
        }
        let areas = framework.areaIDs.enumerated().map { a, area in
            agreement(ratings[a], area: area, name: framework.name(ofArea: area))
        }
        let pooled = ratings.flatMap { $0 }
        let all = agreement(pooled, area: "all", name: "All areas")
        if coaches.count >= 2, all.units == 0 {
            notes.append("No agent was observed by two coaches in this period, so there is nothing to compare.")
        }

        let offsets = CoderAgreement.offsets(pooled).map { offset -> CoachAgreementReport.CoachOffset in
            // No spread at all (always exactly the same distance from the others) leaves the
            // t interval undefined; it is then the single point, and the verdict follows it.
            let interval =
                offset.interval
                ?? (offset.count >= 2 ? ConfidenceInterval(low: offset.meanOffset, high: offset.meanOffset) : nil)
            return .init(
                coach: coaches[offset.coder], ratings: offset.count, meanOffset: offset.meanOffset,
                interval: interval, verdict: interval.map { verdict(CoderAgreement.Leaning(offsetInterval: $0)) })
        }
        for offset in offsets where offset.verdict == nil {
            notes.append(
                "\(offset.coach) shares only one rating with another coach: too few to call lenient or severe.")
        }

        let units = framework.areaIDs.flatMap { area in agents.indices.map { (area, $0) } }
        let widest = CoderAgreement.widestDisagreements(pooled, limit: disagreementsShown).map { spread in
            let (area, agent) = units[spread.unit]
            let given = pooled[spread.unit].enumerated().compactMap { coach, level in
                level.map {
                    CoachAgreementReport.CoachRating(
                        coach: coaches[coach], level: Int($0), levelName: levels[Int($0) - 1])
                }
            }
            return CoachAgreementReport.Disagreement(
                agent: agents[agent], area: area, areaName: framework.name(ofArea: area),
                spread: Int(spread.range), ratings: given)
        }
        return CoachAgreementReport(
            session: session, since: since, coaches: coaches, agents: agents, observations: used.count,
            superseded: superseded, seed: seed, replicates: replicates, levels: levels, areas: areas,
            allAreas: all, coachOffsets: offsets, widestDisagreements: widest, notes: notes)
    }

    static func agreement(_ ratings: [[Double?]], area: String, name: String) -> CoachAgreementReport.AreaAgreement {
        let units = ratings.filter { $0.compactMap { $0 }.count >= 2 }.count
        let pairs = CoderAgreement.pairAgreement(ratings)
        var result = CoachAgreementReport.AreaAgreement(
            area: area, name: name, units: units, pairs: pairs?.pairs ?? 0, exact: pairs?.exact,
            withinOneLevel: pairs?.withinOneLevel)
        guard units >= 2 else {
            result.note =
                units == 0
                ? "no agent observed by two coaches" : "only one agent observed by two coaches: too few for alpha"
            return result
        }
        guard let alpha = Krippendorff.alpha(ratings, level: .ordinal) else {
            result.note = "every rating was the same level: alpha is undefined (no disagreement to expect)"
            return result
        }
        result.alpha = alpha
        result.alphaInterval =
            Krippendorff.bootstrapInterval(ratings, level: .ordinal, replicates: replicates, seed: seed)?.interval
        return result
    }

    static func verdict(_ leaning: CoderAgreement.Leaning) -> String {
        switch leaning {
        case .lenient: "lenient"
        case .severe: "severe"
        case .inLine: "in-line"
        }
    }

    /// One spelling per person, the last met (callers pass names oldest first, so the latest
    /// spelling shows), sorted by the person's key.
    static func displayNames(_ names: [String]) -> [String] {
        var seen: [String: String] = [:]
        for name in names { seen[PersonName.key(name)] = name }
        return seen.sorted { $0.key < $1.key }.map(\.value)
    }
}
