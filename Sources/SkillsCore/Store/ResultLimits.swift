import FoundationEssentials
import Glibc

/// The ranges a stored result's numbers, dates and texts must fall in. A hand-edited or
/// damaged file is refused with the field, the value and the range before anything
/// computes with it, instead of stopping `report`, `history` or `class` with a trap for
/// everyone who shares the store. Both readers of result files apply these: the full
/// decoder (`AssessmentResult.checked(file:)`) and the class summary's fast reader.
public enum ResultLimits {
    /// Results are four levels deep; a deeper file is damaged or hostile.
    public static let nestingDepth = 64
    public static let score: ClosedRange<Double> = 0...100
    /// The largest maximum any item kind gives (an observed level counts out of 100).
    public static let largestMaxPoints = 1000.0
    public static let optionCount = 2...OptionLetters.maximumOptions
    /// Answers, areas, and the answered/items/required counts of an area.
    public static let count = 0...10_000
    /// Identifiers, names, titles, labels, letters.
    public static let nameBytes = 1000
    /// Item texts, reflections, explanations.
    public static let textBytes = 100_000
    public static let years = 1...9999
}

/// One result file's checks, each naming the field path, the value and the allowed range.
/// Paths are built only when a check fails: the fast reader runs these on every file.
struct ResultCheck {
    let file: String

    private func problem(_ path: String, _ detail: String) -> SkillsError {
        .invalidData(file: file, detail: "at `\(path)`: \(detail)")
    }

    func format(_ value: Int) throws {
        guard value >= 1 else { throw problem("format", "\(value) is not a result format; expected 1 or more") }
    }

    func score(_ value: Double?, at path: @autoclosure () -> String) throws {
        guard let value else { return }
        guard value.isFinite, ResultLimits.score.contains(value) else {
            throw problem(path(), "\(value) is out of range; expected 0 to 100, or null")
        }
    }

    func points(_ points: Double?, maxPoints: Double?, at path: @autoclosure () -> String) throws {
        if let maxPoints {
            guard maxPoints.isFinite, maxPoints > 0, maxPoints <= ResultLimits.largestMaxPoints else {
                let largest = Int(ResultLimits.largestMaxPoints)
                throw problem(
                    path() + ".maxPoints", "\(maxPoints) is out of range; expected more than 0 and at most \(largest)")
            }
        }
        guard let points else { return }
        guard let maxPoints else {
            throw problem(path() + ".points", "\(points) points without a maxPoints; expected both or neither")
        }
        guard points.isFinite, points >= 0, points <= maxPoints else {
            throw problem(path() + ".points", "\(points) is out of range; expected 0 to maxPoints (\(maxPoints))")
        }
    }

    func optionCount(_ value: Int?, at path: @autoclosure () -> String) throws {
        guard let value else { return }
        guard ResultLimits.optionCount.contains(value) else {
            let (least, most) = (ResultLimits.optionCount.lowerBound, ResultLimits.optionCount.upperBound)
            throw problem(path(), "\(value) options is out of range; expected \(least) to \(most)")
        }
    }

    /// A standard error and a band live on the score's scale.
    func band(_ band: ScoreBand?, at path: @autoclosure () -> String) throws {
        guard let band else { return }
        try score(band.low, at: path() + ".low")
        try score(band.high, at: path() + ".high")
        guard band.low <= band.high else { throw problem(path(), "low \(band.low) is above high \(band.high)") }
    }

    func count(_ value: Int, at path: @autoclosure () -> String) throws {
        guard ResultLimits.count.contains(value) else {
            throw problem(path(), "\(value) is out of range; expected 0 to \(ResultLimits.count.upperBound)")
        }
    }

    /// Option letters (an answer or the correct ones): each from A up to the option count
    /// (or the most options any item may have), none twice.
    func letters(_ text: String?, optionCount: Int?, at path: @autoclosure () -> String) throws {
        guard let text else { return }
        let count = optionCount ?? OptionLetters.maximumOptions
        var seen: UInt32 = 0
        for scalar in text.unicodeScalars {
            let bit = Int(scalar.value) - 65
            guard (0..<count).contains(bit), seen & (1 << UInt32(bit)) == 0 else {
                let (shown, last) = (TextSafety.visible(String(text.prefix(20))), OptionLetters.letter(count - 1))
                throw problem(path(), "'\(shown)' is not a set of option letters; expected letters A to \(last)")
            }
            seen |= 1 << UInt32(bit)
        }
    }

    /// From 0001-01-01T00:00:00Z up to 10000-01-01T00:00:00Z, compared as seconds: a calendar made
    /// per result (Foundation's) also read the process's time zone.
    func takenAt(_ date: Date) throws {
        let seconds = date.timeIntervalSince1970
        guard !(-62_135_596_800..<253_402_300_800).contains(seconds) else { return }
        let year =
            seconds < 0
            ? "a year before 1" : seconds < 1e15 ? "year \(ISODate.utcFields(date).year)" : "a year after 9999"
        throw problem(
            "takenAt",
            "\(year) is out of range; expected \(ResultLimits.years.lowerBound) to \(ResultLimits.years.upperBound)")
    }

