/// Answers given all at once rather than typed: `--answers 4,5,-,B` (one per item, in
/// order) or an answers file with one `item-id: answer` per line.
public enum AnswerSheet {
    /// Comma-separated answers in item order. The closing reflections may be left out,
    /// so ten answers suit a check-in of ten ratings and a reflection.
    public static func fromList(_ list: String, for questionnaire: Questionnaire, framework: Framework) throws
        -> [Response]
    {
        let parts = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let items = questionnaire.items
        let lastScored = (items.lastIndex(where: \.isScored) ?? -1) + 1
        guard parts.count >= lastScored, parts.count <= items.count else {
            let range = lastScored == items.count ? "\(items.count)" : "\(lastScored) to \(items.count)"
            throw SkillsError.invalidData(
                file: "--answers",
                detail:
                    "\(parts.count) answers for '\(questionnaire.id)'; expected \(range), one per item in order "
                    + "('-' to skip)"
            )
        }
        return try items.enumerated().map { index, item in
            guard index < parts.count else { return .skipped }
            return try parse(
                parts[index], item: item, in: questionnaire, framework: framework, place: "--answers",
                at: "answer \(index + 1) (\(item.id))")
        }
    }

    /// `item-id: answer` lines; blank lines and lines starting with '#' are ignored, and
    /// items not named are skipped.
    public static func fromFile(_ text: String, file: String, for questionnaire: Questionnaire, framework: Framework)
        throws -> [Response]
    {
        try fromFileNaming(text, file: file, for: questionnaire, framework: framework).responses
    }

    /// As `fromFile`, with the ids of the items the file names (a drawn bank's form).
    public static func fromFileNaming(
        _ text: String, file: String, for questionnaire: Questionnaire, framework: Framework
    ) throws -> (responses: [Response], named: Set<String>) {
        var responses = [Response](repeating: .skipped, count: questionnaire.items.count)
        var seenOnLine: [String: Int] = [:]
        let ids = questionnaire.items.map(\.id)
        for (number, rawLine) in TextLines.split(text).enumerated() {
            let line = rawLine.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let at = "line \(number + 1)"
            guard let colon = line.firstIndex(of: ":") else {
                throw SkillsError.invalidData(
                    file: file,
                    detail:
                        "\(at): '\(TextSafety.visible(String(line.prefix(60))))' has no ':'; expected 'item-id: answer'"
                )
            }
            let id = line[..<colon].trimmedSpaces
            let answer = String(line[line.index(after: colon)...])
            guard let index = ids.firstIndex(of: id) else {
                throw SkillsError.invalidData(
                    file: file,
                    detail:
                        "\(at): unknown item '\(TextSafety.visible(id))'\(Suggestion.hint(for: id, in: ids)); "
                        + "expected an item of '\(questionnaire.id)' (see 'skills show \(questionnaire.id)')"
                )
            }
            if let first = seenOnLine[id] {
                throw SkillsError.invalidData(
                    file: file,
                    detail:
                        "\(at): item '\(id)' is answered twice (first on line \(first)); expected one answer per item")
            }
            seenOnLine[id] = number + 1
            responses[index] = try parse(
                answer, item: questionnaire.items[index], in: questionnaire, framework: framework, place: file,
                at: "\(at) (\(id))")
        }
        if seenOnLine.isEmpty {
            throw SkillsError.invalidData(
                file: file,
                detail: "no answers for '\(questionnaire.id)'; expected 'item-id: answer' lines such as '"
                    + "\(ids.first ?? "id"): 4'")
        }
        return (responses, Set(seenOnLine.keys))
    }

    private static func parse(
        _ text: String, item: Item, in questionnaire: Questionnaire, framework: Framework, place: String, at: String
    ) throws -> Response {
        switch AnswerParser.parse(text, for: item, in: item.context(in: questionnaire, framework: framework)) {
        case .success(let response): return response
        case .failure(let problem): throw SkillsError.invalidData(file: place, detail: "\(at): \(problem)")
        }
    }
}
