import FoundationEssentials
import Glibc

/// A result read from disk, with the file it came from.
public struct StoredResult: Sendable {
    public let path: String
    public let result: AssessmentResult
}

/// Reading result files: one at a time, from a folder or a list of paths. A file that
/// cannot be read is reported as a problem line and skipped, never changed.
public enum ResultReader {
    /// One result file. A file from a newer version of skills is refused with a message
    /// to update, whether or not it happens to decode; numbers, dates and texts out of
    /// range (`ResultLimits`) are refused naming the field. `regularOnly` for files found
    /// in a folder; a file the user names may be a pipe.
    public static func read(path: String, regularOnly: Bool = true) throws -> AssessmentResult {
        try read(data: JSONFile.read(path, regularOnly: regularOnly), path: path)
    }

    public static func read(data: Data, path: String) throws -> AssessmentResult {
        if let result = AssessmentResult.fastRead(data) { return result }
        return try readInFull(data: data, path: path)
    }

    /// The same file accepted or refused exactly as `read` does, with the same message, but
    /// with `answers` always empty: for `history`, which shows only dates and scores, and
    /// must stay the only user. Such a result must never reach code that reads answers (a report, an export,
    /// `compare`, the class summary): to them it would look like a result with none.
    public static func readWithoutAnswers(path: String) throws -> AssessmentResult {
        try readWithoutAnswers(data: JSONFile.read(path, regularOnly: true), path: path)
    }

    static func readWithoutAnswers(data: Data, path: String) throws -> AssessmentResult {
        if let result = AssessmentResult.fastRead(data, answers: false) { return result }
        var result = try readInFull(data: data, path: path)
        result.answers = []
        return result
    }

    /// The same with JSONDecoder only: what the fast reader must agree with, and what explains
    /// a file it steps aside for.
    static func readInFull(data: Data, path: String) throws -> AssessmentResult {
        // Foundation stops at 512 levels; the class summary's fast reader at 64. One limit
        // for both, so a file reads the same everywhere, with an error that says why.
        if nestingDepth(of: data) > ResultLimits.nestingDepth {
            throw SkillsError.invalidData(
                file: path, detail: "nested more than \(ResultLimits.nestingDepth) levels deep; not a result file")
        }
        do {
            let result = try JSONFile.decode(AssessmentResult.self, from: data, file: path)
            if result.format > AssessmentResult.currentFormat { throw newerFormat(result.format, path: path) }
            return try result.checked(file: path)
        } catch let error as SkillsError where error.kind == .invalidData {
            // Only on failure, look for a newer format number: the better explanation.
            if case .wholeNumber(let format) = (try? JSONValue.parse(data))?.object?["format"],
                format > AssessmentResult.currentFormat
            {
                throw newerFormat(format, path: path)
            }
            throw error
        }
    }

    /// The deepest nesting of objects and arrays, outside strings; exact for valid JSON.
    static func nestingDepth(of data: Data) -> Int {
        data.withUnsafeBytes { bytes in
            var (depth, deepest) = (0, 0)
            var strings = JSONStringState()
            for byte in bytes where !strings.consumes(byte) {
                switch byte {
                case 0x7B, 0x5B:
                    depth += 1
                    deepest = max(deepest, depth)
                case 0x7D, 0x5D: depth -= 1
                default: break
                }
            }
            return deepest
        }
    }

    private static func newerFormat(_ format: Int, path: String) -> SkillsError {
        let understood = "this version of skills understands (\(AssessmentResult.currentFormat))"
        return .invalidData(file: path, detail: "result format \(format) is newer than \(understood); update skills")
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

    /// A person's results, oldest first. Names match as `PersonName.same` says. Only the
    /// files whose names could be the person's are read (`PersonResults`), plus any file not
    /// named the way `save` names them; each is checked after reading.
    public func results(of person: String, questionnaire: String? = nil, problems: inout [String]) throws
        -> [StoredResult]
    {
        let theirs = try PersonResults(store: self, person: person, questionnaire: questionnaire)
        defer { problems += theirs.problems }
        return theirs.all()
    }

    /// The people in the store, read until `limit` different ones are found.
    public func people(upTo limit: Int, problems: inout [String]) throws -> [String] {
        var read: [StoredResult] = []
        var tried: Set<String> = []
        return try people(upTo: limit, problems: &problems, read: &read, tried: &tried)
    }

    /// The same, keeping what was read in `read` (and every file opened in `tried`), for the
    /// command to use without reading again.
    func people(upTo limit: Int, problems: inout [String], read: inout [StoredResult], tried: inout Set<String>)
        throws -> [String]
    {
        var people: [String: String] = [:]
        for path in try JSONFile.files(in: resultsFolder.path) {
            tried.insert(path)
            guard let stored = ResultReader.readAll([path], problems: &problems).first else { continue }
            read.append(stored)
            let result = stored.result
            people[PersonName.key(result.person)] = people[PersonName.key(result.person)] ?? result.person
            if people.count >= limit { break }
        }
        return people.values.sorted()
    }

    /// What follows the time in a name `save` made (`2026-11-23T051200-ana-…`): nil for any
    /// other name.
    static func personPart(of name: String) -> Substring? {
        var name = name
        let saved = name.withUTF8 { isSaveName(UnsafeRawBufferPointer($0)) }
        return saved ? name.dropFirst(18) : nil
    }

    /// Whether a name's bytes start as `save` names a file: `2026-11-23T051200-`.
    static func isSaveName(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let digit = { (index: Int) in bytes[index] >= 48 && bytes[index] <= 57 }
        return bytes.count > 18 && (0..<4).allSatisfy(digit) && bytes[4] == 45 && digit(5) && digit(6)
            && bytes[7] == 45 && digit(8) && digit(9) && bytes[10] == 84 && (11..<17).allSatisfy(digit)
            && bytes[17] == 45
    }
}
