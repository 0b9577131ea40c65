import Dispatch
import Foundation

/// Reads result files one at a time for the class summary, keeping only what the
/// statistics need: per attempt the person, time and scores, and per item a column of
/// points (NaN where skipped) and, for choice items, which options were picked. Results
/// are grouped by questionnaire and version, so different ones are never mixed.
public struct ClassCollector {
    public private(set) var groups: [ClassGroup] = []
    /// One line per file that could not be used.
    public private(set) var problems: [String] = []
    /// How many files are coming, so columns are sized once instead of doubling as they
    /// grow (a quarter of the memory at 100,000 results).
    private var expectedCount = 0

    public init() {}

    /// Reads the result files named, one at a time: folders give their .json files, files
    /// are taken as they are. Every path is checked first, so a missing one stops before
    /// any reading.
    public mutating func add(paths: [String]) throws {
        let listings = try Self.listing(paths)
        expectedCount = listings.reduce(0) { $0 + ($1.names?.count ?? 1) }
        // Names only, joined to the folder a batch at a time: 100,000 full paths held at
        // once would cost more memory than the statistics.
        var batch: [String] = []
        batch.reserveCapacity(Self.batchSize)
        var parsed: ParsedBatch?
        for (path, names) in listings {
            guard let names else {
                batch.append(path)
                if batch.count == Self.batchSize { addBatch(&batch, after: &parsed) }
                continue
            }
            for name in names {
                batch.append(path.hasSuffix("/") ? path + name : path + "/" + name)
                if batch.count == Self.batchSize { addBatch(&batch, after: &parsed) }
            }
        }
        addBatch(&batch, after: &parsed)
        if let parsed { add(parsed) }
    }

    /// Files read and parsed together on every core; a thousand keep the records
    /// waiting to be added small (two batches are held: one parsed, one being parsed).
    static let batchSize = 1024

    /// One file as read on a worker: a record from the fast reader, or what the full
    /// decoder made of it.
    enum Parsed {
        case fast(ClassRecord)
        case full(AssessmentResult)
        case failed(String)
    }

    /// The files of one batch, parsed on every core. Each piece of the batch is written by
    /// one worker only, and read after all are done.
    final class ParsedBatch: @unchecked Sendable {
        let paths: [String]
        private(set) var files: [Parsed]

        init(_ paths: [String]) {
            self.paths = paths
            files = Array(repeating: .failed(""), count: paths.count)
        }

