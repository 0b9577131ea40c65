import FoundationEssentials
import Glibc

/// Reading a whole result file straight from its bytes with `JSONScanner`: `report`,
/// `take`, `history` and the rest read results on every run, and JSONDecoder costs about
/// 0.2 ms a file, most of a short command and nearly all of a long history.
extension AssessmentResult {
    /// The result, equal to what JSONDecoder reads and within `ResultLimits`; or nil when
    /// anything is unusual (a duplicate field, a surrogate escape, another time format, a
    /// format other than this version's, a value out of range, a damaged file). The caller
    /// then reads the file in full, which accepts it or explains the problem with the
    /// message it always gave (checked by `FastResultReaderTests` and
    /// scripts/fuzz-harnesses/ReaderDifferentialFuzz.swift).
    ///
    /// `answers: false` checks the answers as strictly but keeps none (`ResultReader.readWithoutAnswers`).
    static func fastRead(_ data: Data, answers keep: Bool = true) -> AssessmentResult? {
        let result = data.withUnsafeBytes { raw -> AssessmentResult? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let result = try? FastResult.result(&scanner, answers: keep), (try? scanner.end()) != nil else {
                return nil
            }
            return result
        }
        // The date is read only in 1970...9999 (`ClassRecord.isoDate`), so of the range
        // checks only the date's can be left out.
        guard let result, (try? result.checkedFields(ResultCheck(file: ""))) != nil else { return nil }
        return result
    }
}

/// The readers of each part, in the order and with the optionality of the Codable
/// properties: a required field that is absent or null is refused, an optional one may be
/// absent or null.
enum FastResult {
    typealias Unexpected = JSONScanner.Unexpected

    // The keys each reader knows, made once: an array literal in the function is built on every call.
    static let resultKeys: [StaticString] = [
        "format", "id", "person", "rater", "takenAt", "questionnaire", "answers", "scores", "responseStyle",
    ]
    static let questionnaireRefKeys: [StaticString] = ["id", "version", "title", "hash", "kind"]
    static let answerKeys: [StaticString] = [
        "item", "type", "text", "area", "answer", "points", "maxPoints", "reverse", "label", "correct",
        "correctText", "optionCount", "optionOrder", "answerText", "feedback", "explanation", "actions",
        "notApplicable",
    ]
    static let scoresKeys: [StaticString] = ["areas", "overall", "level", "areasScored", "standardError", "band"]
    static let areaScoreKeys: [StaticString] = [
        "area", "answered", "items", "required", "score", "level", "notApplicable", "standardError", "band",
    ]
    static let bandKeys: [StaticString] = ["low", "high"]

    static func result(_ s: inout JSONScanner, answers keep: Bool = true) throws -> AssessmentResult {
        var format = 0
        var id = ""
        var person = ""
        var rater: String?
        var takenAt = Date(timeIntervalSince1970: 0)
        var ref: AssessmentResult.QuestionnaireRef?
        var answers: [AnswerRecord] = []
        var scores: Scores?
        var responseStyle: [String]?
        let seen = try s.fields(resultKeys) { s, field in
            switch field {
            case 0: format = try s.integer()
            case 1: id = try s.text()
            case 2: person = try s.text()
            case 3: rater = try s.optionalText()
            case 4: takenAt = try ClassRecord.isoDate(try s.rawString())
            case 5: ref = try questionnaireRef(&s)
            case 6 where keep: try s.array { answers.append(try answer(&$0)) }
            case 6:
                var count = 0
                try s.array {
                    try skimAnswer(&$0)
                    count += 1
                }
                try ResultCheck(file: "").listLength(count, at: "answers")
            case 7: scores = try self.scores(&s)
            default: responseStyle = try s.optionalTexts()
            }
        }
        guard format == AssessmentResult.currentFormat, seen & 0b1111_0111 == 0b1111_0111, let ref, let scores
        else {
            throw Unexpected()
        }
        return AssessmentResult(
            format: format, id: id, person: person, rater: rater, takenAt: takenAt, questionnaire: ref,
            answers: answers, scores: scores, responseStyle: responseStyle)
    }

