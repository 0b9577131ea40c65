import FoundationEssentials
import Glibc

/// Where a person's practice stands on a day (`skills practice --status`): what is due today
/// and later, what is retired, how many unseen questions remain, each area's questions by
/// box, and the questions a session would ask now.
public struct PracticeStatus: Codable, Equatable, Sendable {
    public struct Area: Codable, Equatable, Sendable {
        public var area: String
        public var name: String
        /// Active questions in box 1, box 2, … (retired ones are counted apart).
        public var boxes: [Int]
        public var retired: Int
        public var unseen: Int
    }

    public var person: String
    public var day: CalendarDay
    /// Days a question waits in each box before it comes back.
    public var intervals: [Int]
    public var dueToday: Int
    public var dueLater: Int
    public var retired: Int
    public var unseen: Int
    /// The earliest day after today that a question is due, if any.
    public var nextDue: CalendarDay?
    public var areas: [Area]
    /// `questionnaire/item` keys of the questions a session would ask now, in order.
    public var session: [String]

    /// Questions whose quiz or item no longer exists are left out: they cannot be asked.
    public static func build(
        progress: PracticeProgress, results: [AssessmentResult], banks: [String: Questionnaire],
        framework: Framework, on day: CalendarDay, count: Int
    ) -> PracticeStatus {
        let schedule = progress.schedule
        var byArea: [String: Area] = [:]
        func area(_ id: String) -> Area {
            byArea[id]
                ?? Area(
                    area: id, name: framework.name(ofArea: id), boxes: Array(repeating: 0, count: schedule.boxes),
                    retired: 0, unseen: 0)
        }
        var status = PracticeStatus(
            person: progress.person, day: day, intervals: schedule.intervals, dueToday: 0, dueLater: 0, retired: 0,
            unseen: 0, nextDue: nil, areas: [], session: [])
        for (key, card) in schedule.cards {
            guard let (_, item) = PracticeSession.find(key, in: banks) else { continue }
            let id = item.area ?? "-"
            var entry = area(id)
            if card.retired {
                status.retired += 1
                entry.retired += 1
            } else {
                entry.boxes[card.box - 1] += 1
                if card.due <= day {
                    status.dueToday += 1
                } else {
                    status.dueLater += 1
                    status.nextDue = min(status.nextDue ?? card.due, card.due)
                }
            }
            byArea[id] = entry
        }
        for (_, item) in PracticeSession.unseen(progress: progress, results: results, banks: banks, on: day) {
            let id = item.area ?? "-"
            var entry = area(id)
            entry.unseen += 1
            byArea[id] = entry
            status.unseen += 1
        }
        let order = framework.areaIDs
        status.areas = byArea.values.sorted {
            (order.firstIndex(of: $0.area) ?? order.count, $0.area) < (
                order.firstIndex(of: $1.area) ?? order.count, $1.area
            )
        }
        status.session = PracticeSession.questions(
            progress: progress, results: results, banks: banks, on: day, count: count
        ).map(\.key)
        return status
    }

    /// Nothing due, nothing unseen: a session now would ask nothing.
    public var isEmpty: Bool { session.isEmpty }
}
