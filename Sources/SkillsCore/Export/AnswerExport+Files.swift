import FoundationEssentials
import Glibc

extension AnswerExport {
    /// Whether an export asked for `person`'s results (when one is named) of `questionnaire` (when
    /// one is named) includes `result`.
    public static func includes(_ result: AssessmentResult, person: String?, questionnaire: String?) -> Bool {
        (person.map { PersonName.same(result.person, $0) } ?? true)
            && (questionnaire == nil || result.questionnaire.id == questionnaire)
    }

    /// The CSV of every result in `paths` that is `person`'s (when one is named) and of
    /// `questionnaire` (when one is named), oldest first (files in the order given when times are
    /// equal), one row per answer, and how many results it holds. Files are read and made into
    /// rows on every core, and only the rows are kept: 10,000 results never sit in memory
    /// together. A file that cannot be read is a line in `problems`, as `ResultReader.readAll` has it.
    public static func csv(paths: [String], person: String?, questionnaire: String?, problems: inout [String])
        -> (text: String, results: Int)
    {
        let made = Parallel.map(paths, pieces: paths.count < 64 ? 1 : 4 * Parallel.cores) { piece in
            piece.map { path in
                Result { () -> (takenAt: Date, rows: String)? in
                    let result = try ResultReader.read(path: path)
                    guard includes(result, person: person, questionnaire: questionnaire) else { return nil }
                    var rows = ""
                    for row in csvRows(result) {
                        rows += row
                        rows += "\r\n"
                    }
                    return (result.takenAt, rows)
                }
            }
        }
        var kept: [(takenAt: Date, file: Int, rows: String)] = []
        for (file, outcome) in made.enumerated() {
            switch outcome {
            case .success(let entry?): kept.append((entry.takenAt, file, entry.rows))
            case .success(nil): continue
            case .failure(let error): problems.append("skipped \(error)")
            }
        }
        kept.sort { ($0.takenAt, $0.file) < ($1.takenAt, $1.file) }
        var text = Escaping.csvRow(header) + "\r\n"
        for entry in kept { text += entry.rows }
        return (text, kept.count)
    }
}