    static func questionnaireRef(_ s: inout JSONScanner) throws -> AssessmentResult.QuestionnaireRef {
        var values = ["", "", "", ""]
        var kind: Questionnaire.Kind?
        let seen = try s.fields(questionnaireRefKeys) { s, field in
            if field == 4 {
                kind = Questionnaire.Kind(rawValue: try s.text())
            } else {
                values[field] = try s.text()
            }
        }
        guard seen == 0b1_1111, let kind else { throw Unexpected() }
        return .init(id: values[0], version: values[1], title: values[2], kind: kind, hash: values[3])
    }

    static func answer(_ s: inout JSONScanner) throws -> AnswerRecord {
        var record = AnswerRecord(item: "", type: .rating, text: "")
        let seen = try s.fields(answerKeys) { s, field in
            switch field {
            case 0: record.item = try s.text()
            case 1:
                guard let type = ItemType(rawValue: try s.text()) else { throw Unexpected() }
                record.type = type
            case 2: record.text = try s.text()
            case 3: record.area = try s.optionalText()
            case 4: record.answer = try s.optionalText()
            case 5: record.points = try s.optionalNumber()
            case 6: record.maxPoints = try s.optionalNumber()
            case 7: record.reverse = try s.optionalBool()
            case 8: record.label = try s.optionalText()
            case 9: record.correct = try s.optionalText()
            case 10: record.correctText = try s.optionalText()
            case 11: record.optionCount = try s.optionalInteger()
            case 12:
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    var order: [Int] = []
                    try s.array { order.append(try $0.integer()) }
                    record.optionOrder = order
                }
            case 13: record.answerText = try s.optionalText()
            case 14: record.feedback = try s.optionalText()
            case 15: record.explanation = try s.optionalText()
            case 16: record.actions = try s.optionalTexts()
            default: record.notApplicable = try s.optionalBool()
            }
        }
        guard seen & 0b111 == 0b111 else { throw Unexpected() }
        return record
    }

    static func scores(_ s: inout JSONScanner) throws -> Scores {
        var scores = Scores(areas: [])
        let seen = try s.fields(scoresKeys) { s, field in
            switch field {
            case 0: try s.array { scores.areas.append(try areaScore(&$0)) }
            case 1: scores.overall = try s.optionalNumber()
            case 2: scores.level = try s.optionalText()
            case 3: scores.areasScored = try s.optionalInteger()
            case 4: scores.standardError = try s.optionalNumber()
            default: scores.band = try band(&s)
            }
        }
        guard seen & 1 == 1 else { throw Unexpected() }
        return scores
    }

    static func areaScore(_ s: inout JSONScanner) throws -> AreaScore {
        var score = AreaScore(area: "", answered: 0, items: 0, required: 0)
        let seen = try s.fields(areaScoreKeys) { s, field in
            switch field {
            case 0: score.area = try s.text()
            case 1: score.answered = try s.integer()
            case 2: score.items = try s.integer()
            case 3: score.required = try s.integer()
            case 4: score.score = try s.optionalNumber()
            case 5: score.level = try s.optionalText()
            case 6: score.notApplicable = try s.optionalInteger()
            case 7: score.standardError = try s.optionalNumber()
            default: score.band = try band(&s)
            }
        }
        guard seen & 0b1111 == 0b1111 else { throw Unexpected() }
        return score
    }

    /// `{"low", "high"}`, both numbers; nil for null.
    static func band(_ s: inout JSONScanner) throws -> ScoreBand? {
        if try s.peek() == 0x6E {
            try s.literal("null")
            return nil
        }
        var band = ScoreBand(low: 0, high: 0)
        let seen = try s.fields(bandKeys) { s, field in
            if field == 0 { band.low = try s.number() } else { band.high = try s.number() }
        }
        guard seen == 0b11 else { throw Unexpected() }
        return band
    }
}
