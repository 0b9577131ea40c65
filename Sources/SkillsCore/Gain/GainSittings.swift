import FoundationEssentials
import Glibc

/// Which results stand on each side of a gain: the rules `skills gain` follows, kept here so
/// they can be tested without the command.
public enum GainSittings {
    /// One folder's results cut at a moment: those taken before it, and those taken at it or after.
    public static func split(_ results: [AssessmentResult], at moment: Date) -> (
        before: [AssessmentResult], after: [AssessmentResult]
    ) {
        (results.filter { $0.takenAt < moment }, results.filter { $0.takenAt >= moment })
    }

    /// The questionnaire both sides are compared on. Results of different questionnaires
    /// are never mixed: a side holding several needs `asked`, and two sides holding one
    /// questionnaire each must hold the same one.
    public static func questionnaire(
        before: [AssessmentResult], after: [AssessmentResult], asked: String?, labels: (String, String)
    ) throws -> String {
        for (results, label) in [(before, labels.0), (after, labels.1)] where results.isEmpty {
            throw SkillsError.notFound("no results found in \(label)")
        }
        let ids = (ordered(before), ordered(after))
        if let asked {
            for (found, label) in [(ids.0, labels.0), (ids.1, labels.1)] where !found.contains(asked) {
                throw SkillsError.notFound(
                    "no results of '\(asked)' in \(label); found \(found.joined(separator: ", "))")
            }
            return asked
        }
        if ids.0.count == 1, ids.1.count == 1 {
            guard ids.0 == ids.1 else {
                throw SkillsError.invalidData(
                    file: "\(labels.0) and \(labels.1)",
                    detail:
                        "results of different questionnaires (\(ids.0[0]) before, \(ids.1[0]) after); a gain "
                        + "compares two sittings of one questionnaire")
            }
            return ids.0[0]
        }
        let both = ids.0.filter(ids.1.contains)
        throw SkillsError.usage(
            "the results hold several questionnaires (before: \(ids.0.joined(separator: ", ")); after: "
                + "\(ids.1.joined(separator: ", "))); choose one with --questionnaire ID"
                + (both.isEmpty ? "" : " (on both sides: \(both.joined(separator: ", ")))"))
    }

    private static func ordered(_ results: [AssessmentResult]) -> [String] {
        Array(Set(results.map(\.questionnaire.id))).sorted()
    }
}
