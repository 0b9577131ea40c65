import Foundation

/// Zone abbreviations ("CET", "EDT", "IST") from the C library, which reads the tz database
/// for TZ (or /etc/localtime) as Foundation's TimeZone does, but which on Linux Foundation
/// names only "GMT+1".
enum ZoneNames {
    /// The C library's name for `date`, or nil when its zone is not `zone` (a POSIX TZ rule
    /// Foundation could not read, so the two would disagree): the offset is shown then.
    static func abbreviation(in zone: TimeZone) -> @Sendable (Date) -> String? {
        tzset()
        return { date in
            var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
            var fields = tm()
            guard localtime_r(&seconds, &fields) != nil, fields.tm_gmtoff == zone.secondsFromGMT(for: date),
                let name = fields.tm_zone
            else { return nil }
            return String(cString: name)
        }
    }
}
