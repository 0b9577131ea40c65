import FoundationEssentials
import Glibc

/// Spaced practice of missed questions in Leitner's boxes (Leitner 1972, "So lernt man
/// lernen"): a question starts in box 1; answered right it moves up one box and comes back
/// after that box's interval; answered wrong it goes back to box 1; answered right in the
/// last box it is retired. The standard intervals double, 1, 2, 4, 8 and 16 days, the
/// spacing most Leitner apps use, so a question answered right every time it is due is
/// retired 31 days after it was missed. A value type, Codable for the store; days are passed
/// in, so a schedule can be replayed over simulated days.
public struct LeitnerSchedule: Codable, Equatable, Sendable {
    public static let standardIntervals = [1, 2, 4, 8, 16]

    public struct Card: Codable, Equatable, Sendable {
        /// 1…number of boxes.
        public var box: Int
        /// The day the question is next asked (for a retired card, the day it retired).
        public var due: CalendarDay
        public var retired: Bool
    }

    /// Days until a question in box i (index i − 1) comes back; kept in the stored value, so
    /// a schedule saved under one spacing keeps it if the default changes.
    public private(set) var intervals: [Int]
    /// Question id to its card.
    public private(set) var cards: [String: Card]

    public init(intervals: [Int] = standardIntervals) {
        precondition(!intervals.isEmpty && intervals.allSatisfy { $0 > 0 }, "Leitner boxes need positive intervals")
        self.intervals = intervals
        cards = [:]
    }

    public var boxes: Int { intervals.count }

    /// A question missed elsewhere (in a quiz) enters box 1, due after box 1's interval; one
    /// already in the schedule, retired or not, goes back to box 1 as a wrong answer would.
    public mutating func add(question: String, on day: CalendarDay) {
        cards[question] = Card(box: 1, due: day.adding(days: intervals[0]), retired: false)
    }

    /// A question missed in a quiz on `day` enters box 1 due that same day, so the practice
    /// right after the quiz asks it (`add` waits box 1's interval, as a wrong practice answer
    /// does). Right every time it is due, it then comes back after 2, 4, 8 and 16 days and is
    /// retired 30 days after the quiz.
    public mutating func enterMissed(question: String, on day: CalendarDay) {
        cards[question] = Card(box: 1, due: day, retired: false)
    }

    /// Records an answer given on `day`. A question not yet in the schedule is taken to be in
    /// box 1. Right: up one box and due after that box's interval, or retired when passed out
    /// of the last box. Wrong: back to box 1, due after its interval (a retired question that
    /// is missed again comes back too). An answer before the due day counts the same.
    public mutating func record(question: String, correct: Bool, on day: CalendarDay) {
        let card = cards[question] ?? Card(box: 1, due: day, retired: false)
        guard correct else {
            add(question: question, on: day)
            return
        }
        if card.retired { return }
        if card.box >= boxes {
            cards[question] = Card(box: boxes, due: day, retired: true)
        } else {
            cards[question] = Card(box: card.box + 1, due: day.adding(days: intervals[card.box]), retired: false)
        }
    }

    /// The questions due on `day` (due then or earlier, not retired): the longest overdue
    /// first, then the lower box, then by id, so a session is the same every time it is asked.
    public func due(on day: CalendarDay) -> [String] {
        cards.filter { !$0.value.retired && $0.value.due <= day }
            .sorted { a, b in
                if a.value.due != b.value.due { return a.value.due < b.value.due }
                if a.value.box != b.value.box { return a.value.box < b.value.box }
                return a.key < b.key
            }
            .map(\.key)
    }

    /// How many active questions sit in each box, box 1 first.
    public var boxCounts: [Int] {
        var counts = [Int](repeating: 0, count: boxes)
        for card in cards.values where !card.retired { counts[card.box - 1] += 1 }
        return counts
    }

    public var retiredCount: Int { cards.values.filter(\.retired).count }

    private enum CodingKeys: String, CodingKey {
        case intervals
        case cards
    }

    /// Checks what a damaged or hand-edited store file could get wrong, so a bad value is a
    /// decoding error rather than a crash later.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let intervals = try container.decode([Int].self, forKey: .intervals)
        guard !intervals.isEmpty, intervals.allSatisfy({ (1...3650).contains($0) }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .intervals, in: container, debugDescription: "expected one or more intervals of 1…3650 days")
        }
        let cards = try container.decode([String: Card].self, forKey: .cards)
        if let bad = cards.first(where: { !(1...intervals.count).contains($0.value.box) }) {
            throw DecodingError.dataCorruptedError(
                forKey: .cards, in: container,
                debugDescription: "question \(bad.key): box \(bad.value.box), expected 1…\(intervals.count)")
        }
        self.intervals = intervals
        self.cards = cards
    }
}
