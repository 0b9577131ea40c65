import FoundationEssentials
import Glibc

/// Builds the gain between two sittings of one questionnaire from their results.
public enum GainBuilder {
    /// An area asked on different forms is rescored on its items in common only when there
    /// are at least this many: a standard 15-question form asks 3 per area, and fewer than
    /// 3 right-or-wrong questions move a score in steps of 50 points.
    public static let commonItemsPerArea = 3
    /// The overall is rescored on the items in common only from this many, about half a form.
    public static let commonItemsOverall = 8
    /// Below this many matched people the effect size's interval is too wide to lean on.
    public static let smallClass = 10

    public static func build(
        before: [AssessmentResult], after: [AssessmentResult], questionnaire: String,
        labels: (before: String, after: String), latest: Bool = false, framework: Framework
    ) -> GainReport {
        let pre = before.filter { $0.questionnaire.id == questionnaire }
        let post = after.filter { $0.questionnaire.id == questionnaire }
        let chosenBefore = choose(pre, latest: latest)
        let chosenAfter = choose(post, latest: latest)
        let keys = chosenBefore.keys.filter { chosenAfter[$0] != nil }.sorted()
        let pairs = keys.map { (chosenBefore[$0]!, chosenAfter[$0]!) }
        let comparison = FormComparison(pairs.flatMap { [$0.0, $0.1] }, framework: framework)

        var caveats: [String] = []
        let overall = row(area: nil, name: "Overall", pairs: pairs, comparison: comparison)
        let areaIDs = areaOrder(pairs.flatMap { [$0.0, $0.1] }, framework: framework)
        let areas = areaIDs.map {
            row(area: $0, name: framework.name(ofArea: $0), pairs: pairs, comparison: comparison)
        }
        let whole = ([overall] + areas).filter { $0.basis == .wholeForms }
        if !whole.isEmpty {
            let listed = whole.map { "\($0.name) (\($0.commonItems ?? 0) in common)" }.joined(separator: ", ")
            caveats.append(
                "The sittings asked different questions, with too few in common to compare on them alone, so "
                    + "whole-form scores are compared for \(listed): the forms may differ in difficulty, and part "
                    + "of the change may come from that.")
        }
        if !pairs.isEmpty && pairs.count < smallClass {
            caveats.append(
                "Only \(pairs.count) \(pairs.count == 1 ? "person" : "people") sat both: the effect size's interval "
                    + "is wide, so read the gain as a first sign rather than a verdict.")
        }

        let people = pairs.map { pair in
            let scores = comparison.values(pair, area: nil, basis: overall.basis)
            let change = scores.map { $0.after - $0.before }
            return GainReport.Person(
                name: pair.0.person, before: scores?.before, after: scores?.after, change: change,
                reliableChange: scores.flatMap(\.reliable))
        }
        let first = pre.first ?? post.first
        return GainReport(
            questionnaire: questionnaire, title: first?.questionnaire.title ?? questionnaire,
            kind: first?.questionnaire.kind ?? .quiz,
            before: sitting(labels.before, results: pre, chosen: Array(chosenBefore.values)),
            after: sitting(labels.after, results: post, chosen: Array(chosenAfter.values)),
            attempts: latest ? "latest" : "first", matched: pairs.count, overall: overall, areas: areas,
            people: people,
            unmatched: .init(
                before: unmatched(chosenBefore, others: chosenAfter),
                after: unmatched(chosenAfter, others: chosenBefore)),
            caveats: caveats)
    }

    /// Each person's first (or latest) attempt, by name key; a tie in time keeps the earlier file.
    static func choose(_ results: [AssessmentResult], latest: Bool) -> [String: AssessmentResult] {
        var chosen: [String: AssessmentResult] = [:]
        for result in results {
            let key = PersonName.key(result.person)
            if let seen = chosen[key], latest ? seen.takenAt >= result.takenAt : seen.takenAt <= result.takenAt {
                continue
            }
            chosen[key] = result
        }
        return chosen
    }

    static func row(
        area: String?, name: String, pairs: [(AssessmentResult, AssessmentResult)], comparison: FormComparison
    ) -> GainReport.Row {
        let (basis, common) = comparison.basis(area: area)
        let scores = pairs.compactMap { comparison.values($0, area: area, basis: basis) }
        let gain = TrainingGain(before: scores.map(\.before), after: scores.map(\.after))
        var reliable = GainReport.ReliableChanges(up: 0, down: 0, noClearChange: 0, undetermined: 0)
        for score in scores {
            switch score.reliable {
            case .up?: reliable.up += 1
            case .down?: reliable.down += 1
            case .none?: reliable.noClearChange += 1
            case nil: reliable.undetermined += 1
            }
        }
        return GainReport.Row(
            area: area, name: name, people: scores.count, meanBefore: gain?.meanBefore, meanAfter: gain?.meanAfter,
            meanChange: gain.map { $0.meanAfter - $0.meanBefore }, hakeGain: gain?.classGain,
            meanIndividualGain: gain?.meanIndividualGain, startedAtTop: gain?.startedAtTop ?? 0,
            effectSize: gain?.effectSize, effectSizeInterval: gain?.effectSizeExactInterval,
            effectSizeApproximateInterval: gain?.effectSizeInterval, reliableChange: reliable, basis: basis,
            commonItems: basis == .sameItems ? nil : common)
    }

    /// The framework's areas first, in its order, then any others by name.
    static func areaOrder(_ results: [AssessmentResult], framework: Framework) -> [String] {
        let seen = Set(results.flatMap { $0.scores.areas.map(\.area) })
        return framework.areaIDs.filter(seen.contains) + seen.subtracting(framework.areaIDs).sorted()
    }

    static func sitting(_ label: String, results: [AssessmentResult], chosen: [AssessmentResult])
        -> GainReport.Sitting
    {
        GainReport.Sitting(
            label: label, results: results.count, people: chosen.count,
            versions: Array(Set(results.map(\.questionnaire.version))).sorted(),
            from: chosen.map(\.takenAt).min(), to: chosen.map(\.takenAt).max())
    }

    static func unmatched(_ side: [String: AssessmentResult], others: [String: AssessmentResult]) -> [String] {
        side.keys.filter { others[$0] == nil }.sorted().map { side[$0]!.person }
    }
}