        func parse() {
            // More pieces than cores, so a core that is busy adding the batch before
            // takes fewer of them.
            let pieces = min(paths.count, 8 * max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)))
            let size = (paths.count + pieces - 1) / pieces
            let paths = self.paths
            files.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    let readBuffer = JSONFile.ReadBuffer()
                    for index in (piece * size)..<min(paths.count, (piece + 1) * size) {
                        out[index] = ClassCollector.parse(path: paths[index], buffer: readBuffer)
                    }
                }
            }
        }
    }

    /// Parses the batch on the other cores while the batch parsed before it is added here,
    /// then keeps it to be added next. Records are added in file order, so the summary is
    /// the same as one read file by file.
    private mutating func addBatch(_ batch: inout [String], after previous: inout ParsedBatch?) {
        guard !batch.isEmpty else { return }
        let parsing = ParsedBatch(batch)
        batch.removeAll(keepingCapacity: true)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { parsing.parse() }
        if let previous { add(previous) }
        done.wait()
        previous = parsing
    }

    private mutating func add(_ batch: ParsedBatch) {
        for (path, file) in zip(batch.paths, batch.files) {
            switch file {
            case .fast(let record):
                if let index = groups.firstIndex(where: {
                    $0.id == record.questionnaire.id && $0.version == record.questionnaire.version
                }),
                    groups[index].canTake(record)
                {
                    groups[index].add(record)
                } else {
                    // The first of its questionnaire version, or new items: read in full.
                    add(path: path, fastReader: false)
                }
            case .full(let result): add(result)
            case .failed(let problem): problems.append(problem)
            }
        }
    }

    /// Parsed straight from the worker's buffer; only a file the fast reader steps aside
    /// from is copied, for the full decoder.
    static func parse(path: String, buffer: JSONFile.ReadBuffer) -> Parsed {
        do {
            let bytes = try JSONFile.read(path, into: buffer)
            if let record = ClassRecord.fastRead(bytes) { return .fast(record) }
            return .full(try ResultReader.read(data: Data(bytes), path: path))
        } catch {
            return .failed("skipped \(error)")
        }
    }

    /// The result files named, as paths: folders give their .json files.
    public static func expand(_ paths: [String]) throws -> [String] {
        try listing(paths).flatMap { path, names in
            names.map { $0.map { (path as NSString).appendingPathComponent($0) } } ?? [path]
        }
    }

    /// Each path with, for a folder, the names of its .json files (nil for a file); a path
    /// that does not exist stops here. A store folder stands for its `results/`.
    static func listing(_ paths: [String]) throws -> [(path: String, names: [String]?)] {
        try paths.map { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SkillsError.notFound("\(path): no such file or folder")
            }
            guard isDirectory.boolValue else { return (path, nil) }
            let names = try JSONFile.names(in: path)
            let results = (path as NSString).appendingPathComponent("results")
            var resultsIsFolder: ObjCBool = false
            if names.isEmpty, FileManager.default.fileExists(atPath: results, isDirectory: &resultsIsFolder),
                resultsIsFolder.boolValue
            {
                return (results, try JSONFile.names(in: results))
            }
            return (path, names)
        }
    }

    public mutating func add(path: String, fastReader: Bool = true) {
        do {
            let data = try JSONFile.read(path)
            if fastReader { add(data: data, path: path) } else { add(try ResultReader.read(data: data, path: path)) }
        } catch {
            problems.append("skipped \(error)")
        }
    }

    /// One result file's bytes; a file that cannot be used becomes a line in `problems`.
    mutating func add(data: Data, path: String) {
        do {
            // Most files take the fast path; the first of each questionnaire version, and any
            // file the fast reader finds unusual, are decoded in full (which also explains
            // a damaged file).
            if let record = ClassRecord.fastRead(data),
                let index = groups.firstIndex(where: {
                    $0.id == record.questionnaire.id && $0.version == record.questionnaire.version
                }),
                groups[index].canTake(record)
            {
                groups[index].add(record)
            } else {
                add(try ResultReader.read(data: data, path: path))
            }
        } catch {
            problems.append("skipped \(error)")
        }
    }

    public mutating func add(_ result: AssessmentResult) {
        let ref = result.questionnaire
        if let index = groups.firstIndex(where: { $0.id == ref.id && $0.version == ref.version }) {
            groups[index].learn(from: result)
            groups[index].add(ClassRecord(result))
        } else {
            var group = ClassGroup(result, expectedCount: expectedCount)
            group.add(ClassRecord(result))
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
    /// Every item seen in any result: forms of a question bank ask different items.
    public private(set) var items: [ItemInfo]
    public private(set) var attempts: [Attempt] = []
    /// `points[item][attempt]`, NaN where skipped.
    public private(set) var points: [[Float]]
    /// `picks[item][attempt]`: bit n set when option n was chosen (empty for other items).
    public private(set) var picks: [[UInt16]]
    private var itemIndex: [String: Int]
    /// Gathered per record beside the columns: the rating answers' spread and the reflections.
    public private(set) var answerSpread = AnswerSpread()
    public private(set) var reflections = ReflectionDigest()

    public struct ItemInfo: Sendable {
        public let id: String
        public let type: ItemType
        public let area: String
        public let text: String
        /// From the first result that answered the item (a skip does not say it).
        public internal(set) var maxPoints: Double
        public let correct: String?
        public let optionCount: Int
        var maxKnown: Bool

        init(_ answer: AnswerRecord) {
            let letters = (answer.correct ?? "").unicodeScalars.map { Int($0.value) - 64 }
            id = answer.item
            type = answer.type
            area = answer.area ?? ""
            text = answer.text
            maxPoints = answer.maxPoints ?? 1
            maxKnown = answer.maxPoints != nil
            correct = answer.correct
            optionCount = answer.optionCount ?? letters.max() ?? 0
        }
    }

    public struct Attempt: Sendable {
        public let person: String
        public let takenAt: Date
        public let overall: Double?
        /// Answering styles that make a self-report doubtful (`ResponseStyle` codes).
        public let cautions: [String]
    }

    /// `areaScores[area][attempt]` in the order of `areas`, NaN where an area had too few
    /// answers: columns, like the points, so 100,000 attempts stay small.
    public private(set) var areaScores: [[Double]]

    /// The areas scored by this questionnaire, in the order of its first result.
    public let areas: [String]

    /// The score of one attempt (by index) in one area (by index in `areas`).
    public func score(column: Int, row: Int) -> Double? {
        let value = areaScores[column][row]
        return value.isNaN ? nil : value
    }

    init(_ first: AssessmentResult, expectedCount: Int = 0) {
        let ref = first.questionnaire
        let answers = first.answers
        areas = first.scores.areas.map(\.area)
        id = ref.id
        version = ref.version
        title = ref.title
        kind = ref.kind
        items = answers.filter { $0.type.isScored && $0.area != nil }.map(ItemInfo.init)
        points = Array(repeating: [], count: items.count)
        picks = Array(repeating: [], count: items.count)
        areaScores = Array(repeating: [], count: areas.count)
        attempts.reserveCapacity(expectedCount)
        for index in items.indices {
            points[index].reserveCapacity(expectedCount)
            if items[index].type.isRightOrWrong { picks[index].reserveCapacity(expectedCount) }
        }
        for index in areas.indices { areaScores[index].reserveCapacity(expectedCount) }
        itemIndex = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The fast path serves a file only when it adds nothing new about the items: every
    /// item is known, and so is every item's maximum.
    func canTake(_ record: ClassRecord) -> Bool {
        items.allSatisfy(\.maxKnown) && record.answers.allSatisfy { !$0.type.isScored || itemIndex[$0.item] != nil }
    }

    /// What a fully read result tells about the items: ones no earlier result had (another
    /// form of the bank), and the maximum of an item the first result skipped.
    mutating func learn(from result: AssessmentResult) {
        for answer in result.answers where answer.type.isScored && answer.area != nil {
            if let index = itemIndex[answer.item] {
                if !items[index].maxKnown, let maxPoints = answer.maxPoints {
                    items[index].maxPoints = maxPoints
                    items[index].maxKnown = true
                }
                continue
            }
            itemIndex[answer.item] = items.count
            items.append(ItemInfo(answer))
            points.append(Array(repeating: .nan, count: attempts.count))
            picks.append(answer.type.isRightOrWrong ? Array(repeating: 0, count: attempts.count) : [])
        }
    }

    /// The record's rating answers, scored with the items' maxima, through `ResponseStyle`.
    func cautions(_ record: ClassRecord) -> [String] {
        let ratings = record.answers.compactMap { answer -> ResponseStyle.Rating? in
            guard answer.type == .rating, let given = answer.answer, let points = answer.points,
                let index = itemIndex[answer.item], items[index].maxPoints > 0
            else { return nil }
            return .init(
                area: items[index].area, answer: given, fraction: points / items[index].maxPoints,
                reverse: answer.reverse == true)
        }
        let seen = ratings.isEmpty ? [] : ResponseStyle.cautions(ratings: ratings)
        return seen + record.responseStyle.filter { !seen.contains($0) }
    }

    mutating func add(_ record: ClassRecord) {
        hashes.insert(record.questionnaire.hash)
        answerSpread.add(record)
        reflections.add(record)
        for (column, area) in areas.enumerated() {
            let score = record.areaScores.first { $0.area == area }?.score
            areaScores[column].append(score ?? .nan)
        }
        attempts.append(
            Attempt(
                person: record.person, takenAt: record.takenAt, overall: record.overall, cautions: cautions(record)))
        for index in items.indices {
            points[index].append(.nan)
            if items[index].type.isRightOrWrong { picks[index].append(0) }
        }
        let last = attempts.count - 1
        for (position, answer) in record.answers.enumerated() {
            // Answers come in item order; look the id up only when the order differs.
            let index = position < items.count && items[position].id == answer.item ? position : itemIndex[answer.item]
            guard let index else { continue }
            if let value = answer.points {
                points[index][last] = Float(value)
            } else if answer.type.isRightOrWrong {
                points[index][last] = 0  // a skipped question earns nothing, as in scoring
            }
            if answer.type.isRightOrWrong, let letters = answer.answer {
                picks[index][last] = letters.unicodeScalars.reduce(0) { mask, letter in
                    let bit = Int(letter.value) - 65
                    return (0..<16).contains(bit) ? mask | (1 << UInt16(bit)) : mask
                }
            }
        }
    }
}
