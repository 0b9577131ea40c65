import FoundationEssentials
import Glibc

/// The results of one questionnaire version, gathered one record at a time: a row per
/// attempt used (the participant's name, time and scores) and running tallies per item and
/// per area. Nothing per item is kept per attempt, so memory grows by about a hundred bytes
/// per participant. Results of different questionnaires or versions are never mixed.
public struct ClassGroup: Sendable {
    public let id: String
    public let version: String
    public let title: String
    public let kind: Questionnaire.Kind
    /// Every attempt, or only each person's earliest (the same person by `PersonName.key`).
    public let allAttempts: Bool
    public private(set) var hashes: Set<String> = []
    /// The hash last added to `hashes`.
    private var lastHash = ""
    /// Every item seen in any result: forms of a question bank ask different items.
    public private(set) var items: [ItemInfo]
    public private(set) var tallies: [ItemTally]
    /// One per area of the items, in the order first seen.
    public private(set) var scales: [ScaleTally] = []
    /// The areas scored by this questionnaire, in the order of its first result.
    public let areas: [String]
    /// The attempts used, in the order read.
    public private(set) var participants: ParticipantTable
    /// Results read, used or not.
    public private(set) var resultCount = 0
    /// Per row, where it was read from, so it can be read again to be taken back out.
    private var sources: [Int32] = []
    /// Rows added without a file to read again (`ClassCollector.add(_:)`): kept whole.
    private var kept: [Int32: ClassRecord] = [:]
    private var rowOfPerson: PersonRows
    private var itemIndex: [String: Int]
    private var scaleOfArea: [String: Int] = [:]
    /// Rows with answering-style cautions, reflections, and missed questions: few rows have them.
    private(set) var cautionsByRow: [Int32: [String]] = [:]
    public private(set) var reflections = ReflectionDigest()
    private(set) var missed: [Int32: [Int]] = [:]
    /// One attempt's points by item, reused from record to record.
    private var points: [Float] = []

    public struct ItemInfo: Sendable {
        public let id: String
        public let type: ItemType
        public internal(set) var area: String
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

    /// Where a record was read from: a file's number in the collector's listing, or none.
    public typealias Source = Int32
    public static let noSource: Source = -1

    /// `expected` is how many files are coming: columns are sized once instead of doubling
    /// as they grow (doubling keeps the old and the new copy alive for a moment).
    init(_ first: AssessmentResult, allAttempts: Bool, expected: Int = 0) {
        let ref = first.questionnaire
        areas = first.scores.areas.map(\.area)
        id = ref.id
        version = ref.version
        title = ref.title
        kind = ref.kind
        self.allAttempts = allAttempts
        items = []
        tallies = []
        itemIndex = [:]
        participants = ParticipantTable(areaCount: areas.count, expected: expected)
        rowOfPerson = PersonRows(expected: allAttempts ? 0 : expected)
        if !allAttempts { sources.reserveCapacity(expected) }
        learn(from: first)
    }

    /// The fast path serves a file only when it adds nothing new about the items: every
    /// item is known, and so is every item's maximum.
    func canTake(_ record: ClassRecord) -> Bool {
        guard everyMaximumKnown else { return false }
        // By position, not `enumerated()`: each answer holds three strings, and a copy of one
        // per answer of 300,000 results (retains and releases) cost more than the tallies.
        let answers = record.answers
        for position in answers.indices where answers[position].type.isScored {
            if index(of: answers[position].item, at: position) == nil { return false }
        }
        return true
    }

    /// The item an answer is for. Answers come in item order: compare in place before looking
    /// the id up (a hash of the id for every answer of 300,000 results adds up).
    private func index(of item: String, at position: Int) -> Int? {
        position < items.count && items[position].id == item ? position : itemIndex[item]
    }

