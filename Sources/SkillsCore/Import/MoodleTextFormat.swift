/// The text formats Moodle marks in GIFT with a leading `[html]`, `[moodle]`, `[markdown]`
/// or `[plain]`. Moodle writes the mark on the question text only; its answers and
/// feedback are in the question's format unless they carry a mark of their own.
enum MoodleTextFormat: String, CaseIterable {
    case html, moodle, markdown, plain

    /// The mark at the start of `text` (after spaces), and the text after it.
    static func split(_ text: Substring) -> (format: MoodleTextFormat?, rest: Substring) {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return (nil, text) }
        let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].lowercased()
        guard let format = MoodleTextFormat(rawValue: name) else { return (nil, text) }
        return (format, trimmed[trimmed.index(after: close)...])
    }

    /// The text as a person reads it on a terminal.
    func plain(_ text: String) -> String {
        switch self {
        // Moodle's own format is HTML with line breaks kept; for one line of text, the same.
        case .html, .moodle: HTMLText.plain(text)
        case .markdown: HTMLText.plain(Self.withoutMarkdown(text))
        case .plain: text
        }
    }

    /// Emphasis, code marks, headings, bullets and links as their words.
    static func withoutMarkdown(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                let end = rest[close...].firstIndex(of: ")")
            {
                // [words](address) → words
                out += rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: end)...]
                continue
            }
            if character == "*" || character == "`" || (character == "_" && isEmphasis(rest, in: text)) {
                rest = rest.dropFirst()
                continue
            }
            if character == "_" && rest.prefix(3) == "___" {
                // A blank to fill in stays whole.
                let run = rest.prefix { $0 == "_" }
                out += run
                rest = rest.dropFirst(run.count)
                continue
            }
            if character == "#" && (out.isEmpty || out.last == "\n") {
                rest = rest.drop { $0 == "#" }.drop { $0 == " " }
                continue
            }
            out.append(character)
            rest = rest.dropFirst()
        }
        return out
    }

    /// An underscore that marks emphasis (`_word_`), not a blank to fill in (`_____`) or a
    /// name such as `snake_case`.
    private static func isEmphasis(_ rest: Substring, in whole: String) -> Bool {
        let run = rest.prefix { $0 == "_" }.count
        guard run <= 2 else { return false }
        let before = rest.startIndex > whole.startIndex ? whole[whole.index(before: rest.startIndex)] : " "
        let after = rest.dropFirst(run).first ?? " "
        let opens = !before.isLetter && !before.isNumber && !after.isWhitespace
        let closes = !after.isLetter && !after.isNumber && !before.isWhitespace
        return opens || closes
    }
}
