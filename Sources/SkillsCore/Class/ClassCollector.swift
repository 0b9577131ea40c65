import Foundation

/// Reads result files one at a time for the class summary, keeping only what the
/// statistics need: per attempt the person, time and scores, and per item a column of
/// points (NaN where skipped) and, for choice items, which options were picked. Results
/// are grouped by questionnaire and version, so different ones are never mixed.
public struct ClassCollector {
    public private(set) var groups: [ClassGroup] = []
    /// One line per file that could not be used.
    public private(set) var problems: [String] = []

    public init() {}

    /// The result files named: folders give their .json files, files are taken as they are.
    public static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SkillsError.notFound("\(path): no such file or folder")
            }
            files += isDirectory.boolValue ? JSONFile.files(in: path) : [path]
        }
        return files
    }

    public mutating func add(path: String) {
        do {
            add(try ResultReader.read(path: path))
        } catch {
            problems.append("skipped \(error)")
        }
    }

    public mutating func add(_ result: AssessmentResult) {
        let ref = result.questionnaire
        if let index = groups.firstIndex(where: { $0.id == ref.id && $0.version == ref.version }) {
            groups[index].add(result)
        } else {
            var group = ClassGroup(result.questionnaire, layout: result.answers)
            group.add(result)
            groups.append(group)
        }
    }
}

/// The results of one questionnaire version, as columns.
public struct ClassGroup: Sendable {
    public let id: String
    public let version: String
    public let title: String
    public let kind: Questionnaire.Kind
    public private(set) var hashes: Set<String> = []
    public let items: [ItemInfo]
    public private(set) var attempts: [Attempt] = []
    /// `points[item][attempt]`, NaN where skipped.
    public private(set) var points: [[Float]]
    /// `picks[item][attempt]`: bit n set when option n was chosen (choice items only).
    public private(set) var picks: [[UInt16]]
    private let itemIndex: [String: Int]

    public struct ItemInfo: Sendable {
        public let id: String
        public let type: ItemType
        public let area: String
        public let text: String
        public let maxPoints: Double
        public let correct: String?
        public let optionCount: Int
    }

    public struct Attempt: Sendable {
        public let person: String
        public let takenAt: Date
        public let overall: Double?
        public let areaScores: [String: Double]
    }

    init(_ ref: AssessmentResult.QuestionnaireRef, layout answers: [AnswerRecord]) {
        id = ref.id
        version = ref.version
        title = ref.title
        kind = ref.kind
        items = answers.filter { $0.type != .reflection && $0.area != nil }.map { answer in
            let letters = (answer.correct ?? "").unicodeScalars.map { Int($0.value) - 64 }
            return ItemInfo(id: answer.item, type: answer.type, area: answer.area ?? "", text: answer.text,
                            maxPoints: answer.maxPoints ?? 1, correct: answer.correct,
                            optionCount: answer.optionCount ?? letters.max() ?? 0)
        }
        points = Array(repeating: [], count: items.count)
        picks = Array(repeating: [], count: items.count)
        itemIndex = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func add(_ result: AssessmentResult) {
        hashes.insert(result.questionnaire.hash)
        var areaScores: [String: Double] = [:]
        for area in result.scores.areas { if let score = area.score { areaScores[area.area] = score } }
        attempts.append(Attempt(person: result.person, takenAt: result.takenAt, overall: result.scores.overall, areaScores: areaScores))
        for index in items.indices {
            points[index].append(.nan)
            picks[index].append(0)
        }
        let last = attempts.count - 1
        for answer in result.answers {
            guard let index = itemIndex[answer.item] else { continue }
            if let value = answer.points {
                points[index][last] = Float(value)
            } else if answer.type == .choice {
                points[index][last] = 0  // a skipped question earns nothing, as in scoring
            }
            if answer.type == .choice, let letters = answer.answer {
                picks[index][last] = letters.unicodeScalars.reduce(0) { mask, letter in
                    let bit = Int(letter.value) - 65
                    return (0..<16).contains(bit) ? mask | (1 << UInt16(bit)) : mask
                }
            }
        }
    }
}
