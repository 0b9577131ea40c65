/// Moodle's GIFT format. Imported: multiple choice with one right answer (`=right
/// ~wrong`), with several right answers given equal positive weights (`~%50%a ~%50%b
/// ~%-100%c`), true/false (`{T}`, `{FALSE}`), essays (`{}`, as reflections), question
/// names (`::name::`), per-answer feedback (`#…`), general feedback (`####…`), comments
/// (`//`), `$CATEGORY:` lines naming a skill area, and escapes (`\=` `\~` `\#` `\{` `\}`
/// `\:`). Short answer, matching, numerical, descriptions and unevenly weighted answers
/// cannot be scored the way skills scores, so each is reported with its line and skipped.
public enum GIFTImporter {
    public static func parse(_ text: String, file: String, options: ImportOptions, framework: Framework) throws
        -> ImportedQuestionnaire
    {
        var items: [Item] = []
        var skipped: [String] = []
        var category: (area: String?, name: String, line: Int)?
        for block in blocks(text) {
            if block.text.hasPrefix("$CATEGORY:") {
                let path = unescape(block.text.dropFirst("$CATEGORY:".count)).trimmedSpaces
                let parts = categoryParts(path)
                category = (area(inCategory: parts, framework: framework), parts.last ?? path, block.line)
                continue
            }
            let question: ParsedQuestion
            do {
                question = try parseQuestion(block.text)
            } catch let problem as Unsupported {
                skipped.append("line \(block.line): \(problem.reason); skipped")
                continue
            } catch let problem as Malformed {
                throw SkillsError.invalidData(file: file, detail: "line \(block.line): \(problem.reason)")
            }
            let area: String
            if let matched = category?.area {
                area = matched
            } else if let fallback = options.area {
                area = fallback
            } else if let category {
                throw SkillsError.invalidData(
                    file: file,
                    detail:
                        "line \(category.line): category '\(TextSafety.visible(category.name))' is not a skill "
                        + "area; expected one of \(framework.areaIDs.joined(separator: ", ")), or give --area"
                )
            } else {
                throw SkillsError.invalidData(
                    file: file,
                    detail:
                        "line \(block.line): no skill area; add a '$CATEGORY: <area>' line before the question, or "
                        + "give --area"
                )
            }
            let id = ImportOptions.itemID(name: question.name, number: items.count + 1, taken: Set(items.map(\.id)))
            let source = "\(options.sourceName)#\(question.name ?? "line \(block.line)")"
            if question.choices.isEmpty {
                items.append(Item(id: id, area: area, text: question.text, source: source, kind: .reflection(.init())))
            } else {
                let correct = question.choices.filter(\.correct).map(\.text)
                items.append(
                    Item(
                        id: id, area: area, text: question.text, source: source,
                        kind: .choice(
                            ChoiceItem(
                                options: question.choices.map {
                                    Option(text: $0.text, correct: $0.correct ? true : nil, feedback: $0.feedback)
                                },
                                explanation: question.generalFeedback ?? ImportOptions.explanation(correct: correct)))))
            }
        }
        if items.isEmpty {
            throw SkillsError.invalidData(
                file: file,
                detail: "no question could be imported" + (skipped.isEmpty ? "" : " (\(skipped.count) skipped)"))
        }
        if !items.contains(where: \.isScored) {
            throw SkillsError.invalidData(
                file: file,
                detail:
                    "only essay questions, which are never scored; expected at least one question with answers to "
                    + "choose from"
            )
        }
        return ImportedQuestionnaire(questionnaire: options.questionnaire(items), skipped: skipped)
    }

    /// Moodle writes a category path with `/` between levels and `//` for a slash inside a
    /// name: `$course$/top/Default for Service 101/Empathy: the basics`.
    static func categoryParts(_ path: String) -> [String] {
        path.replacing("//", with: "\u{0}").split(separator: "/").map {
            $0.replacing("\u{0}", with: "/").trimmedSpaces
        }.filter { !$0.isEmpty }
    }

    /// The skill area a category names: the deepest level that names one, whole or before
    /// its first colon ("Empathy: the basics"), so a sub-category of an area counts too.
    static func area(inCategory parts: [String], framework: Framework) -> String? {
        for part in parts.reversed() {
            if let area = framework.areaMatching(part) { return area }
            if let colon = part.firstIndex(of: ":"), let area = framework.areaMatching(String(part[..<colon])) {
                return area
            }
        }
        return nil
    }