    /// Whether every item's maximum is known (cached: checked for every record).
    private var everyMaximumKnown = false

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
            let index = items.count
            itemIndex[answer.item] = index
            items.append(ItemInfo(answer))
            tallies.append(ItemTally())
            points.append(.nan)
            let area = items[index].area
            if let known = scaleOfArea.index(forKey: area) {
                // One string for every item of an area: the answering-style checks compare
                // areas for every rating of every result, and the same string compares at once.
                items[index].area = scaleOfArea[known].key
            } else {
                scaleOfArea[area] = scales.count
                scales.append(ScaleTally(area: area))
            }
            scales[scaleOfArea[area]!].join(item: index)
        }
        everyMaximumKnown = items.allSatisfy(\.maxKnown)
    }

    /// What adding a record did.
    enum Outcome {
        case added
        /// Not used: the person's earlier attempt is already counted.
        case later
        /// The person's attempt in `row`, read from `source`, is later than this one: it must be
        /// taken out (`replace`) before this one is counted.
        case earlier(row: Int32, source: Source)
    }

    /// Counts a record, unless only first attempts are used and the person already has an
    /// earlier one; for a person whose counted attempt is later, says so and changes nothing.
    mutating func add(_ record: ClassRecord, from source: Source) -> Outcome {
        let key = allAttempts ? "" : PersonName.key(record.person)
        if !allAttempts, let row = rowOfPerson.row(of: key, name: { participants.name(row: Int($0)) }) {
            guard record.takenAt.timeIntervalSinceReferenceDate < participants.time(row: Int(row)) else {
                resultCount += 1
                return .later
            }
            return .earlier(row: row, source: sources[Int(row)])
        }
        resultCount += 1
        let row = Int32(participants.rowCount)
        if !allAttempts {
            rowOfPerson.insert(key, row: row, name: { participants.name(row: Int($0)) })
            sources.append(source)
            if source == Self.noSource { kept[row] = record }
        }
        count(record, row: row, replacing: false)
        return .added
    }

    /// The record kept for a row added without a file.
    func keptRecord(row: Int32) -> ClassRecord? { kept[row] }

    /// Whether `record` is the one counted in `row` (same person, same time): a file read
    /// again may have been replaced meanwhile, and taking out the wrong one would spoil every tally.
    func counts(_ record: ClassRecord, in row: Int32) -> Bool {
        record.takenAt.timeIntervalSinceReferenceDate == participants.time(row: Int(row))
            && PersonName.same(record.person, participants.name(row: Int(row)))
    }

    /// Takes `old` (the row's record, read again) out and counts `record` in its place.
    mutating func replace(row: Int32, old: ClassRecord, with record: ClassRecord, from source: Source) {
        resultCount += 1
        uncount(old, row: row)
        sources[Int(row)] = source
        kept[row] = source == Self.noSource ? record : nil
        count(record, row: row, replacing: true)
    }

    private mutating func count(_ record: ClassRecord, row: Int32, replacing: Bool) {
        // Nearly every record is of the same questionnaire: compared before it is hashed.
        if record.questionnaire.hash != lastHash {
            hashes.insert(record.questionnaire.hash)
            lastHash = record.questionnaire.hash
        }
        let scores = areas.map { area in record.areaScores.first { $0.area == area }?.score ?? .nan }
        participants.set(
            row: replacing ? Int(row) : nil, name: record.person, takenAt: record.takenAt, overall: record.overall,
            scores: scores)
        reflections.add(record, row: row)
        let seen = cautions(record)
        if !seen.isEmpty { cautionsByRow[row] = seen }
        apply(record, row: row, sign: 1)
    }

    private mutating func uncount(_ record: ClassRecord, row: Int32) {
        reflections.remove(row: row)
        cautionsByRow[row] = nil
        apply(record, row: row, sign: -1)
    }

    /// Adds (`sign` 1) or takes out (−1) a record's points, picks and answers in the tallies.
    private mutating func apply(_ record: ClassRecord, row: Int32, sign: Int) {
        for index in points.indices { points[index] = .nan }
        var missedHere: [Int] = []
        let answers = record.answers
        for position in answers.indices {
            guard let index = index(of: answers[position].item, at: position) else { continue }
            let type = answers[position].type
            let maxPoints = items[index].maxPoints
            var value = answers[position].points
            if value == nil && type.isRightOrWrong { value = 0 }  // a skipped question earns nothing
            if let value {
                points[index] = Float(value)
                tallies[index].add(points: Double(Float(value)), maxPoints: maxPoints, sign: sign)
                if type.isRightOrWrong && Double(Float(value)) < maxPoints { missedHere.append(index) }
            }
            if type.isRightOrWrong, let letters = answers[position].answer {
                tallies[index].pick(Self.mask(letters), sign: sign)
            }
            if type == .rating {
                tallies[index].rate(
                    answers[position].answer, notApplicable: answers[position].notApplicable == true, sign: sign)
            }
        }
        for index in scales.indices { scales[index].add(points, sign: sign) }
        missed[row] = sign > 0 && !missedHere.isEmpty ? missedHere.sorted() : nil
    }

    /// Bit n for option n (letter A is bit 0).
    private static func mask(_ letters: String) -> UInt16 {
        letters.unicodeScalars.reduce(0) { mask, letter in
            let bit = Int(letter.value) - 65
            return (0..<16).contains(bit) ? mask | (1 << UInt16(bit)) : mask
        }
    }

    /// The record's rating answers, scored with the items' maxima, through `ResponseStyle`,
    /// and the cautions recorded while it was taken.
    func cautions(_ record: ClassRecord) -> [String] {
        let answers = record.answers
        var ratings: [ResponseStyle.Rating] = []
        ratings.reserveCapacity(answers.count)
        for position in answers.indices where answers[position].type == .rating {
            guard let given = answers[position].answer, let points = answers[position].points,
                let index = index(of: answers[position].item, at: position), items[index].maxPoints > 0
            else { continue }
            ratings.append(
                .init(
                    area: items[index].area, answer: given, fraction: points / items[index].maxPoints,
                    reverse: answers[position].reverse == true))
        }
        let seen = ratings.isEmpty ? [] : ResponseStyle.cautions(ratings: ratings)
        return seen + record.responseStyle.filter { !seen.contains($0) }
    }
}
