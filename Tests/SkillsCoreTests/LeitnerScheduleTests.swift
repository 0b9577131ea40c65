import Foundation
import Testing

@testable import SkillsCore

/// The Leitner schedule replayed over simulated days, with the spacing worked out by hand
/// (intervals 1, 2, 4, 8, 16 days), and the calendar days it runs on (day counts from
/// Python's `datetime.date` subtraction).
@Suite struct LeitnerScheduleTests {
    static let missedOn = CalendarDay(iso: "2026-11-23")!

    func day(_ offset: Int) -> CalendarDay { Self.missedOn.adding(days: offset) }

    @Test func aMissedQuestionComesBackOnEachDueDayAndRetiresAfterTheLastBox() {
        var schedule = LeitnerSchedule()
        schedule.add(question: "q1", on: day(0))
        #expect(schedule.due(on: day(0)).isEmpty)
        // Right every time it is due: box 1 → 2 on day 1 (next in 2 days), → 3 on day 3 (next
        // in 4), → 4 on day 7 (next in 8), → 5 on day 15 (next in 16), retired on day 31.
        for (dueDay, box) in [(1, 1), (3, 2), (7, 3), (15, 4), (31, 5)] {
            #expect(schedule.due(on: day(dueDay - 1)).isEmpty, "not due the day before day \(dueDay)")
            #expect(schedule.due(on: day(dueDay)) == ["q1"], "due on day \(dueDay)")
            #expect(schedule.cards["q1"]?.box == box)
            schedule.record(question: "q1", correct: true, on: day(dueDay))
        }
        #expect(schedule.cards["q1"]?.retired == true)
        #expect(schedule.due(on: day(400)).isEmpty)
        #expect(schedule.retiredCount == 1)
        #expect(schedule.boxCounts == [0, 0, 0, 0, 0])
    }

    @Test func aWrongAnswerSendsTheQuestionBackToBoxOne() {
        var schedule = LeitnerSchedule()
        schedule.add(question: "q1", on: day(0))
        schedule.record(question: "q1", correct: true, on: day(1))  // box 2, due day 3
        schedule.record(question: "q1", correct: true, on: day(3))  // box 3, due day 7
        schedule.record(question: "q1", correct: false, on: day(7))  // box 1, due day 8
        #expect(schedule.cards["q1"] == LeitnerSchedule.Card(box: 1, due: day(8), retired: false))
        #expect(schedule.due(on: day(8)) == ["q1"])
    }

    @Test func overdueQuestionsStayDueAndComeFirst() {
        var schedule = LeitnerSchedule()
        schedule.add(question: "b", on: day(0))  // due day 1
        schedule.add(question: "a", on: day(2))  // due day 3
        schedule.record(question: "c", correct: true, on: day(1))  // unseen, right: box 2, due day 3
        #expect(schedule.due(on: day(10)) == ["b", "a", "c"])
        #expect(schedule.boxCounts == [2, 1, 0, 0, 0])
    }

    @Test func aRetiredQuestionMissedAgainComesBack() {
        var schedule = LeitnerSchedule(intervals: [1])
        schedule.add(question: "q", on: day(0))
        schedule.record(question: "q", correct: true, on: day(1))
        #expect(schedule.cards["q"]?.retired == true)
        schedule.record(question: "q", correct: true, on: day(2))
        #expect(schedule.cards["q"]?.retired == true)
        schedule.add(question: "q", on: day(5))
        #expect(schedule.due(on: day(6)) == ["q"])
    }

    @Test func theScheduleSurvivesTheStore() throws {
        var schedule = LeitnerSchedule()
        schedule.add(question: "empathy-3", on: day(0))
        schedule.record(question: "listening-1", correct: true, on: day(0))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(schedule)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""due":"2026-11-24""#))
        #expect(try JSONDecoder().decode(LeitnerSchedule.self, from: data) == schedule)
    }

    @Test(
        "A damaged schedule is a decoding error",
        arguments: [
            #"{"intervals":[1,2],"cards":{"q":{"box":3,"due":"2026-11-24","retired":false}}}"#,
            #"{"intervals":[],"cards":{}}"#,
            #"{"intervals":[0],"cards":{}}"#,
            #"{"intervals":[1],"cards":{"q":{"box":1,"due":"2026-02-30","retired":false}}}"#,
        ])
    func damagedScheduleIsRejected(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LeitnerSchedule.self, from: Data(json.utf8))
        }
    }

    @Test func calendarDaysCountFrom1970InUTC() {
        #expect(CalendarDay(iso: "2026-11-23")?.daysSince1970 == 20_780)
        #expect(CalendarDay(iso: "2000-02-29")?.daysSince1970 == 11_016)
        #expect(CalendarDay(iso: "1969-12-31")?.daysSince1970 == -1)
        #expect(CalendarDay(daysSince1970: 20_780).iso == "2026-11-23")
        #expect(CalendarDay(daysSince1970: 11_016).iso == "2000-02-29")
        #expect(CalendarDay(daysSince1970: -1).iso == "1969-12-31")
        // 2026-11-23T23:59:59Z is still the 23rd; a second later is the 24th.
        #expect(CalendarDay(Date(timeIntervalSince1970: 1_795_478_399)).iso == "2026-11-23")
        #expect(CalendarDay(Date(timeIntervalSince1970: 1_795_478_400)).iso == "2026-11-24")
        for text in ["2026-11-31", "2025-02-29", "2026-1-05", "26-11-23", "2026-11-23T00:00:00Z", ""] {
            #expect(CalendarDay(iso: text) == nil, "\(text)")
        }
    }
}
