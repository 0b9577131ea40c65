import FoundationEssentials
import Glibc

extension ISODate {
    /// "2026-10-01" (UTC): a day without the time, where the time is not wanted (chart labels)
    /// or must not be shown (anonymised output, where an exact time can single a person out).
    public static func day(_ date: Date) -> String {
        let f = utcFields(date)
        return "\(f.year)-\(twoDigits(f.month))-\(twoDigits(f.day))"
    }
}
