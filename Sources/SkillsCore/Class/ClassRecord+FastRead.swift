import FoundationEssentials
import Glibc

/// The class summary's fast reading of result files: the values the statistics use, read
/// straight from the bytes with `JSONScanner`, under the same `ResultLimits` as the full decoder.
extension ClassRecord {
    /// Reads a result file quickly, or returns nil when anything is unusual (escapes in
    /// strings it reads, a duplicate field, another time format, a newer format number, a
    /// value out of `ResultLimits`, a damaged file); the caller then reads the file with
    /// the full decoder, which accepts it or explains the problem. So a record comes back
    /// only for a file the full decoder accepts, with the same values (checked by
    /// scripts/fuzz-harnesses/ReaderDifferentialFuzz.swift).
    static func fastRead(_ data: Data) -> ClassRecord? {
        data.withUnsafeBytes { fastRead($0) }
    }

    /// The same straight from a file's bytes (a worker's reused read buffer).
    static func fastRead(_ bytes: UnsafeRawBufferPointer) -> ClassRecord? {
        var scanner = JSONScanner(bytes.assumingMemoryBound(to: UInt8.self))
        return try? scan(&scanner)
    }

    /// The checks' own messages are never shown: any failure means "read it in full".
    private static let check = ResultCheck(file: "")

