import Foundation

/// A result read from disk, with the file it came from.
public struct StoredResult: Sendable {
    public let path: String
    public let result: AssessmentResult
}

/// Reading result files: one at a time, from a folder or a list of paths. A file that
/// cannot be read is reported as a problem line and skipped, never changed.
public enum ResultReader {
    /// One result file. A file from a newer version of skills is refused with a message
    /// to update, whether or not it happens to decode.
    /// `regularOnly` for files found in a folder; a file the user names may be a pipe.
    public static func read(path: String, regularOnly: Bool = true) throws -> AssessmentResult {
        try read(data: JSONFile.read(path, regularOnly: regularOnly), path: path)
    }

    public static func read(data: Data, path: String) throws -> AssessmentResult {
        do {
            let result = try JSONFile.decode(AssessmentResult.self, from: data, file: path)
            if result.format > AssessmentResult.currentFormat { throw newerFormat(result.format, path: path) }
            return result
        } catch let error as SkillsError where error.kind == .invalidData {
            // Only on failure, look for a newer format number: the better explanation.
            if let format = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["format"] as? Int,
                format > AssessmentResult.currentFormat
            {
                throw newerFormat(format, path: path)
            }
            throw error
        }
    }

    private static func newerFormat(_ format: Int, path: String) -> SkillsError {
        .invalidData(
            file: path,
            detail:
                "result format \(format) is newer than this version of skills understands "
                + "(\(AssessmentResult.currentFormat)); update skills"
        )
    }

    /// Every readable result in the files given; `problems` gets one line per damaged file.
    public static func readAll(_ paths: [String], problems: inout [String]) -> [StoredResult] {
        var results: [StoredResult] = []
        for path in paths {
            do {
                results.append(StoredResult(path: path, result: try read(path: path)))
            } catch {
                problems.append("skipped \(error)")
            }
        }
        return results
    }
}

extension ResultStore {
    /// All results in the store, oldest first; damaged files are reported in `problems`.
    public func allResults(problems: inout [String]) throws -> [StoredResult] {
        ResultReader.readAll(try JSONFile.files(in: resultsFolder.path), problems: &problems)
            .sorted { $0.result.takenAt < $1.result.takenAt }
    }

    /// A person's results, oldest first. Names match as `PersonName.same` says.
    public func results(of person: String, questionnaire: String? = nil, problems: inout [String]) throws
        -> [StoredResult]
    {
        try allResults(problems: &problems).filter {
            PersonName.same($0.result.person, person)
                && (questionnaire == nil || $0.result.questionnaire.id == questionnaire)
        }
    }
}
