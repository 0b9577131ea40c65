import FoundationEssentials
import Glibc

/// A time zone: the offset from UTC and the zone's own abbreviation ("CET", "EDT") at any moment.
///
/// Why not Foundation's `TimeZone`: `skills` links only FoundationEssentials (a third of the binary, and
/// half the start-up), whose `TimeZone` on Linux knows fixed offsets only. So named zones are read here
/// from the tz database's compiled files (TZif, RFC 8536), as the C library and Foundation read them:
/// the recorded changes of offset, then the file's closing POSIX rule for the years after them.
public struct Zone: Sendable, Equatable {
    /// "Europe/Paris", "UTC", or the offset ("+05:30") of a zone that has no name.
    public let identifier: String
    /// Moments (seconds since 1970, UTC) at which the local time type changes, in order.
    private let changes: [Int64]
    /// The local time type from each change on: an index into `types`.
    private let typeAfter: [Int]
    private let types: [LocalType]
    /// After the last change, when the file gives one.
    private let rule: PosixRule?

    struct LocalType: Sendable, Equatable {
        var offset: Int
        var abbreviation: String
    }

    public static let utc = Zone(identifier: "UTC", secondsFromGMT: 0, abbreviation: "UTC")

    /// A zone that never changes its offset.
    public init(identifier: String, secondsFromGMT: Int, abbreviation: String? = nil) {
        self.identifier = identifier
        changes = []
        typeAfter = []
        types = [LocalType(offset: secondsFromGMT, abbreviation: abbreviation ?? Self.offsetName(secondsFromGMT))]
        rule = nil
    }

    /// A fixed offset named by itself ("+05:30"); nil beyond ±18 hours.
    public init?(secondsFromGMT: Int) {
        guard abs(secondsFromGMT) <= 18 * 3600 else { return nil }
        self.init(identifier: Self.offsetName(secondsFromGMT), secondsFromGMT: secondsFromGMT)
    }

    /// The zone of a TZif file's bytes; nil when they are not one.
    public init?(identifier: String, tzif bytes: [UInt8]) {
        guard let parsed = TZif(bytes) else { return nil }
        self.identifier = identifier
        changes = parsed.changes
        typeAfter = parsed.typeAfter
        types = parsed.types
        rule = parsed.footer.flatMap(PosixRule.init)
    }

    /// A zone given by a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"), as TZ may hold one.
    public init?(posix text: String) {
        guard let rule = PosixRule(text) else { return nil }
        identifier = text
        changes = []
        typeAfter = []
        types = [rule.standard]
        self.rule = rule
    }

