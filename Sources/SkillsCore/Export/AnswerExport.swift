import Foundation

/// `skills export --format csv`: one row per answer, for a spreadsheet.
public enum AnswerExport {
    public static let header = [
        "person", "rater", "taken_at", "questionnaire", "version", "result", "item", "type", "area",
        "answer", "points", "max_points", "correct",
    ]

    public static func csvRows(_ result: AssessmentResult) -> [String] {
        result.answers.map { answer in
            Escaping.csvRow([
                result.person, result.rater ?? "", ISODate.string(result.takenAt), result.questionnaire.id,
                result.questionnaire.version, result.id, answer.item, answer.type.rawValue, answer.area ?? "",
                answer.answer ?? "", answer.points.map(TextStyle.decimal) ?? "",
                answer.maxPoints.map(TextStyle.decimal) ?? "", answer.correct ?? "",
            ])
        }
    }
}
