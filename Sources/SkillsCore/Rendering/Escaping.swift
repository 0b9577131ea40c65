/// Escaping user text for each output format. Names, reflections and questionnaire text are
/// data and must never become markup, formulas or terminal commands.
public enum Escaping {
    /// For HTML and SVG text and attribute values (also valid XML).
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0, and bidirectional overrides
                // can disguise text: show them as the terminal does.
                if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || TextSafety.isDisguising(scalar) {
                    out += TextSafety.visible(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// For Markdown text: characters that would start formatting, links or raw HTML, and
    /// the pipe that would break a table cell, are backslash-escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in TextSafety.visible(text) {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// For a CSV cell (RFC 4180 quoting). A cell that a spreadsheet could read as a formula
    /// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, as
    /// OWASP's CSV injection guidance recommends. The numbers skills writes are never
    /// negative, so they are not affected.
    public static func csv(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        // Bytes, not characters: a line break written "\r\n" is one character, equal to neither
        // "\r" nor "\n", and walking characters cost an export 2,700 instructions a cell.
        if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\""
                + String(String.UnicodeScalarView(cell.unicodeScalars.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }))
                + "\""
        }
        return cell
    }

    public static func csvRow(_ cells: [String]) -> String {
        cells.map(csv).joined(separator: ",")
    }
}
