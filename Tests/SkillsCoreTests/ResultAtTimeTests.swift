import Foundation
import Testing

@testable import SkillsCore

/// The minute a history row shows, read back for `skills remove`.
@Suite struct ResultAtTimeTests {
    let paris = Zone.named("Europe/Paris")!

    func start(_ text: String, zone: Zone) -> String? {
        ResultAtTime.minute(text, zone: zone).map { ISO8601DateFormatter().string(from: $0.start) }
    }

    @Test func aTimeWithoutAZoneIsReadInTheGivenZone() {
        // Paris is UTC+1 in November (hand working: 11:00 − 1 h = 10:00 UTC).
        #expect(start("2026-11-20 11:00", zone: paris) == "2026-11-20T10:00:00Z")
        #expect(ResultAtTime.minute("2026-11-20 11:00", zone: paris)?.duration == 60)
    }

    @Test func aNamedZoneWins() {
        #expect(start("2026-11-20 10:00 UTC", zone: paris) == "2026-11-20T10:00:00Z")
        #expect(start("2026-11-20 11:00 GMT+1", zone: .utc) == "2026-11-20T10:00:00Z")
        #expect(start("2026-11-20 05:00 -05:00", zone: paris) == "2026-11-20T10:00:00Z")
        #expect(start("2026-11-20 11:00 Europe/Paris", zone: .utc) == "2026-11-20T10:00:00Z")
        #expect(start("2026-11-20T10:00Z", zone: paris) == "2026-11-20T10:00:00Z")
    }

    @Test func theHourClocksGoBackIsTheOneItsZoneNames() {
        // Paris went back from 03:00 CEST to 02:00 CET at 01:00 UTC on 25 October 2026 (EU rule: last
        // Sunday of October), so 02:30 came twice: 02:30 CEST = 00:30 UTC, then 02:30 CET = 01:30 UTC.
        #expect(start("2026-10-25 02:30 CEST", zone: paris) == "2026-10-25T00:30:00Z")
        #expect(start("2026-10-25 02:30 CET", zone: paris) == "2026-10-25T01:30:00Z")
        #expect(start("2026-10-25 02:30 CEST", zone: .utc) == "2026-10-25T00:30:00Z")
        #expect(start("2026-10-25 02:30 CET", zone: .utc) == "2026-10-25T01:30:00Z")
        // Without a zone, the first of the two, as Foundation's calendar read it.
        #expect(start("2026-10-25 02:30", zone: paris) == "2026-10-25T00:30:00Z")
        // 02:30 never came on 29 March (02:00 CET became 03:00 CEST): read with the offset before, +1 h.
        #expect(start("2026-03-29 02:30", zone: paris) == "2026-03-29T01:30:00Z")
    }

    @Test func fileNamesAndNonsenseAreNotTimes() {
        #expect(ResultAtTime.minute("2026-11-20T100000-ana-shift-checkin-3f2a9c1e", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-02-30 10:00", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-11-20 24:00", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-11-20 10:00 Mars/Base", zone: .utc) == nil)
        #expect(ResultAtTime.minute("good", zone: .utc) == nil)
    }
}
