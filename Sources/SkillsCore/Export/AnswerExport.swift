import FoundationEssentials
import Glibc

/// `skills export --format csv`: one row per answer, for a spreadsheet.
public enum AnswerExport {
    public static let header = [
        "person", "rater", "taken_at", "questionnaire", "version", "result", "item", "type", "area",
        "answer", "points", "max_points", "correct",
    ]

    public static func csvRows(_ result: AssessmentResult) -> [String] {
        rows(
            result, person: result.person, rater: result.rater ?? "", takenAt: ISODate.string(result.takenAt),
            id: result.id)
    }

    /// The same rows with the person and rater as random codes, the result's id (which holds
    /// the name and time) as a code of its own, and the day without the time.
    public static func anonymousCSVRows(_ result: AssessmentResult, codes: inout Anonymizer) -> [String] {
        rows(
            result, person: codes.code(for: result.person), rater: result.rater.map { codes.code(for: $0) } ?? "",
            takenAt: ISODate.day(result.takenAt), id: codes.code(for: result.id, prefix: "R"))
    }

    static func rows(_ result: AssessmentResult, person: String, rater: String, takenAt: String, id: String)
        -> [String]
    {
        result.answers.map { answer in
            Escaping.csvRow([
                person, rater, takenAt, result.questionnaire.id, result.questionnaire.version, id, answer.item,
                answer.type.rawValue, answer.area ?? "",
                answer.answer ?? "", answer.points.map(TextStyle.decimal) ?? "",
                answer.maxPoints.map(TextStyle.decimal) ?? "", answer.correct ?? "",
            ])
        }
    }
}
