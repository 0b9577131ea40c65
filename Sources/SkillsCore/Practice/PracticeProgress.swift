import FoundationEssentials
import Glibc

/// One person's spaced practice, kept in the store as `practice/<person>.json`: the Leitner
/// schedule of the quiz questions they missed or have practised, and which quiz results have
/// already put their missed questions in it. Practice answers live here only; they are never
/// results, so reports, histories and class summaries never see them.
public struct PracticeProgress: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format = PracticeProgress.currentFormat
    public var person: String
    /// Keys are `questionnaire/item`, so two quizzes may use the same item ids.
    public var schedule: LeitnerSchedule
    /// Ids of the quiz results whose missed questions are in the schedule: a result is read
    /// once, so a question practised since is not sent back to box 1 by the old quiz.
    public var resultsRead: [String]

    public init(person: String, intervals: [Int] = LeitnerSchedule.standardIntervals) {
        self.person = person
        schedule = LeitnerSchedule(intervals: intervals)
        resultsRead = []
    }

    public static func key(questionnaire: String, item: String) -> String { "\(questionnaire)/\(item)" }

    /// Puts the questions missed in results not read before into box 1, due on the day of the
    /// quiz (a question missed again in a later quiz goes back to box 1). Only right-or-wrong
    /// questions count; a skipped one is missed, as the report counts it. True when it changed.
    @discardableResult
    public mutating func read(_ results: [AssessmentResult]) -> Bool {
        var read = Set(resultsRead)
        var changed = false
        for result in results.sorted(by: { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) })
        where !read.contains(result.id) {
            let missed = result.answers.filter { $0.type.isRightOrWrong && ($0.fraction ?? 0) < 1 }
            for answer in missed {
                schedule.enterMissed(
                    question: Self.key(questionnaire: result.questionnaire.id, item: answer.item),
                    on: CalendarDay(result.takenAt))
            }
            read.insert(result.id)
            changed = true
        }
        resultsRead = read.sorted()
        return changed
    }

    /// A practice answer given on `day`. A right answer to a question that is no longer due
    /// (another practice run answered it right first today) changes nothing, so two runs at
    /// once never move a question up two boxes; a wrong answer always sends it to box 1.
    public mutating func record(question: String, correct: Bool, on day: CalendarDay) {
        if correct, let card = schedule.cards[question], card.retired || card.due > day { return }
        schedule.record(question: question, correct: correct, on: day)
    }

    private enum CodingKeys: String, CodingKey { case format, person, schedule, resultsRead }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        guard format == Self.currentFormat else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: container,
                debugDescription: "format \(format) is not known; expected \(Self.currentFormat)")
        }
        person = try container.decode(String.self, forKey: .person)
        schedule = try container.decode(LeitnerSchedule.self, forKey: .schedule)
        resultsRead = try container.decode([String].self, forKey: .resultsRead)
    }
}
