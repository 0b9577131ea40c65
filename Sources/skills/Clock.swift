import FoundationEssentials
import Glibc
import SkillsCore

/// The time a result is taken at. `SKILLS_NOW` (ISO 8601, such as 2026-11-20T17:30:00Z)
/// overrides the clock, for back-filling a paper check-in and for tests that need
/// results on different days.
enum Clock {
    static func now(_ environment: [String: String]) throws -> Date { try fixed(environment) ?? Date() }

    /// The time `SKILLS_NOW` sets, or nil for the clock's; checked before any question.
    static func fixed(_ environment: [String: String]) throws -> Date? {
        guard let text = environment["SKILLS_NOW"], !text.isEmpty else { return nil }
        guard let date = ISODate.parse(text), ISODate.isSaneYear(date) else {
            throw SkillsError.usage(
                "SKILLS_NOW: '\(TextSafety.visible(text))' is not a time; expected ISO 8601 such as "
                    + "2026-11-20T17:30:00Z"
            )
        }
        return date
    }
}

/// Waits `seconds` (Foundation's `Thread.sleep` is not in FoundationEssentials).
func wait(seconds: Double) {
    var wanted = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    var left = timespec()
    while nanosleep(&wanted, &left) == -1 && errno == EINTR { wanted = left }
}
