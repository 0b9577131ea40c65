import FoundationEssentials
import Glibc

/// ISO 8601 times, as results and machine-readable outputs store them.
public enum ISODate {
    /// `2026-11-23T05:12:00Z`, as Foundation's `ISO8601DateFormatter` wrote it, made from `gmtime_r`:
    /// a formatter made per call cost 600,000 instructions, which a class CSV of 100,000 people paid
    /// once per row. Stored times are whole seconds; a fraction is rounded to the millisecond and
    /// then dropped, as the formatter did. Years outside 1600…9999 are left to Foundation's format.
    public static func string(_ date: Date) -> String {
        let seconds = ((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down)
        let f = utcFields(Date(timeIntervalSince1970: seconds))
        guard (1600...9999).contains(f.year) else { return Date.ISO8601FormatStyle().format(date) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        let fields: [(value: Int, width: Int, then: Unicode.Scalar)] = [
            (f.year, 4, "-"), (f.month, 2, "-"), (f.day, 2, "T"), (f.hour, 2, ":"), (f.minute, 2, ":"),
            (f.second, 2, "Z"),
        ]
        for field in fields {
            digits(field.value, field.width)
            bytes.append(UInt8(field.then.value))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTC calendar fields from gmtime_r: cheaper than a DateFormatter, which loads ICU
    /// and would cost a short command more than its real work.
    public static func utcFields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return (
            Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday),
            Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec)
        )
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Years a result can be taken in: a time outside is a typo, and one before year 1
    /// could not be read back.
    public static let years = 1970...2999

    public static func isSaneYear(_ date: Date) -> Bool { years.contains(utcFields(date).year) }

    /// A day (2026-11-20) or a full time (2026-11-20T17:30:00Z), on the calendar (no
    /// 30 February) and within `years`.
    public static func parse(_ text: String) -> Date? {
        guard isCalendarDay(text.prefix(10)), let date = parseFormat(text), isSaneYear(date) else { return nil }
        return date
    }

    /// The same, but a bare day is that day's midnight in `zone`: "since 2026-11-23" means
    /// from the start of the person's own Monday, not of Greenwich's. A full time keeps its offset.
    public static func parse(_ text: String, dayIn zone: Zone) -> Date? {
        guard let date = parse(text) else { return nil }
        guard text.count == 10 else { return date }
        // The offset at midnight UTC, corrected once for a day on which the clocks change.
        let guess = date.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: date)))
        return date.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: guess)))
    }

    static func isCalendarDay(_ day: Substring) -> Bool {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let dayNumber = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(dayNumber)
    }

    private static func parseFormat(_ text: String) -> Date? {
        if text.utf8.count == 10 {
            return CalendarDay(iso: text).map { Date(timeIntervalSince1970: Double($0.daysSince1970) * 86_400) }
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
