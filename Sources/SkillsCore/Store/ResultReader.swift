import Foundation

/// A result read from disk, with the file it came from.
public struct StoredResult: Sendable {
    public let path: String
    public let result: AssessmentResult
}

/// Reading result files: one at a time, from a folder or a list of paths. A file that
/// cannot be read is reported as a problem line and skipped, never changed.
public enum ResultReader {
    public static func read(path: String) throws -> AssessmentResult {
        let data = try JSONFile.read(path)
        if let format = (try? JSONSerialization.jsonObject(with: data)) .flatMap({ ($0 as? [String: Any])?["format"] as? Int }),
           format > AssessmentResult.currentFormat {
            throw SkillsError.invalidData(file: path, detail: "result format \(format) is newer than this version of skills understands (\(AssessmentResult.currentFormat)); update skills")
        }
        return try JSONFile.decode(AssessmentResult.self, from: data, file: path)
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
    public func allResults(problems: inout [String]) -> [StoredResult] {
        ResultReader.readAll(JSONFile.files(in: resultsFolder.path), problems: &problems)
            .sorted { $0.result.takenAt < $1.result.takenAt }
    }

    /// A person's results, oldest first. Names match without regard to case.
    public func results(of person: String, questionnaire: String? = nil, problems: inout [String]) -> [StoredResult] {
        allResults(problems: &problems).filter {
            $0.result.person.caseInsensitiveCompare(person) == .orderedSame
                && (questionnaire == nil || $0.result.questionnaire.id == questionnaire)
        }
    }
}
