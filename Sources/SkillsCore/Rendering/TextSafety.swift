import FoundationEssentials
import Glibc

/// Names, reflections and questionnaire text are data: shown on a terminal they must not
/// move the cursor, change colours or ring the bell. Control characters become visible
/// (`^[`, `^G`, `\u{202E}` ...) instead.
public enum TextSafety {
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        // Printable ASCII is shown as it is (nearly every name and text): no copy.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A where keepNewlines: out.unicodeScalars.append(scalar)
            // The CR of a CRLF line end (CSV's) stays; a lone CR could overwrite a line.
            case 0x0D where keepNewlines && index + 1 < scalars.count && scalars[index + 1] == "\n":
                out.unicodeScalars.append(scalar)
            case 0x09: out += " "
            case 0x00..<0x20: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 64)))
            case 0x7F: out += "^?"
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                // C1 controls and bidirectional overrides can disguise text.
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C1 controls and bidirectional marks and overrides, which can make text read other
    /// than it is.
    public static func isDisguising(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A name made safe for a file name: ASCII letters, digits and dashes (accents folded,
    /// "María" → "maria"), never a path.
    public static func slug(_ text: String, limit: Int = 32) -> String {
        var out = ""
        // ASCII has no accents to fold, and folds case as it lowercases.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : Folding.caseAndAccentFolded(text)
        for scalar in folded.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
            if out.count >= limit { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "anonymous" : out
    }
}