    private static func scan(_ s: inout JSONScanner) throws -> ClassRecord {
        var seen = KnownFields()
        var format: Int?
        var hasID = false
        var person: String?
        var takenAt: Date?
        var ref: AssessmentResult.QuestionnaireRef?
        var answers: [Answer]?
        var scores: (overall: Double?, areas: [(area: String, score: Double?)])?
        var responseStyle: [String] = []
        try s.object { s, key in
            if key.is("format") {
                try seen.first(0)
                format = try s.integer()
            } else if key.is("id") {
                try seen.first(1)
                hasID = try optionalName(&s) != nil
            } else if key.is("person") {
                try seen.first(2)
                person = try readName(&s)
            } else if key.is("rater") {
                try seen.first(3)
                _ = try optionalName(&s)
            } else if key.is("takenAt") {
                try seen.first(4)
                takenAt = try isoDate(try s.rawString())
            } else if key.is("questionnaire") {
                try seen.first(5)
                ref = try questionnaireRef(&s)
            } else if key.is("answers") {
                try seen.first(6)
                var list: [Answer] = []
                try s.array { s in list.append(try answer(&s)) }
                try check.listLength(list.count, at: "")
                answers = list
            } else if key.is("scores") {
                try seen.first(7)
                scores = try self.scores(&s)
            } else if key.is("responseStyle") {
                try seen.first(8)
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    try s.array { s in
                        responseStyle.append(try readName(&s))
                        try check.listLength(responseStyle.count, at: "")
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        try s.end()
        guard let format, format == AssessmentResult.currentFormat, hasID, let person, let takenAt, let ref,
            let answers, let scores
        else {
            throw JSONScanner.Unexpected()
        }
        var record = ClassRecord(
            questionnaire: ref, person: person, takenAt: takenAt, overall: scores.overall, areaScores: scores.areas,
            answers: answers)
        record.responseStyle = responseStyle
        return record
    }

    /// A string (or null) whose text is not needed, within the length of a name.
    private static func optionalName(_ s: inout JSONScanner) throws -> UnsafeBufferPointer<UInt8>? {
        guard let (written, _) = try s.writtenString() else { return nil }
        try check.name(length: written.count, at: "")
        return written
    }

    /// The same within the length of a text; nil for null.
    private static func optionalText(_ s: inout JSONScanner) throws -> (
        written: UnsafeBufferPointer<UInt8>, escaped: Bool
    )? {
        guard let string = try s.writtenString() else { return nil }
        try check.text(length: string.written.count, at: "")
        return string
    }

    private static func readName(_ s: inout JSONScanner) throws -> String {
        let raw = try s.rawString()
        try check.name(length: raw.count, at: "")
        return String(decoding: raw, as: UTF8.self)
    }

    private static func scores(_ s: inout JSONScanner) throws -> (Double?, [(area: String, score: Double?)]) {
        var seen = KnownFields()
        var overall: Double?
        var areas: [(area: String, score: Double?)]?
        try s.object { s, key in
            if key.is("overall") {
                try seen.first(0)
                overall = try s.optionalNumber()
                try check.score(overall, at: "")
            } else if key.is("level") {
                try seen.first(1)
                _ = try optionalName(&s)
            } else if key.is("areas") {
                try seen.first(2)
                var list: [(area: String, score: Double?)] = []
                try s.array { s in list.append(try areaScore(&s)) }
                try check.listLength(list.count, at: "")
                areas = list
            } else if key.is("areasScored") {
                try seen.first(3)
                try check.count(try s.optionalInteger() ?? 0, at: "")
            } else if key.is("standardError") {
                try seen.first(4)
                try check.score(try s.optionalNumber(), at: "")
            } else if key.is("band") {
                try seen.first(5)
                try band(&s)
            } else {
                try s.skipValue()
            }
        }
        guard let areas else { throw JSONScanner.Unexpected() }
        return (overall, areas)
    }

    private static func areaScore(_ s: inout JSONScanner) throws -> (area: String, score: Double?) {
        var seen = KnownFields()
        var area: String?
        var score: Double?
        try s.object { s, key in
            if key.is("area") {
                try seen.first(0)
                area = try readName(&s)
            } else if key.is("score") {
                try seen.first(1)
                score = try s.optionalNumber()
                try check.score(score, at: "")
            } else if key.is("level") {
                try seen.first(2)
                _ = try optionalName(&s)
            } else if key.is("answered") {
                try seen.first(3)
                try check.count(try s.integer(), at: "")
            } else if key.is("items") {
                try seen.first(4)
                try check.count(try s.integer(), at: "")
            } else if key.is("required") {
                try seen.first(5)
                try check.count(try s.integer(), at: "")
            } else if key.is("notApplicable") {
                try seen.first(6)
                try check.count(try s.optionalInteger() ?? 0, at: "")
            } else if key.is("standardError") {
                try seen.first(7)
                try check.score(try s.optionalNumber(), at: "")
            } else if key.is("band") {
                try seen.first(8)
                try band(&s)
            } else {
                try s.skipValue()
            }
        }
        // area, answered, items and required must all be there
        guard let area, seen.has(3), seen.has(4), seen.has(5) else { throw JSONScanner.Unexpected() }
        return (area, score)
    }

    /// A band ({"low", "high"} on the score's scale) or null, checked as the full reader does.
    private static func band(_ s: inout JSONScanner) throws {
        if try s.peek() == 0x6E {
            try s.literal("null")
            return
        }
        var seen = KnownFields()
        var low: Double?
        var high: Double?
        try s.object { s, key in
            if key.is("low") {
                try seen.first(0)
                low = try s.optionalNumber()
            } else if key.is("high") {
                try seen.first(1)
                high = try s.optionalNumber()
            } else {
                try s.skipValue()
            }
        }
        guard let low, let high else { throw JSONScanner.Unexpected() }
        try check.band(ScoreBand(low: low, high: high), at: "")
    }

    private static func questionnaireRef(_ s: inout JSONScanner) throws -> AssessmentResult.QuestionnaireRef {
        var seen = KnownFields()
        var id: String?
        var version: String?
        var title: String?
        var kind: Questionnaire.Kind?
        var hash: String?
        try s.object { s, key in
            if key.is("id") {
                try seen.first(0)
                id = try readName(&s)
            } else if key.is("version") {
                try seen.first(1)
                version = try readName(&s)
            } else if key.is("title") {
                try seen.first(2)
                title = try readName(&s)
            } else if key.is("kind") {
                try seen.first(3)
                kind = Questionnaire.Kind(rawValue: try s.string())
            } else if key.is("hash") {
                try seen.first(4)
                hash = try readName(&s)
            } else {
                try s.skipValue()
            }
        }
        guard let id, let version, let title, let kind, let hash else { throw JSONScanner.Unexpected() }
        return .init(id: id, version: version, title: title, kind: kind, hash: hash)
    }

    private static func answer(_ s: inout JSONScanner) throws -> Answer {
        var seen = KnownFields()
        var item: String?
        var type: ItemType?
        var text: (written: UnsafeBufferPointer<UInt8>, escaped: Bool)?
        var notApplicable: Bool?
        var given: (written: UnsafeBufferPointer<UInt8>, escaped: Bool)?
        var points: Double?
        var maxPoints: Double?
        var correct: UnsafeBufferPointer<UInt8>?
        var optionCount: Int?
        var optionOrder: [Int]?
        var reverse: Bool?
        try s.object { s, key in
            if key.is("item") {
                try seen.first(0)
                item = try readName(&s)
            } else if key.is("type") {
                try seen.first(1)
                type = try itemType(try s.rawString())
            } else if key.is("area") {
                try seen.first(2)
                _ = try optionalName(&s)
            } else if key.is("text") {
                try seen.first(3)
                text = try optionalText(&s)
            } else if key.is("answer") {
                try seen.first(4)
                given = try optionalText(&s)
            } else if key.is("points") {
                try seen.first(5)
                points = try s.optionalNumber()
            } else if key.is("maxPoints") {
                try seen.first(6)
                maxPoints = try s.optionalNumber()
            } else if key.is("reverse") {
                try seen.first(7)
                reverse = try s.optionalBool()
            } else if key.is("label") {
                try seen.first(8)
                _ = try optionalName(&s)
            } else if key.is("correct") {
                try seen.first(9)
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    correct = try s.rawString()
                }
            } else if key.is("correctText") {
                try seen.first(10)
                _ = try optionalText(&s)
            } else if key.is("optionCount") {
                try seen.first(11)
                optionCount = try s.optionalInteger()
            } else if key.is("explanation") {
                try seen.first(12)
                _ = try optionalText(&s)
            } else if key.is("actions") {
                try seen.first(13)
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    var count = 0
                    try s.array { s in
                        guard try optionalText(&s) != nil else { throw JSONScanner.Unexpected() }
                        count += 1
                    }
                    try check.listLength(count, at: "")
                }
            } else if key.is("notApplicable") {
                try seen.first(14)
                notApplicable = try s.optionalBool()
            } else if key.is("answerText") {
                try seen.first(15)
                _ = try optionalText(&s)
            } else if key.is("feedback") {
                try seen.first(16)
                _ = try optionalText(&s)
            } else if key.is("optionOrder") {
                try seen.first(17)
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    var order: [Int] = []
                    try s.array { s in
                        guard let index = try s.optionalInteger() else { throw JSONScanner.Unexpected() }
                        order.append(index)
                        try check.listLength(order.count, at: "")
                    }
                    optionOrder = order
                }
            } else {
                try s.skipValue()
            }
        }
        guard let item, let type, let text else { throw JSONScanner.Unexpected() }
        if let optionOrder { try check.optionOrder(optionOrder, optionCount: optionCount, at: "") }
        try check.points(points, maxPoints: maxPoints, at: "")
        try check.optionCount(optionCount, at: "")
        if let correct {
            guard correct.count <= OptionLetters.maximumOptions else { throw JSONScanner.Unexpected() }
            try check.letters(String(decoding: correct, as: UTF8.self), optionCount: optionCount, at: "")
        }
        var answer: String?
        if let given {
            // An escaped or long answer reads as answered (""), except a choice's letters,
            // which must be read exactly: those go to the full decoder.
            let plain = !given.escaped && given.written.count <= OptionLetters.maximumOptions
            if type == .reflection {
                // Reflections are read whole for the class picture; escaped text is left to
                // the full decoder.
                guard !given.escaped else { throw JSONScanner.Unexpected() }
                answer = String(decoding: given.written, as: UTF8.self)
            } else if type == .choice {
                guard plain else { throw JSONScanner.Unexpected() }
                answer = String(decoding: given.written, as: UTF8.self)
                try check.letters(answer, optionCount: optionCount, at: "")
            } else {
                answer = plain ? String(decoding: given.written, as: UTF8.self) : ""
            }
        }
        var prompt: String?
        if type == .reflection {
            guard !text.escaped else { throw JSONScanner.Unexpected() }
            prompt = String(decoding: text.written, as: UTF8.self)
        }
        return Answer(
            item: item, type: type, answer: answer, points: points, reverse: reverse, notApplicable: notApplicable,
            prompt: prompt)
    }

