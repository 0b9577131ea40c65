import FoundationEssentials
import Glibc

/// Shared pieces of the text renderers: score bars, numbers, dates, and colour that is
/// only used when the executable says the terminal wants it.
public struct TextStyle: Sendable {
    public var colour: Bool
    public var barWidth: Int
    public var levels: LevelColours
    /// Columns the text may use: the executable passes COLUMNS or the terminal's width, else 80.
    public var width: Int
    /// The zone times are shown in; stored times stay UTC.
    public var timeZone: Zone

    public init(
        colour: Bool = false, barWidth: Int = 20, levels: [LevelBand] = [], width: Int = 80,
        timeZone: Zone = Zone.utc
    ) {
        self.colour = colour
        self.barWidth = barWidth
        self.levels = LevelColours(levels: levels)
        self.width = width
        self.timeZone = timeZone
    }

    /// The same style with bars of another width, for a line that has less room.
    public func withBars(_ width: Int) -> TextStyle {
        var copy = self
        copy.barWidth = max(1, width)
        return copy
    }

    /// A 0–100 score as a bar of block characters, in eighths of a cell.
    public func bar(_ score: Double) -> String {
        let eighths = Int((max(0, min(100, score)) / 100 * Double(barWidth * 8)).rounded())
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
        let filled = bar.count
        bar += String(repeating: "░", count: max(0, barWidth - filled))
        return paint(bar, code: levels.terminalCode(for: score))
    }

    public func bold(_ text: String) -> String { paint(text, code: "1") }
    public func dim(_ text: String) -> String { paint(text, code: "2") }

    private func paint(_ text: String, code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public static func score(_ value: Double?) -> String {
        value.map { String(Int($0.rounded())) } ?? "–"
    }

    /// " ±19": the half-width of the 90% band (1.645·SE), or nothing when the error is unknown.
    public static func margin(_ standardError: Double?) -> String {
        guard let standardError, standardError.isFinite else { return "" }
        return " ±\(Int((Measurement.z90 * standardError).rounded()))"
    }

    /// A change as the reports show it: an arrow only for a reliable one ("+13 ↑"); one within
    /// measurement error is "no clear change (+6)"; with the error unknown, the bare number.
    public static func change(_ value: Double, reliable: Bool?) -> String {
        switch reliable {
        case true?: change(value)
        case false?: "\(signed(value)), no clear change"
        case nil: signed(value)
        }
    }

    /// "could be Developing", "could be anything from Beginning to Role model": what a
    /// score's band says, from every level it reaches (lowest first, its own among them).
    public static func couldBe(_ reached: [String]?, level: String?) -> String? {
        guard let reached, reached.count > 1, let first = reached.first, let last = reached.last else { return nil }
        if reached.count == 2 { return "could be \(first == level ? last : first)" }
        return "could be anything from \(first) to \(last)"
    }

    static func signed(_ value: Double) -> String {
        let whole = Int(value.rounded())
        return whole > 0 ? "+\(whole)" : String(whole)
    }

    /// "+6 ↑", "-4 ↓", "0 →"
    public static func change(_ value: Double) -> String {
        let whole = Int(value.rounded())
        return whole > 0 ? "+\(whole) ↑" : whole < 0 ? "\(whole) ↓" : "0 →"
    }

    /// "target 75: 12 to go" or "target 75 reached", on the rounded numbers the reports print.
    public static func targetNote(score: Double?, target: Double?) -> String? {
        guard let target else { return nil }
        let goal = Int(target.rounded())
        guard let score else { return "target \(goal)" }
        let gap = goal - Int(score.rounded())
        return gap <= 0 ? "target \(goal) reached" : "target \(goal): \(gap) to go"
    }

    /// "2026-11-23 05:12 UTC": for outputs that have no style (and tests that want UTC).
    public static func date(_ date: Date) -> String { TextStyle().date(date) }

    /// "2026-11-23 14:05 CET", or "2026-11-23 19:35 +05:30" when the zone has no name made of
    /// letters: the time in `timeZone`, always with the zone named, since a bare local time
    /// read by someone elsewhere (a coach, a trainer) would be taken for theirs.
    public func date(_ date: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let f = ISODate.utcFields(date.addingTimeInterval(TimeInterval(offset)))
        let two = ISODate.twoDigits
        return
            "\(f.year)-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute)) "
            + zoneName(at: date, offset: offset)
    }

    private func zoneName(at date: Date, offset: Int) -> String {
        if offset == 0 && ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Universal", "Zulu"].contains(timeZone.identifier) {
            return "UTC"
        }
        // The zone's own name ("CET", "EDT"); one that is not letters ("+0530") shows as the offset.
        if let name = timeZone.abbreviation(for: date), name.count >= 2, name.allSatisfy({ $0.isASCII && $0.isLetter })
        {
            return name
        }
        return Self.offset(offset)
    }