    /// A length in bytes of UTF-8.
    func name(length: Int, at path: @autoclosure () -> String) throws {
        guard length <= ResultLimits.nameBytes else {
            throw problem(path(), "\(length) bytes long; expected at most \(ResultLimits.nameBytes)")
        }
    }

    func text(length: Int, at path: @autoclosure () -> String) throws {
        guard length <= ResultLimits.textBytes else {
            throw problem(path(), "\(length) bytes long; expected at most \(ResultLimits.textBytes)")
        }
    }

    /// An order is a permutation of the options, or the letters shown cannot be recovered.
    func optionOrder(_ order: [Int], optionCount: Int?, at path: @autoclosure () -> String) throws {
        let count = optionCount ?? order.count
        guard order.count == count, order.sorted() == Array(0..<count) else {
            throw problem(path(), "\(order) is not an order of the options; expected each of 0 to \(count - 1) once")
        }
    }

    func listLength(_ count: Int, at path: @autoclosure () -> String) throws {
        guard count <= ResultLimits.count.upperBound else {
            throw problem(path(), "\(count) entries; expected at most \(ResultLimits.count.upperBound)")
        }
    }
}

extension AssessmentResult {
    /// The result itself when every number, date and text is within `ResultLimits`;
    /// otherwise an error naming the first field out of range.
    public func checked(file: String) throws -> AssessmentResult {
        let check = ResultCheck(file: file)
        try check.format(format)
        try check.name(length: id.utf8.count, at: "id")
        try check.name(length: person.utf8.count, at: "person")
        try check.name(length: rater?.utf8.count ?? 0, at: "rater")
        try check.takenAt(takenAt)
        try checkedFields(check)
        return self
    }

    /// Every check but the date's, in the same order: the fast reader reads only dates in range.
    func checkedFields(_ check: ResultCheck) throws {
        try check.name(length: questionnaire.id.utf8.count, at: "questionnaire.id")
        try check.name(length: questionnaire.version.utf8.count, at: "questionnaire.version")
        try check.name(length: questionnaire.title.utf8.count, at: "questionnaire.title")
        try check.name(length: questionnaire.hash.utf8.count, at: "questionnaire.hash")
        try check.listLength(answers.count, at: "answers")
        // Paths are made only for a failure: these checks run on every result read.
        for (index, answer) in answers.enumerated() { try answer.check(check, at: "answers[\(index)]") }
        try check.listLength(responseStyle?.count ?? 0, at: "responseStyle")
        for (index, code) in (responseStyle ?? []).enumerated() {
            try check.name(length: code.utf8.count, at: "responseStyle[\(index)]")
        }
        try check.score(scores.overall, at: "scores.overall")
        try check.score(scores.standardError, at: "scores.standardError")
        try check.band(scores.band, at: "scores.band")
        try check.count(scores.areasScored ?? 0, at: "scores.areasScored")
        try check.name(length: scores.level?.utf8.count ?? 0, at: "scores.level")
        try check.listLength(scores.areas.count, at: "scores.areas")
        for (index, area) in scores.areas.enumerated() {
            let at = { "scores.areas[\(index)]" }
            try check.name(length: area.area.utf8.count, at: at() + ".area")
            try check.score(area.score, at: at() + ".score")
            try check.name(length: area.level?.utf8.count ?? 0, at: at() + ".level")
            try check.count(area.answered, at: at() + ".answered")
            try check.count(area.items, at: at() + ".items")
            try check.count(area.required, at: at() + ".required")
            try check.count(area.notApplicable ?? 0, at: at() + ".notApplicable")
            try check.score(area.standardError, at: at() + ".standardError")
            try check.band(area.band, at: at() + ".band")
        }
    }
}

extension AnswerRecord {
    fileprivate func check(_ check: ResultCheck, at: @autoclosure () -> String) throws {
        try check.name(length: item.utf8.count, at: at() + ".item")
        try check.name(length: area?.utf8.count ?? 0, at: at() + ".area")
        try check.text(length: text.utf8.count, at: at() + ".text")
        try check.text(length: answer?.utf8.count ?? 0, at: at() + ".answer")
        try check.points(points, maxPoints: maxPoints, at: at())
        try check.name(length: label?.utf8.count ?? 0, at: at() + ".label")
        try check.optionCount(optionCount, at: at() + ".optionCount")
        try check.letters(correct, optionCount: optionCount, at: at() + ".correct")
        if type == .choice { try check.letters(answer, optionCount: optionCount, at: at() + ".answer") }
        try check.text(length: correctText?.utf8.count ?? 0, at: at() + ".correctText")
        try check.text(length: explanation?.utf8.count ?? 0, at: at() + ".explanation")
        try check.text(length: answerText?.utf8.count ?? 0, at: at() + ".answerText")
        try check.text(length: feedback?.utf8.count ?? 0, at: at() + ".feedback")
        if let optionOrder { try check.optionOrder(optionOrder, optionCount: optionCount, at: at() + ".optionOrder") }
        try check.listLength(actions?.count ?? 0, at: at() + ".actions")
        for (index, action) in (actions ?? []).enumerated() {
            try check.text(length: action.utf8.count, at: at() + ".actions[\(index)]")
        }
    }
}