    /// The zone the tz database names `name` ("Europe/Paris"), read from `directory`; nil when there
    /// is no such zone. A name is never a way out of the directory.
    public static func named(_ name: String, directory: String = "/usr/share/zoneinfo") -> Zone? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.utf8.count < 256, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
            name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        if ["UTC", "GMT", "ETC/UTC", "ETC/GMT", "UNIVERSAL", "ZULU"].contains(name.uppercased()) {
            return Zone(
                identifier: name, secondsFromGMT: 0, abbreviation: name.uppercased().contains("GMT") ? "GMT" : "UTC")
        }
        return file(directory + "/" + name, identifier: name)
    }

    /// The zone in a TZif file at `path` (/etc/localtime), named `identifier`.
    public static func file(_ path: String, identifier: String) -> Zone? {
        guard let data = try? JSONFile.read(path), data.count < 1 << 20 else { return nil }
        return Zone(identifier: identifier, tzif: [UInt8](data))
    }

    /// The zone times are shown in, found as the C library finds it: `tz` (the TZ variable: a
    /// zone's name, ":name", a file's path or a POSIX rule), else the zone /etc/localtime holds,
    /// named by where its link points; UTC when neither says.
    public static func system(tz: String?, directory: String?, localtime: String = "/etc/localtime") -> Zone {
        let directory = directory.flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"
        if let tz, !tz.isEmpty {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if name.hasPrefix("/"), let zone = file(name, identifier: name) { return zone }
            if let zone = named(name, directory: directory) ?? Zone(posix: name) { return zone }
        }
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = buffer.withUnsafeMutableBytes { readlink(localtime, $0.baseAddress!, $0.count - 1) }
        let identifier = name(linkTarget: buffer[..<max(0, length)]) ?? "localtime"
        if ["UTC", "Etc/UTC", "Universal", "Zulu", "Etc/Universal", "Etc/Zulu"].contains(identifier) { return .utc }
        return file(localtime, identifier: identifier) ?? .utc
    }

    /// The zone a link to a tz file names: the path after "zoneinfo/", as Foundation and
    /// `timedatectl` name it. Compared as bytes: the string searcher's first use in a process
    /// costs about 270,000 instructions, a twentieth of a short command.
    static func name(linkTarget: ArraySlice<UInt8>) -> String? {
        let marker = Array("zoneinfo/".utf8)
        var start = linkTarget.startIndex
        while start + marker.count <= linkTarget.endIndex {
            if linkTarget[start..<(start + marker.count)].elementsEqual(marker) {
                return String(decoding: linkTarget[(start + marker.count)...], as: UTF8.self)
            }
            start += 1
        }
        return nil
    }

    /// Seconds east of UTC at `date`.
    public func secondsFromGMT(for date: Date) -> Int { localType(at: date).offset }

    /// The zone's abbreviation at `date` ("CET", "CEST"; "+0530" where the database has no letters).
    public func abbreviation(for date: Date) -> String? { localType(at: date).abbreviation }

    /// The moment a wall-clock time in this zone names. In the hour clocks go back, which comes
    /// twice, the one whose abbreviation is `abbreviation` ("02:30 CEST" or "02:30 CET"), else the
    /// first, as Foundation's calendar gave it; in the hour they skip, the offset before the change.
    public func date(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, abbreviation: String? = nil
    ) -> Date {
        let local =
            Int64(CalendarDay.days(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        func offset(_ moment: Int64) -> Int64 {
            Int64(secondsFromGMT(for: Date(timeIntervalSince1970: Double(moment))))
        }
        // A day and a half either side is beyond any offset, and no zone changes its clocks twice within it.
        let before = offset(local - 129_600)
        let after = offset(local + 129_600)
        let fits = [before, after, offset(local - offset(local))].map { local - $0 }.filter { local - offset($0) == $0 }
        let named = fits.filter {
            abbreviation != nil && self.abbreviation(for: Date(timeIntervalSince1970: Double($0))) == abbreviation
        }
        let moment = named.min() ?? fits.min() ?? local - before
        return Date(timeIntervalSince1970: Double(moment))
    }

    /// The calendar fields of `date` on this zone's clock.
    public func fields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        ISODate.utcFields(date.addingTimeInterval(Double(secondsFromGMT(for: date))))
    }

    private func localType(at date: Date) -> LocalType {
        let moment = Int64(date.timeIntervalSince1970.rounded(.down))
        if let last = changes.last, moment >= last, let rule { return rule.type(at: moment) }
        if changes.isEmpty { return rule?.type(at: moment) ?? types[0] }
        // The last change at or before the moment, by binary search.
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= moment { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? types[0] : types[typeAfter[low - 1]]
    }

    /// "+05:30", as times are shown with a zone that has no name.
    static func offsetName(_ seconds: Int) -> String { TextStyle.offset(seconds) }
}

/// The parts of a TZif file (RFC 8536) a zone needs: the 64-bit block of version 2 and later,
/// or the 32-bit block of version 1.
private struct TZif {
    var changes: [Int64] = []
    var typeAfter: [Int] = []
    var types: [Zone.LocalType] = []
    var footer: String?

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        /// The six counts of the header at `at` (isutcnt, isstdcnt, leapcnt, timecnt, typecnt,
        /// charcnt) and the size of the data block after it.
        func header(_ at: Int, timeBytes: Int) -> (size: Int, counts: [Int])? {
            guard at + 44 <= bytes.count else { return nil }
            let c = (0..<6).map { field in
                bytes[(at + 20 + field * 4)..<(at + 24 + field * 4)].reduce(0) { $0 << 8 | Int($1) }
            }
            return (c[3] * timeBytes + c[3] + c[4] * 6 + c[5] + c[2] * (timeBytes + 4) + c[1] + c[0], c)
        }
        guard var (size, counts) = header(0, timeBytes: 4) else { return nil }
        var at = 44
        var timeBytes = 4
        // Version 2 and later repeat the data with 64-bit times after the first block.
        if bytes[4] >= UInt8(ascii: "2") {
            guard let second = header(at + size, timeBytes: 8) else { return nil }
            at += size + 44
            (size, counts) = second
            timeBytes = 8
        }
        let (timeCount, typeCount, charCount) = (counts[3], counts[4], counts[5])
        let typesAt = at + timeCount * timeBytes + timeCount
        let charsAt = typesAt + typeCount * 6
        guard typeCount > 0, at + size <= bytes.count else { return nil }
        func number(_ start: Int, _ width: Int) -> Int64 {
            let raw = bytes[start..<start + width].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return width == 4 ? Int64(Int32(bitPattern: UInt32(raw))) : Int64(bitPattern: raw)
        }
        changes = (0..<timeCount).map { number(at + $0 * timeBytes, timeBytes) }
        typeAfter = (0..<timeCount).map { Int(bytes[at + timeCount * timeBytes + $0]) }
        guard typeAfter.allSatisfy({ $0 < typeCount }) else { return nil }
        let characters = bytes[charsAt..<charsAt + charCount]
        for index in 0..<typeCount {
            let start = typesAt + index * 6
            let nameAt = charsAt + Int(bytes[start + 5])
            guard nameAt <= charsAt + charCount else { return nil }
            let name = characters[nameAt...].prefix { $0 != 0 }
            let abbreviation = String(decoding: name, as: UTF8.self)
            types.append(Zone.LocalType(offset: Int(number(start, 4)), abbreviation: abbreviation))
        }
        // The footer of version 2 and later: "\n<POSIX TZ rule>\n".
        let footerAt = at + size
        if timeBytes == 8, footerAt < bytes.count, bytes[footerAt] == 0x0A,
            let end = bytes[(footerAt + 1)...].firstIndex(of: 0x0A), end > footerAt + 1
        {
            footer = String(decoding: bytes[(footerAt + 1)..<end], as: UTF8.self)
        }
    }
}

