import FoundationEssentials
import Glibc

/// What the before and after scores of a gain stand on when the sittings may have asked
/// different questions (forms of the scenario bank, or two versions of a questionnaire):
/// the stored scores when everyone answered the same items, else the scores on the items
/// every matched result asked, else, with too few of those, the whole-form scores.
struct FormComparison {
    /// The scored items every result asked.
    let common: Set<String>
    private let sameOverall: Bool
    private let sameInArea: [String: Bool]
    private let areaOf: [String: String]
    /// Scores on the common items only, by result id; empty when every result asked the same.
    private let rescored: [String: Scores]

    init(_ results: [AssessmentResult], framework: Framework) {
        let itemSets = results.map { Set($0.answers.filter(\.type.isScored).map(\.item)) }
        var areaOf: [String: String] = [:]
        for result in results {
            for answer in result.answers where answer.type.isScored { areaOf[answer.item] = answer.area ?? "" }
        }
        self.areaOf = areaOf
        let common = itemSets.dropFirst().reduce(itemSets.first ?? []) { $0.intersection($1) }
        self.common = common
        sameOverall = itemSets.allSatisfy { $0 == itemSets.first }
        var sameInArea: [String: Bool] = [:]
        for area in Set(areaOf.values) {
            let inArea = itemSets.map { $0.filter { areaOf[$0] == area } }
            sameInArea[area] = inArea.allSatisfy { $0 == inArea.first }
        }
        self.sameInArea = sameInArea
        var rescored: [String: Scores] = [:]
        if !sameOverall {
            for result in results {
                let kept = result.answers.filter { common.contains($0.item) }
                rescored[result.id] = Scoring.scores(for: kept, framework: framework)
            }
        }
        self.rescored = rescored
    }

    /// How an area (or the overall, for nil) is compared, and how many items it has in common.
    func basis(area: String?) -> (GainReport.Basis, Int) {
        guard let area else {
            if sameOverall { return (.sameItems, common.count) }
            return (common.count >= GainBuilder.commonItemsOverall ? .itemsInCommon : .wholeForms, common.count)
        }
        let inCommon = common.filter { areaOf[$0] == area }.count
        if sameInArea[area] ?? true { return (.sameItems, inCommon) }
        return (inCommon >= GainBuilder.commonItemsPerArea ? .itemsInCommon : .wholeForms, inCommon)
    }

    /// A person's score before and after on this basis, and whether the change is reliable
    /// (nil when either score lacks a standard error); nil when either score is missing.
    func values(_ pair: (AssessmentResult, AssessmentResult), area: String?, basis: GainReport.Basis)
        -> (before: Double, after: Double, reliable: ReliableChange.Direction?)?
    {
        let scores = { (result: AssessmentResult) -> Scores in
            basis == .itemsInCommon ? (rescored[result.id] ?? result.scores) : result.scores
        }
        let score = { (scores: Scores) -> (Double?, Double?) in
            guard let area else { return (scores.overall, scores.standardError) }
            let found = scores.area(area)
            return (found?.score, found?.standardError)
        }
        let (before, beforeError) = score(scores(pair.0))
        let (after, afterError) = score(scores(pair.1))
        guard let before, let after else { return nil }
        let reliable = both(beforeError, afterError).flatMap {
            ReliableChange(from: before, to: after, standardErrors: $0)?.direction
        }
        return (before, after, reliable)
    }
}
