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

    @Test func fileNamesAndNonsenseAreNotTimes() {
        #expect(ResultAtTime.minute("2026-11-20T100000-ana-shift-checkin-3f2a9c1e", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-02-30 10:00", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-11-20 24:00", zone: .utc) == nil)
        #expect(ResultAtTime.minute("2026-11-20 10:00 Mars/Base", zone: .utc) == nil)
        #expect(ResultAtTime.minute("good", zone: .utc) == nil)
    }
}
