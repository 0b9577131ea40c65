import FoundationEssentials
import Glibc

/// What one practice session did, printed when it ends: each question's answer and where it
/// went in the schedule. Letters are the options as the quiz writes them (A = first written),
/// whatever order a terminal showed them in.
public struct PracticeSummary: Codable, Equatable, Sendable {
    public struct Answer: Codable, Equatable, Sendable {
        /// `questionnaire/item`.
        public var question: String
        public var questionnaire: String
        public var item: String
        public var area: String?
        /// "due" or "unseen": why it was asked.
        public var reason: String
        /// Letters chosen, or nil when skipped.
        public var answer: String?
        public var correct: Bool?
        public var bestAnswer: String
        /// The chosen options' own feedback.
        public var feedback: String?
        /// Why the best answer is best, when the answer was not right.
        public var explanation: String?
        /// Where the question is now (nil when skipped and not in the schedule).
        public var box: Int?
        public var due: CalendarDay?
        public var retired: Bool?
    }

    public var person: String
    public var day: CalendarDay
    /// Questions in the session; those not in `answers` were skipped.
    public var asked: Int
    /// The questions answered, in session order.
    public var answers: [Answer]
    public var right: Int { answers.filter { $0.correct == true }.count }
    public var wrong: Int { answers.filter { $0.correct == false }.count }
    /// After the session: questions still due today, and the next day any is due.
    public var stillDueToday: Int
    public var nextDue: CalendarDay?

    public init(person: String, day: CalendarDay) {
        self.person = person
        self.day = day
        asked = 0
        answers = []
        stillDueToday = 0
    }

    public static func answer(
        to question: PracticeQuestion, response: Response, correct: Bool?, progress: PracticeProgress
    ) -> Answer {
        var record = Answer(
            question: question.key, questionnaire: question.questionnaire, item: question.item.id,
            area: question.item.area, reason: question.reason == .unseen ? "unseen" : "due", answer: nil,
            correct: correct, bestAnswer: "")
        if case .choice(let choice) = question.item.kind {
            record.bestAnswer = OptionLetters.letters(choice.correctOptions)
            if case .choice(let chosen) = response {
                record.answer = OptionLetters.letters(chosen)
                let feedback = chosen.compactMap {
                    choice.options.indices.contains($0) ? choice.options[$0].feedback : nil
                }
                record.feedback = feedback.isEmpty ? nil : feedback.joined(separator: " ")
            }
            if correct == false { record.explanation = choice.explanation }
        }
        if let card = progress.schedule.cards[question.key] {
            record.box = card.box
            record.due = card.due
            record.retired = card.retired
        }
        return record
    }

    /// Fills in what is due after the session.
    public mutating func close(with progress: PracticeProgress) {
        stillDueToday = progress.schedule.due(on: day).count
        nextDue = progress.schedule.cards.values.filter { !$0.retired && $0.due > day }.map(\.due).min()
    }

    enum CodingKeys: String, CodingKey {
        case person, day, asked, answers, right, wrong, stillDueToday, nextDue
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(person, forKey: .person)
        try container.encode(day, forKey: .day)
        try container.encode(asked, forKey: .asked)
        try container.encode(answers, forKey: .answers)
        try container.encode(right, forKey: .right)
        try container.encode(wrong, forKey: .wrong)
        try container.encode(stillDueToday, forKey: .stillDueToday)
        try container.encodeIfPresent(nextDue, forKey: .nextDue)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        person = try container.decode(String.self, forKey: .person)
        day = try container.decode(CalendarDay.self, forKey: .day)
        asked = try container.decode(Int.self, forKey: .asked)
        answers = try container.decode([Answer].self, forKey: .answers)
        stillDueToday = try container.decode(Int.self, forKey: .stillDueToday)
        nextDue = try container.decodeIfPresent(CalendarDay.self, forKey: .nextDue)
    }

    /// The closing lines of a session in text.
    public func text(width: Int) -> String {
        let skipped = asked - answers.count
        var line = "Practised \(asked): \(right) right, \(wrong) to review"
        if skipped > 0 { line += ", \(skipped) skipped" }
        line += "."
        if stillDueToday > 0 {
            line += " \(stillDueToday) more due today: skills practice."
        } else if let nextDue {
            line += " Next practice: \(nextDue.iso) (skills practice --status)."
        }
        return TextStyle.wrap(line, width: width, indent: "")
    }
}
