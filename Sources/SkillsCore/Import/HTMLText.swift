/// HTML from a question bank, as the plain text a terminal shows: tags left out (a block
/// tag or a line break becomes a space, so words on either side stay apart), entities
/// decoded, runs of white space made one space. Scripts and styles are dropped whole.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                // A lone "<" ("3 < 5") is text, not a tag.
                out += rest[open...]
                rest = ""
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            let name = tagName(tag)
            rest = rest[rest.index(after: close)...]
            if name == "script" || name == "style" {
                // The closing tag in any case: ASCII letters lower-cased keep their byte offsets.
                let lowered = Array(rest.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 })
                if let end = lowered.firstRange(of: Array("</\(name)".utf8)) {
                    rest = Substring(rest.utf8[rest.utf8.index(rest.utf8.startIndex, offsetBy: end.upperBound)...])
                    rest = rest.firstIndex(of: ">").map { rest[rest.index(after: $0)...] } ?? ""
                }
                continue
            }
            if blockTags.contains(name) { out += " " }
        }
        out += rest
        return collapse(decodeEntities(out))
    }

    /// "p" for "<p class=x>", "/p" → "p", lower-cased.
    private static func tagName(_ tag: Substring) -> String {
        let trimmed = tag.drop { $0 == "/" || $0 == " " }
        return String(trimmed.prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "dd", "dt", "section", "article",
    ]

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "euro": "€", "pound": "£", "eacute": "é", "egrave": "è", "agrave": "à",
        "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ccedil": "ç", "times": "×", "shy": "",
    ]

    /// `&amp;` `&#39;` `&#x27;` `&nbsp;`; an entity it does not know stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = entity(after[..<semicolon]) {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func entity(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
        return named[String(name)]
    }

    /// Runs of spaces, tabs, line breaks and no-break spaces as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
