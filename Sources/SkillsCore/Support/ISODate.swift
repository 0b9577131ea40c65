import Foundation

/// ISO 8601 times, as results and machine-readable outputs store them.
public enum ISODate {
    public static func string(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

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

    /// A day (2026-11-20) or a full time (2026-11-20T17:30:00Z).
    public static func parse(_ text: String) -> Date? {
        if let full = ISO8601DateFormatter().date(from: text) { return full }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
