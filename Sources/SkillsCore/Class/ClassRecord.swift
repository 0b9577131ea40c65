import Foundation

/// The part of a result the class statistics use: who, when, which questionnaire, the
/// scores, and per item the points and the letters chosen.
public struct ClassRecord: Sendable {
    public var questionnaire: AssessmentResult.QuestionnaireRef
    public var person: String
    public var takenAt: Date
    public var overall: Double?
    public var areaScores: [(area: String, score: Double?)]
    public var answers: [Answer]

    public struct Answer: Sendable {
        public var item: String
        public var type: ItemType
        public var answer: String?
        public var points: Double?
    }

    public init(_ result: AssessmentResult) {
        questionnaire = result.questionnaire
        person = result.person
        takenAt = result.takenAt
        overall = result.scores.overall
        areaScores = result.scores.areas.map { ($0.area, $0.score) }
        answers = result.answers.map { Answer(item: $0.item, type: $0.type, answer: $0.answer, points: $0.points) }
    }

    init(
        questionnaire: AssessmentResult.QuestionnaireRef, person: String, takenAt: Date, overall: Double?,
        areaScores: [(area: String, score: Double?)], answers: [Answer]
    ) {
        self.questionnaire = questionnaire
        self.person = person
        self.takenAt = takenAt
        self.overall = overall
        self.areaScores = areaScores
        self.answers = answers
    }

    /// Reads a result file quickly, or returns nil when anything is unusual (escapes in
    /// strings, another time format, a newer format number, a damaged file); the caller
    /// then reads the file with the full decoder, which explains any problem.
    static func fastRead(_ data: Data) -> ClassRecord? {
        data.withUnsafeBytes { raw -> ClassRecord? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            return try? scan(&scanner)
        }
    }

    private static func scan(_ s: inout JSONScanner) throws -> ClassRecord {
        var format = 0.0
        var person: String?
        var takenAt: Date?
        var ref: AssessmentResult.QuestionnaireRef?
        var overall: Double?
        var areas: [(area: String, score: Double?)] = []
        var answers: [Answer] = []
        try s.object { s, key in
            if key.is("format") {
                format = try s.number()
            } else if key.is("person") {
                person = try s.string()
            } else if key.is("takenAt") {
                takenAt = try isoDate(try s.rawString())
            } else if key.is("questionnaire") {
                ref = try questionnaireRef(&s)
            } else if key.is("answers") {
                try s.array { s in answers.append(try answer(&s)) }
            } else if key.is("scores") {
                try s.object { s, key in
                    if key.is("overall") {
                        overall = try s.optionalNumber()
                    } else if key.is("areas") {
                        try s.array { s in
                            var area: String?
                            var score: Double?
                            try s.object { s, key in
                                if key.is("area") {
                                    area = try s.string()
                                } else if key.is("score") {
                                    score = try s.optionalNumber()
                                } else {
                                    try s.skipValue()
                                }
                            }
                            guard let area else { throw JSONScanner.Unexpected() }
                            areas.append((area, score))
                        }
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard format == Double(AssessmentResult.currentFormat), let person, let takenAt, let ref else {
            throw JSONScanner.Unexpected()
        }
        return ClassRecord(
            questionnaire: ref, person: person, takenAt: takenAt, overall: overall, areaScores: areas, answers: answers)
    }

    private static func questionnaireRef(_ s: inout JSONScanner) throws -> AssessmentResult.QuestionnaireRef {
        var id: String?
        var version: String?
        var title: String?
        var kind: Questionnaire.Kind?
        var hash: String?
        try s.object { s, key in
            if key.is("id") {
                id = try s.string()
            } else if key.is("version") {
                version = try s.string()
            } else if key.is("title") {
                title = try s.string()
            } else if key.is("kind") {
                kind = Questionnaire.Kind(rawValue: try s.string())
            } else if key.is("hash") {
                hash = try s.string()
            } else {
                try s.skipValue()
            }
        }
        guard let id, let version, let title, let kind, let hash else { throw JSONScanner.Unexpected() }
        return .init(id: id, version: version, title: title, kind: kind, hash: hash)
    }

    private static func answer(_ s: inout JSONScanner) throws -> Answer {
        var item: String?
        var type: ItemType?
        var given: String?
        var points: Double?
        try s.object { s, key in
            if key.is("item") {
                item = try s.string()
            } else if key.is("type") {
                type = ItemType(rawValue: try s.string())
            } else if key.is("points") {
                points = try s.optionalNumber()
            } else if key.is("answer") {
                // Only choice letters matter here; a reflection's text is skipped unread.
                given = try s.shortString(limit: 16)
            } else {
                try s.skipValue()
            }
        }
        guard let item, let type else { throw JSONScanner.Unexpected() }
        return Answer(item: item, type: type, answer: given, points: points)
    }

    /// `2026-11-23T05:12:00Z`, the only form skills writes; anything else falls back.
    static func isoDate(_ text: UnsafeBufferPointer<UInt8>) throws -> Date {
        guard text.count == 20, text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x54, text[13] == 0x3A, text[16] == 0x3A,
            text[19] == 0x5A
        else {
            throw JSONScanner.Unexpected()
        }
        func digits(_ from: Int, _ count: Int) throws -> Int {
            var value = 0
            for offset in from..<(from + count) {
                let byte = text[offset]
                guard byte >= 0x30 && byte <= 0x39 else { throw JSONScanner.Unexpected() }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let (year, month, day) = (try digits(0, 4), try digits(5, 2), try digits(8, 2))
        let (hour, minute, second) = (try digits(11, 2), try digits(14, 2), try digits(17, 2))
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            throw JSONScanner.Unexpected()
        }
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
