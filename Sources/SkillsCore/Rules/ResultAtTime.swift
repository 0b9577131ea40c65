import FoundationEssentials
import Glibc

/// A result named the way `history` shows it, by the minute it was taken ("2026-11-20 10:00
/// UTC"), so a row of the history can be pasted into `skills remove`.
public enum ResultAtTime {
    /// The minute `text` names, read in the zone it names (UTC, an abbreviation such as CET,
    /// an identifier such as Europe/Paris, or an offset such as GMT+1 or +01:00), else in
    /// `zone`; nil when `text` is not a day and a time.
    public static func minute(_ text: String, zone: Zone) -> DateInterval? {
        let words = text.trimmedSpaces.split(separator: " ", maxSplits: 2).map(String.init)
        let day: String
        var time: String
        var rest: String?
        if words.count >= 2 {
            (day, time, rest) = (words[0], words[1], words.count == 3 ? words[2] : nil)
        } else if let first = words.first, let t = first.firstIndex(of: "T") {
            // 2026-11-20T10:00Z, as a result file's name and JSON write it.
            (day, time) = (String(first[..<t]), String(first[first.index(after: t)...]))
        } else {
            return nil
        }
        if day.count != 10 { return nil }
        if time.hasSuffix("Z") {
            time.removeLast()
            rest = rest ?? "UTC"
        }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard ISODate.isCalendarDay(Substring(day)), time.count == 5, clock.count == 2, (0...23).contains(clock[0]),
            (0...59).contains(clock[1])
        else { return nil }
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let upper = rest?.uppercased()
        // "02:30 CEST" and "02:30 CET" are two moments on the night clocks go back, as history shows them.
        func minute(in zone: Zone) -> Date {
            zone.date(
                year: parts[0], month: parts[1], day: parts[2], hour: clock[0], minute: clock[1], abbreviation: upper)
        }
        var start = minute(in: zone)
        // The reader's own zone first when it goes by that name then: "IST" in Dublin is Irish time,
        // though elsewhere it names India's.
        if let rest, zone.abbreviation(for: start) != upper {
            guard let named = Self.zone(rest) else { return nil }
            start = minute(in: named)
        }
        return DateInterval(start: start, duration: 60)
    }

    /// "UTC", "CET", "Europe/Paris", "GMT+1", "UTC+01:00", "+0100".
    static func zone(_ name: String) -> Zone? {
        let upper = name.uppercased()
        if upper == "UTC" || upper == "GMT" || upper == "Z" { return Zone.utc }
        var offset = Substring(upper)
        if offset.hasPrefix("UTC") || offset.hasPrefix("GMT") { offset = offset.dropFirst(3) }
        if let sign = offset.first, sign == "+" || sign == "-" {
            let digits = String(offset.dropFirst().filter { $0 != ":" })
            guard let number = Int(digits), digits.count <= 4 else { return nil }
            let (hours, minutes) = digits.count <= 2 ? (number, 0) : (number / 100, number % 100)
            guard hours <= 14, minutes < 60 else { return nil }
            return Zone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
        }
        return abbreviations[upper].flatMap { Zone.named($0) } ?? Zone.named(name)
    }

    /// The zones Foundation's `TimeZone(abbreviation:)` gives for these abbreviations, as `remove`
    /// read them before `skills` left full Foundation.
    static let abbreviations = [
        "ADT": "America/Halifax", "AKDT": "America/Juneau", "AKST": "America/Juneau",
        "ART": "America/Argentina/Buenos_Aires", "AST": "America/Halifax", "BDT": "Asia/Dhaka",
        "BRST": "America/Sao_Paulo", "BRT": "America/Sao_Paulo", "BST": "Europe/London", "CAT": "Africa/Harare",
        "CDT": "America/Chicago", "CEST": "Europe/Paris", "CET": "Europe/Paris", "CLST": "America/Santiago",
        "CLT": "America/Santiago", "COT": "America/Bogota", "CST": "America/Chicago", "EAT": "Africa/Addis_Ababa",
        "EDT": "America/New_York", "EEST": "Europe/Athens", "EET": "Europe/Athens", "EST": "America/New_York",
        "GST": "Asia/Dubai", "HKT": "Asia/Hong_Kong", "HST": "Pacific/Honolulu", "ICT": "Asia/Bangkok",
        "IRST": "Asia/Tehran", "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
        "MDT": "America/Denver", "MSD": "Europe/Moscow", "MSK": "Europe/Moscow", "MST": "America/Phoenix",
        "NDT": "America/St_Johns", "NST": "America/St_Johns", "NZDT": "Pacific/Auckland", "NZST": "Pacific/Auckland",
        "PDT": "America/Los_Angeles", "PET": "America/Lima", "PHT": "Asia/Manila", "PKT": "Asia/Karachi",
        "PST": "America/Los_Angeles", "SGT": "Asia/Singapore", "TRT": "Europe/Istanbul", "WAT": "Africa/Lagos",
        "WEST": "Europe/Lisbon", "WET": "Europe/Lisbon", "WIT": "Asia/Jakarta",
    ]

    /// The person's results taken within `minute`, oldest first.
    public static func results(of person: String, in store: ResultStore, at minute: DateInterval) throws
        -> (matches: [StoredResult], problems: [String])
    {
        var problems: [String] = []
        let theirs = try store.results(of: person, problems: &problems)
        return (theirs.filter { $0.result.takenAt >= minute.start && $0.result.takenAt < minute.end }, problems)
    }
}
