import Foundation

/// ISO 8601 times, as results and machine-readable outputs store them.
public enum ISODate {
    public static func string(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// A day (2026-11-20) or a full time (2026-11-20T17:30:00Z).
    public static func parse(_ text: String) -> Date? {
        if let full = ISO8601DateFormatter().date(from: text) { return full }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