    /// "+01:00", "-03:00", "+05:30"
    static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + ISODate.twoDigits(minutes / 60) + ":" + ISODate.twoDigits(minutes % 60)
    }

    /// A statistic with at most two decimals, as CSV and tables print it (0.73, 12, 4.5).
    public static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Pads to a width in terminal cells, for aligned columns.
    public static func pad(_ text: String, _ width: Int) -> String {
        let used = TerminalCells.count(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// Wraps text to the style's width with a hanging indent.
    public func wrap(_ text: String, indent: String) -> String { Self.wrap(text, width: width, indent: indent) }

    /// Wraps with `first` before the first line and `rest` before the others: a bullet, or a
    /// label with the text beside it.
    public func wrap(_ text: String, first: String, rest: String) -> String {
        Self.wrap(text, width: width, first: first, rest: rest, cells: TerminalCells.count)
    }

    /// "1 Never · 2 Rarely · …" broken between entries rather than within one ("5" and
    /// "Every time" kept together); an entry wider than a line is wrapped by words.
    public func wrap(entries: [String], separator: String = " · ", first: String, rest: String) -> String {
        var lines: [String] = []
        var line = ""
        var used = 0
        let gap = TerminalCells.count(separator)
        for entry in entries {
            let size = TerminalCells.count(entry)
            let room = width - TerminalCells.count(lines.isEmpty ? first : rest)
            if !line.isEmpty && used + gap + size > room {
                lines.append(line)
                (line, used) = ("", 0)
            }
            used += line.isEmpty ? size : gap + size
            line += line.isEmpty ? entry : separator + entry
        }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { index, line in
            index == 0 ? wrap(line, first: first, rest: rest) : wrap(line, indent: rest)
        }.joined(separator: "\n")
    }

    /// "  Listening   ▃▅▆  latest 70, best 75": a label padded to `width` with wrapped text
    /// beside it; above it, on a line of its own, when the label would take half the line.
    public func labelled(_ label: String, width labelWidth: Int, _ text: String) -> String {
        guard 2 + labelWidth + 2 <= width / 2 else {
            return wrap(label, indent: "  ") + "\n" + wrap(text, indent: "    ")
        }
        let first = "  " + Self.pad(label, labelWidth) + "  "
        return wrap(text, first: first, rest: String(repeating: " ", count: labelWidth + 4))
    }

    /// Wraps text to a width with a hanging indent. A word longer than the line is left
    /// whole on a line of its own (a URL must stay one piece to be copied); two spaces that
    /// set parts of a line apart stay two, except where the line breaks.
    public static func wrap(_ text: String, width: Int = 76, indent: String) -> String {
        wrap(text, width: width, first: indent, rest: indent, cells: TerminalCells.count)
    }

    /// The same with `first` before the first line and `rest` before the others.
    public static func wrap(_ text: String, width: Int, first: String, rest: String) -> String {
        wrap(text, width: width, first: first, rest: rest, cells: TerminalCells.count)
    }

    /// Linear in the text: each word is measured once and the line's cells are carried along
    /// (re-measuring the line for every word made a long paragraph quadratic).
    static func wrap(
        _ text: String, width: Int, first: String, rest: String, bytes: Bool = true, cells: (Substring) -> Int
    ) -> String {
        let firstRoom = max(1, width - TerminalCells.count(first))
        let restRoom = max(1, width - TerminalCells.count(rest))
        if bytes, spacesStandAlone(text) {
            let wrapped = text.utf8.withContiguousStorageIfAvailable {
                wrapOnBytes($0, rooms: (firstRoom, restRoom), first: first, rest: rest, cells: cells)
            }
            if let wrapped { return wrapped }
        }
        var out = ""
        var room = firstRoom
        var used = -1  // cells on the current line; -1 before its first word
        var spaces = 1  // between the last word and the next: a run of spaces is kept
        // Split on characters, so a space a combining mark follows stays with it.
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        for word in words {
            if word.isEmpty {
                if used >= 0 { spaces += 1 }
                continue
            }
            let size = cells(word)
            if used >= 0 && used + spaces + size > room {
                out += "\n"
                used = -1
                room = restRoom
            }
            if used < 0 {
                out += out.isEmpty ? first : rest
                out += word
                used = size
            } else {
                out += String(repeating: " ", count: spaces)
                out += word
                used += spaces + size
            }
            spaces = 1
        }
        return out
    }

    /// Whether every space in `text` is a character of its own, so that splitting the bytes at
    /// spaces splits the characters there too: true for ASCII and for the Latin letters,
    /// punctuation, arrows and blocks the reports use, none of which joins a space (a combining
    /// mark after one, or a prepended mark before one, would).
    static func spacesStandAlone(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x80, 0xA0..<0x300, 0x2010..<0x2028, 0x2030..<0x205F, 0x2070..<0x20D0, 0x2100..<0x2C00: true
            default: false
            }
        }
    }

    /// The same, for text whose spaces stand alone (nearly every text shown): words are found
    /// and copied as bytes, several times cheaper than splitting into characters, and a word of
    /// printable ASCII is as many cells as bytes.
    private static func wrapOnBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, rooms: (first: Int, rest: Int), first: String, rest: String,
        cells: (Substring) -> Int
    ) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(first.utf8.count + bytes.count * (rest.utf8.count + 8) / 8)
        var room = rooms.first
        var used = -1
        var spaces = 1
        var start = 0
        while start <= bytes.count {
            var end = start
            var printable = true
            while end < bytes.count, bytes[end] != 0x20 {
                printable = printable && bytes[end] > 0x20 && bytes[end] < 0x7F
                end += 1
            }
            defer { start = end + 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if word.isEmpty {
                if used >= 0 { spaces += 1 }
                continue
            }
            let size = printable ? word.count : cells(Substring(String(decoding: word, as: UTF8.self)))
            if used >= 0 && used + spaces + size > room {
                out.append(0x0A)
                used = -1
                room = rooms.rest
            }
            if used < 0 {
                out.append(contentsOf: (out.isEmpty ? first : rest).utf8)
                used = size
            } else {
                out.append(contentsOf: repeatElement(0x20, count: spaces))
                used += spaces + size
            }
            out.append(contentsOf: word)
            spaces = 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Wrapped bullets: the bullet on the first line, plain indent on the rest.
    public func replacingFirstIndent(_ bullet: String, with indent: String) -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { i, line in
            i == 0 ? String(line) : indent + line.dropFirst(bullet.count)
        }.joined(separator: "\n")
    }
}
