import FoundationEssentials
import Glibc

/// The name a result is saved under. It is data: it never becomes a path (file names use
/// `TextSafety.slug`), but a name that is empty, only spaces, very long or full of
/// control characters is refused, because it would make reports unreadable.
public enum PersonName {
    public static let limit = 100

    public static func validate(_ raw: String, option: String = "--name") throws -> String {
        let name = raw.trimmed
        if name.isEmpty {
            throw SkillsError.usage("\(option): expected a name; found an empty one")
        }
        if name.count > limit {
            throw SkillsError.usage("\(option): the name is \(name.count) characters; expected at most \(limit)")
        }
        if name.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }) {
            throw SkillsError.usage(
                "\(option): '\(TextSafety.visible(name))' contains control characters; expected a plain name")
        }
        return name
    }

    /// One key for one person in every command, targets and the class summary included:
    /// canonical Unicode form and full case folding, so "Ana" and "ANA", or "Strauß" and
    /// "STRAUSS", are the same person.
    public static func key(_ name: String) -> String {
        // Most names are ASCII: lower-casing is the whole folding there, and cheap for a class of 100,000.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.trimmed.lowercased() }
        return Folding.caseFolded(name.trimmed)
    }

    /// `key(a) == key(b)`, without making the keys when both names are ASCII: a long history
    /// asks it of every result read.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard let (x, y) = asciiKeys(a, b) else { return key(a) == key(b) }
        return x.count == y.count && zip(x, y).allSatisfy { lower($0) == lower($1) }
    }

    /// `key(a) < key(b)`, without making the keys when both names are ASCII: sorting a class
    /// of 300,000 compares names millions of times.
    public static func ordered(_ a: String, _ b: String) -> Bool {
        guard let (x, y) = asciiKeys(a, b) else { return key(a) < key(b) }
        for (p, q) in zip(x, y) where lower(p) != lower(q) { return lower(p) < lower(q) }
        return x.count < y.count
    }

    /// Two ASCII names trimmed as `key` trims them, as bytes still to be lower-cased; nil
    /// unless both are ASCII.
    private static func asciiKeys(_ a: String, _ b: String) -> (Substring.UTF8View, Substring.UTF8View)? {
        guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var x = a.utf8.drop(while: isSpace)[...]
        var y = b.utf8.drop(while: isSpace)[...]
        while let last = x.last, isSpace(last) { x = x.dropLast() }
        while let last = y.last, isSpace(last) { y = y.dropLast() }
        return (x, y)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}