    /// An item's type from its name's bytes: the usual ones without making a String.
    private static func itemType(_ name: UnsafeBufferPointer<UInt8>) throws -> ItemType {
        if name.is("rating") { return .rating }
        if name.is("choice") { return .choice }
        if name.is("reflection") { return .reflection }
        if name.is("level") { return .level }
        guard let type = ItemType(rawValue: String(decoding: name, as: UTF8.self)) else {
            throw JSONScanner.Unexpected()
        }
        return type
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
        // Foundation rolls 30 February over into March and reads years before the
        // Gregorian reform on the Julian calendar; such dates go to it.
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays =
            switch month {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        guard (1970...9999).contains(year), (1...12).contains(month), (1...monthDays).contains(day),
            hour < 24, minute < 60, second < 60
        else {
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

/// Which known fields an object has given so far: a second one is read differently by
/// Foundation (the first wins, the second is not even type-checked), so it goes to it.
private struct KnownFields {
    private var bits: UInt32 = 0

    @inline(__always)
    mutating func first(_ field: Int) throws {
        guard bits & (1 << UInt32(field)) == 0 else { throw JSONScanner.Unexpected() }
        bits |= 1 << UInt32(field)
    }

    func has(_ field: Int) -> Bool { bits & (1 << UInt32(field)) != 0 }
}