    struct Unsupported: Error { let reason: String }
    struct Malformed: Error { let reason: String }

    struct ParsedQuestion {
        var name: String?
        var text: String
        var choices: [Choice]
        var generalFeedback: String?
        /// The question's text format, which its answers and feedback share unless marked.
        var format: MoodleTextFormat?
    }

    struct Choice {
        var text: String
        var correct: Bool
        var feedback: String?
    }

    /// Questions are separated by blank lines; `//` comment lines are dropped.
    static func blocks(_ text: String) -> [(text: String, line: Int)] {
        var blocks: [(String, Int)] = []
        var current: [String] = []
        var start = 0
        for (index, raw) in text.replacing("\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            let line = raw.trimmedSpaces
            if line.hasPrefix("//") { continue }
            if line.isEmpty {
                if !current.isEmpty { blocks.append((current.joined(separator: "\n"), start)) }
                current = []
            } else {
                if current.isEmpty { start = index + 1 }
                // A category line stands alone even without a blank line after it.
                if line.hasPrefix("$CATEGORY:") {
                    if !current.isEmpty { blocks.append((current.joined(separator: "\n"), start)) }
                    blocks.append((line, index + 1))
                    current = []
                    continue
                }
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append((current.joined(separator: "\n"), start)) }
        return blocks
    }

    static func parseQuestion(_ block: String) throws -> ParsedQuestion {
        var rest = Substring(block)
        var name: String?
        if rest.hasPrefix("::") {
            guard let end = findUnescaped("::", in: rest.dropFirst(2)) else {
                throw Malformed(reason: "the question name '::' is not closed")
            }
            let given = unescape(rest[rest.index(rest.startIndex, offsetBy: 2)..<end]).trimmedSpaces
            name = given.isEmpty ? nil : given  // `::::` names nothing
            rest = rest[rest.index(end, offsetBy: 2)...]
        }
        rest = Substring(rest.trimmedSpaces)
        let format = MoodleTextFormat.split(rest).format
        rest = MoodleTextFormat.split(rest).rest
        guard let open = findUnescaped("{", in: rest) else {
            throw Unsupported(reason: "a description with no answers cannot be scored")
        }
        guard let close = findUnescaped("}", in: rest[rest.index(after: open)...]) else {
            throw Malformed(reason: "the answer block '{' is not closed with '}'")
        }
        let before = plain(rest[..<open], format)
        let after = plain(rest[rest.index(after: close)...], format)
        let text = after.isEmpty ? before : "\(before) _____ \(after)"
        guard !text.isEmpty else { throw Malformed(reason: "the question has no text") }
        let answers = rest[rest.index(after: open)..<close].trimmed
        var question = ParsedQuestion(name: name, text: text, choices: [], format: format)
        try parseAnswers(answers, into: &question)
        return question
    }

    static func parseAnswers(_ answers: String, into question: inout ParsedQuestion) throws {
        var body = Substring(answers)
        if let general = findUnescaped("####", in: body) {
            // Feedback that is all markup (found by scripts/fuzz gift) is no feedback.
            let feedback = plain(body[body.index(general, offsetBy: 4)...], question.format)
            question.generalFeedback = feedback.isEmpty ? nil : feedback
            body = body[..<general]
        }
        let trimmed = body.trimmed
        if trimmed.isEmpty { return }  // an essay: imported as a reflection
        if trimmed.hasPrefix("#") { throw Unsupported(reason: "numerical questions cannot be imported") }
        if findUnescaped("->", in: Substring(trimmed)) != nil {
            throw Unsupported(reason: "matching questions cannot be imported")
        }

        let head =
            trimmed.split(separator: "#", maxSplits: 1).first.map {
                $0.trimmedSpaces.uppercased()
            } ?? ""
        if ["T", "TRUE", "F", "FALSE"].contains(head) {
            let isTrue = head.hasPrefix("T")
            // {T#feedback if answered wrongly#feedback if answered rightly}
            let feedback = splitUnescaped(Substring(trimmed), on: "#").dropFirst().map { plain($0, question.format) }
            let wrongFeedback = feedback.first.flatMap { $0.isEmpty ? nil : $0 }
            let rightFeedback = feedback.count > 1 && !feedback[1].isEmpty ? feedback[1] : nil
            question.choices = [
                Choice(text: "True", correct: isTrue, feedback: isTrue ? rightFeedback : wrongFeedback),
                Choice(text: "False", correct: !isTrue, feedback: isTrue ? wrongFeedback : rightFeedback),
            ]
            return
        }

        var tokens: [(marker: Character, body: Substring)] = []
        var index = trimmed.startIndex
        var escaped = false
        var current: (Character, String.Index)?
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "=" || character == "~" {
                if let open = current { tokens.append((open.0, trimmed[trimmed.index(after: open.1)..<index])) }
                current = (character, index)
            } else if current == nil && !character.isWhitespace {
                throw Malformed(
                    reason: "answers must start with '=' or '~'; found '\(TextSafety.visible(String(character)))'")
            }
            index = trimmed.index(after: index)
        }
        if let open = current { tokens.append((open.0, trimmed[trimmed.index(after: open.1)...])) }

        if tokens.allSatisfy({ $0.marker == "=" }) {
            throw Unsupported(reason: "short-answer questions (every answer marked '=') cannot be imported")
        }
        var choices: [(choice: Choice, weight: Double)] = []
        for token in tokens {
            var part = Substring(token.body.trimmed)
            var weight: Double = token.marker == "=" ? 100 : 0
            if part.hasPrefix("%") {
                guard let end = part.dropFirst().firstIndex(of: "%"),
                    let value = Double(part[part.index(after: part.startIndex)..<end])
                else {
                    throw Malformed(reason: "a weight such as %50% is not closed or not a number")
                }
                weight = value
                part = part[part.index(after: end)...]
            }
            let pieces = splitUnescaped(part, on: "#")
            let text = plain(pieces[0], question.format)
            guard !text.isEmpty else { throw Malformed(reason: "an answer has no text") }
            let feedback =
                pieces.count > 1
                ? plain(Substring(pieces[1...].joined(separator: "#")), question.format) : nil
            choices.append(
                (Choice(text: text, correct: weight > 0, feedback: feedback?.isEmpty == true ? nil : feedback), weight))
        }
        let positive = choices.map(\.weight).filter { $0 > 0 }
        if positive.isEmpty { throw Unsupported(reason: "no answer is marked right") }
        if positive.count == 1 && positive[0] < 100 {
            throw Unsupported(reason: "the only right answer is worth \(Int(positive[0]))%, which skills cannot score")
        }
        if positive.count > 1 {
            let share = 100 / Double(positive.count)
            guard positive.allSatisfy({ abs($0 - share) < 1 }) else {
                throw Unsupported(
                    reason:
                        "right answers with uneven weights "
                        + "(\(positive.map { "\(Int($0))%" }.joined(separator: ", "))) cannot be scored the way "
                        + "skills scores several right answers"
                )
            }
        }
        if choices.count < 2 {
            throw Unsupported(reason: "a question needs at least 2 answers to choose from")
        }
        if choices.allSatisfy(\.choice.correct) {
            throw Unsupported(reason: "every answer is right, so the question tells no one apart")
        }
        let texts = choices.map { $0.choice.text.lowercased() }
        if Set(texts).count < texts.count {
            throw Unsupported(reason: "two answers have the same text, so a choice between them means nothing")
        }
        if choices.count > OptionLetters.maximumOptions {
            throw Unsupported(reason: "\(choices.count) answers; skills takes at most \(OptionLetters.maximumOptions)")
        }
        question.choices = choices.map(\.choice)
    }

    /// A piece of a question as plain text: its own format mark, else the question's, decides
    /// whether HTML or Markdown is turned into words; escapes are undone first, since Moodle
    /// escapes inside HTML too (`&\#39;`, `href\="…"`).
    static func plain(_ raw: Substring, _ questionFormat: MoodleTextFormat?) -> String {
        let (own, body) = MoodleTextFormat.split(raw)
        let text = unescape(body).trimmed
        return ((own ?? questionFormat)?.plain(text) ?? text).trimmed
    }

    /// The index of `needle` in `text`, ignoring backslash-escaped characters.
    static func findUnescaped(_ needle: String, in text: Substring) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if text[index...].hasPrefix(needle) { return index }
            index = text.index(after: index)
        }
        return nil
    }

    static func splitUnescaped(_ text: Substring, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var rest = text
        while let index = findUnescaped(String(separator), in: rest) {
            parts.append(rest[..<index])
            rest = rest[rest.index(after: index)...]
        }
        return parts + [rest]
    }

    static func unescape(_ text: Substring) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out.replacing("\n", with: " ")
    }
}
