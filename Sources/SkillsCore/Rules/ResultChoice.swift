import FoundationEssentials
import Glibc

/// Which of a person's results a command shows, as named rules so that `take`, `report`,
/// `history` and `compare` cannot disagree.
public enum ResultChoice {
    /// The result a new one is compared with: the latest result of the same person and
    /// questionnaire taken before it (by the time taken, not the time saved, so a
    /// back-filled check-in is compared with the one before it in time).
    public static func previous(of result: AssessmentResult, among results: [AssessmentResult]) -> AssessmentResult? {
        results.filter { isEarlier($0, than: result) }.max { $0.takenAt < $1.takenAt }
    }

    /// The same rule, read from the store only as far back as needed.
    public static func previous(of result: AssessmentResult, in store: PersonResults) -> AssessmentResult? {
        store.latest { isEarlier($0, than: result) }
    }

    static func isEarlier(_ candidate: AssessmentResult, than result: AssessmentResult) -> Bool {
        candidate.id != result.id && candidate.questionnaire.id == result.questionnaire.id
            && PersonName.same(candidate.person, result.person) && candidate.takenAt < result.takenAt
    }

    /// The person's own latest result (of a questionnaire, when one is named). A coach's
    /// observation of them is theirs to see only when its questionnaire is asked for.
    public static func latest(among results: [AssessmentResult], questionnaire: String? = nil) -> AssessmentResult? {
        results.filter { counts($0, asLatestOf: questionnaire) }.max { $0.takenAt < $1.takenAt }
    }

    /// The same rule, read from the store only as far back as needed.
    public static func latest(in store: PersonResults, questionnaire: String? = nil) -> AssessmentResult? {
        store.latest { counts($0, asLatestOf: questionnaire) }
    }

    static func counts(_ result: AssessmentResult, asLatestOf questionnaire: String?) -> Bool {
        questionnaire.map { result.questionnaire.id == $0 } ?? (result.rater == nil)
    }

    /// The questionnaire a history shows: the one asked for, else the one the person took
    /// most often (the latest of those on a tie), never an observation of them unless asked.
    public static func historyQuestionnaire(among results: [AssessmentResult], asked: String?) -> String? {
        if let asked { return asked }
        var counts: [String: (count: Int, latest: Date)] = [:]
        for result in results where result.rater == nil {
            let seen = counts[result.questionnaire.id]
            counts[result.questionnaire.id] = (
                (seen?.count ?? 0) + 1, max(seen?.latest ?? .distantPast, result.takenAt)
            )
        }
        return counts.max { a, b in (a.value.count, a.value.latest) < (b.value.count, b.value.latest) }?.key
    }

    /// The self-rating `compare` puts beside a coach's: the person's latest
    /// self-assessment, else their latest check-in.
    public static func selfRating(among results: [AssessmentResult]) -> AssessmentResult? {
        let own = results.filter { $0.rater == nil }
        let latest = { (kind: Questionnaire.Kind) in
            own.filter { $0.questionnaire.kind == kind }.max { $0.takenAt < $1.takenAt }
        }
        return latest(.selfAssessment) ?? latest(.checkIn)
    }

    /// How far back from the latest observation another coach's still counts in `compare`:
    /// a calibration round or a week of coaching spans days, and an observation older than
    /// two weeks describes an agent who may have moved on since.
    public static let coachRoundDays = 14

    /// The coach ratings `compare` puts beside a self-rating: each coach's latest observation
    /// of the person, taken on or after `since` when given, else within `coachRoundDays`
    /// before the latest observation; the latest first. Empty when there is none.
    public static func coachRatings(among results: [AssessmentResult], since: Date? = nil) -> [AssessmentResult] {
        let observations = results.filter { $0.questionnaire.kind == .observation }
        guard let latest = observations.map(\.takenAt).max() else { return [] }
        let from = since ?? latest.addingTimeInterval(-Double(coachRoundDays) * 86_400)
        var byCoach: [String: AssessmentResult] = [:]
        for result in observations where result.takenAt >= from {
            let coach = PersonName.key(result.rater ?? "")
            if let seen = byCoach[coach], seen.takenAt >= result.takenAt { continue }
            byCoach[coach] = result
        }
        return byCoach.values.sorted { ($0.takenAt, $0.rater ?? "") > ($1.takenAt, $1.rater ?? "") }
    }
}