/// A POSIX TZ rule: "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30". The sign
/// of its offsets is the reverse of the usual: "EST5" is five hours west of Greenwich.
struct PosixRule: Sendable, Equatable {
    var standard: Zone.LocalType
    var summer: Zone.LocalType?
    /// When summer time starts (on standard time's clock) and ends (on summer time's).
    var start = Change(kind: .month(3, 2, 0), time: 7200)
    var end = Change(kind: .month(11, 1, 0), time: 7200)

    struct Change: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// Day 1…365 of the year, 29 February never counted.
            case julian(Int)
            /// Day 0…365 of the year, 29 February counted.
            case dayOfYear(Int)
            /// Month, week 1…5 (5: the last), weekday 0…6 (Sunday first).
            case month(Int, Int, Int)
        }
        var kind: Kind
        var time: Int

        /// The day (since 1970) this change falls on in `year`.
        func day(in year: Int) -> Int {
            let january = CalendarDay.days(year: year, month: 1, day: 1)
            switch kind {
            case .julian(let n): return january + n - 1 + (CalendarDay.isLeap(year) && n >= 60 ? 1 : 0)
            case .dayOfYear(let n): return january + n
            case .month(let month, let week, let weekday):
                let first = CalendarDay.days(year: year, month: month, day: 1)
                // 1970-01-01 was a Thursday (weekday 4).
                let firstWeekday = ((first + 4) % 7 + 7) % 7
                var day = first + (weekday - firstWeekday + 7) % 7 + 7 * (week - 1)
                let nextMonth =
                    month == 12
                    ? CalendarDay.days(year: year + 1, month: 1, day: 1)
                    : CalendarDay.days(year: year, month: month + 1, day: 1)
                while day >= nextMonth { day -= 7 }
                return day
            }
        }
    }

    init?(_ text: String) {
        var rest = Substring(text)
        guard let standardName = Self.name(&rest), let standardOffset = Self.offset(&rest) else { return nil }
        standard = Zone.LocalType(offset: -standardOffset, abbreviation: standardName)
        guard !rest.isEmpty else { return }
        guard let summerName = Self.name(&rest) else { return nil }
        var summerOffset = standard.offset + 3600
        if let first = rest.first, first != "," {
            guard let given = Self.offset(&rest) else { return nil }
            summerOffset = -given
        }
        summer = Zone.LocalType(offset: summerOffset, abbreviation: summerName)
        guard !rest.isEmpty else { return }
        guard rest.first == ",", let start = Self.change(&rest), rest.first == ",", let end = Self.change(&rest),
            rest.isEmpty
        else { return nil }
        (self.start, self.end) = (start, end)
    }

    func type(at moment: Int64) -> Zone.LocalType {
        guard let summer else { return standard }
        let year = ISODate.utcFields(Date(timeIntervalSince1970: Double(moment + Int64(standard.offset)))).year
        let starts = Int64(start.day(in: year)) * 86_400 + Int64(start.time - standard.offset)
        let ends = Int64(end.day(in: year)) * 86_400 + Int64(end.time - summer.offset)
        let inSummer = starts < ends ? (starts <= moment && moment < ends) : !(ends <= moment && moment < starts)
        return inSummer ? summer : standard
    }

    /// "CET", or "<+0530>" for a name with digits or signs.
    private static func name(_ rest: inout Substring) -> String? {
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            let name = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            return name.count >= 3 ? String(name) : nil
        }
        let name = rest.prefix { $0.isASCII && $0.isLetter }
        rest = rest.dropFirst(name.count)
        return name.count >= 3 ? String(name) : nil
    }

    /// "[+-]hh[:mm[:ss]]" in seconds.
    private static func offset(_ rest: inout Substring) -> Int? {
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        var total = 0
        for (index, (limit, unit)) in [(167, 3600), (59, 60), (59, 1)].enumerated() {
            if index > 0 {
                guard rest.first == ":" else { break }
                rest = rest.dropFirst()
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), let value = Int(digits), value <= limit else { return nil }
            rest = rest.dropFirst(digits.count)
            total += value * unit
        }
        return sign * total
    }

    /// ",Mm.w.d[/time]", ",Jn[/time]" or ",n[/time]".
    private static func change(_ rest: inout Substring) -> Change? {
        rest = rest.dropFirst()
        func number() -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            return digits.isEmpty ? nil : Int(digits)
        }
        var kind: Change.Kind
        if rest.first == "M" {
            rest = rest.dropFirst()
            guard let month = number(), rest.first == "." else { return nil }
            rest = rest.dropFirst()
            guard let week = number(), rest.first == "." else { return nil }
            rest = rest.dropFirst()
            guard let weekday = number(), (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday)
            else { return nil }
            kind = .month(month, week, weekday)
        } else if rest.first == "J" {
            rest = rest.dropFirst()
            guard let n = number(), (1...365).contains(n) else { return nil }
            kind = .julian(n)
        } else {
            guard let n = number(), (0...365).contains(n) else { return nil }
            kind = .dayOfYear(n)
        }
        var time = 7200
        if rest.first == "/" {
            rest = rest.dropFirst()
            guard let given = offset(&rest) else { return nil }
            time = given
        }
        return Change(kind: kind, time: time)
    }
}
