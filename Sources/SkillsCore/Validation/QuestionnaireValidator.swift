import FoundationEssentials
import Glibc

/// Checks a questionnaire file for everything a trainer could get wrong, and reports every
/// problem with the file, the JSON path and item id, the value, and what was expected.
public struct QuestionnaireValidator: Sendable {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    /// Decodes and checks; returns the questionnaire only when there are no problems.
    public func load(data: Data, file: String) throws -> Questionnaire {
        let (questionnaire, problems) = check(data: data, file: file)
        guard let questionnaire, problems.isEmpty else { throw SkillsError.invalidQuestionnaire(problems) }
        return questionnaire
    }

    /// `regularOnly` for files found in the store; a file the user names may be a pipe.
    public func load(path: String, regularOnly: Bool = true) throws -> Questionnaire {
        try load(data: JSONFile.read(path, regularOnly: regularOnly), file: path)
    }

    public func check(data: Data, file: String) -> (Questionnaire?, [ValidationProblem]) {
        guard String(data: data, encoding: .utf8) != nil else {
            return (
                nil,
                [ValidationProblem(file: file, location: "(file)", message: "is not UTF-8 text; expected a JSON file")]
            )
        }
        let raw: JSONValue
        do {
            raw = try JSONValue.parse(data)
        } catch {
            return (nil, [ValidationProblem(file: file, location: "(file)", message: "not valid JSON: \(error)")])
        }
        var problems = UnknownFields.check(raw, file: file)
        if case .wholeNumber(let format) = raw.object?["format"], format > Questionnaire.currentFormat {
            problems.append(
                ValidationProblem(
                    file: file, location: "format",
                    message:
                        "format \(format) is newer than this version of skills understands "
                        + "(\(Questionnaire.currentFormat)); update skills"
                ))
            return (nil, problems)
        }
        guard raw.object != nil else { return (nil, problems) }
        var types = FieldTypes(file: file)
        let questionnaire: Questionnaire
        do {
            questionnaire = try JSONDecoder().decode(Questionnaire.self, from: data)
        } catch {
            // The typed decoder stops at the first wrong type. The first pass lists every one,
            // and the file without them is read again for the checks of meaning. (Only here:
            // a file the typed decoder reads has no wrong type for the first pass to find.)
            var readable = data
            if let value = try? JSONDecoder().decode(JSONValue.self, from: data), let repaired = types.check(value),
                !types.problems.isEmpty, let encoded = try? JSONEncoder().encode(repaired)
            {
                problems += types.problems
                readable = encoded
            }
            do {
                questionnaire = try JSONDecoder().decode(Questionnaire.self, from: readable)
            } catch let error as DecodingError {
                let (path, message) = JSONFile.locate(error)
                if let path, types.repeats(path) { return (nil, problems) }
                return (nil, problems + [ValidationProblem(file: file, location: path ?? "(file)", message: message)])
            } catch {
                return (nil, problems + [ValidationProblem(file: file, location: "(file)", message: "\(error)")])
            }
        }
        problems += check(questionnaire, file: file).filter { !types.repeats($0.location) }
        return (questionnaire, problems)
    }

    public func check(_ q: Questionnaire, file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ location: String, _ message: String) {
            problems.append(ValidationProblem(file: file, location: location, message: message))
        }
        if q.format != Questionnaire.currentFormat {
            add("format", "expected \(Questionnaire.currentFormat); found \(q.format)")
        }
        if !Self.isIdentifier(q.id) {
            add(
                "id",
                "'\(q.id)' is not a usable id; expected lower-case letters, digits and dashes, such as 'shift-checkin'")
        }
        if q.version.trimmed.isEmpty { add("version", "missing; expected a version such as \"1.0\"") }
        if q.title.trimmed.isEmpty { add("title", "missing; expected a title") }
        if let minutes = q.minutes, minutes <= 0 || minutes > 600 {
            add("minutes", "\(minutes) is not a duration; expected 1 to 600")
        }
        for problem in q.scale?.problems() ?? [] { add("scale" + problem.field, problem.message) }
        for problem in q.calibration?.problems(knownAreas: framework.areaIDs) ?? [] {
            add("calibration." + problem.field, problem.message)
        }
        if q.items.isEmpty { add("items", "the questionnaire has no items; expected at least one") }
        if !q.items.isEmpty && q.scoredItems.isEmpty {
            add("items", "only reflections; expected at least one rating or choice item to score")
        }
        if let draw = q.draw { problems += check(draw, in: q, file: file) }

        var seen: [String: Int] = [:]
        for (index, item) in q.items.enumerated() {
            let at = item.id.isEmpty ? "items[\(index)]" : "items[\(index)] (\(item.id))"
            if item.id.trimmed.isEmpty {
                add(at, "missing 'id'; expected a short unique id such as 'listen-1'")
            } else if let first = seen[item.id] {
                add(at, "duplicate id '\(item.id)'; items[\(first)] already uses it")
            } else {
                seen[item.id] = index
                if !Self.isIdentifier(item.id, allowingCaps: true) {
                    add(at, "id '\(item.id)' has spaces or symbols; expected letters, digits, '-', '_' or '.'")
                }
            }
            problems += check(item, in: q, at: at, file: file)
        }
        return problems
    }

    /// A form draws `perArea` scored items from every area the bank covers, so each of
    /// those areas needs at least that many.
    private func check(_ draw: Questionnaire.Draw, in q: Questionnaire, file: String) -> [ValidationProblem] {
        guard draw.perArea >= 1 else {
            return [
                ValidationProblem(
                    file: file, location: "draw.perArea",
                    message: "\(draw.perArea) questions per area; expected at least 1")
            ]
        }
        return QuizForms.areas(of: q).compactMap { area in
            let count = q.scoredItems.filter { $0.area == area }.count
            guard count < draw.perArea else { return nil }
            return ValidationProblem(
                file: file, location: "draw.perArea",
                message:
                    "\(draw.perArea) questions per area, but '\(area)' has \(count) scored items; expected at most "
                    + "\(count), or more items in '\(area)'")
        }
    }

    private func check(_ item: Item, in q: Questionnaire, at: String, file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ message: String, field: String? = nil) {
            problems.append(
                ValidationProblem(file: file, location: field.map { "\(at).\($0)" } ?? at, message: message))
        }
        if item.text.trimmed.isEmpty { add("missing or empty; expected the question or statement", field: "text") }
        problems += checkSource(item.source, at: "\(at).source", file: file)

        if let area = item.area {
            if framework.area(area) == nil {
                add(
                    "unknown area '\(area)'\(Suggestion.hint(for: area, in: framework.areaIDs)); expected one of "
                        + "\(framework.areaIDs.joined(separator: ", "))",
                    field: "area")
            }
        } else if item.isScored {
            add(
                "missing; a \(item.type.rawValue) item must name its skill area "
                    + "(\(framework.areaIDs.joined(separator: ", ")))",
                field: "area")
        }
        for action in item.actions ?? [] {
            guard let found = framework.action(action) else {
                let known = framework.areas.flatMap { $0.actions.map(\.id) }
                add(
                    "unknown development action '\(action)'\(Suggestion.hint(for: action, in: known)); expected an "
                        + "action id from the framework (see 'skills rubric')",
                    field: "actions")
                continue
            }
            if let area = item.area, framework.area(area) != nil,
                !(framework.area(area)?.actions.contains(found) ?? false)
            {
                add("action '\(action)' belongs to another area; expected one of \(area)'s actions", field: "actions")
            }
        }
        if let help = item.help, help.trimmed.isEmpty { add("empty; remove it or write a hint", field: "help") }
        if !item.isScored && item.actions != nil {
            add("a \(item.type.rawValue) is not scored, so it links to no actions", field: "actions")
        }
        for field in item.misplacedFields { add(Self.misplaced(field, in: item.type), field: field) }
        let context = item.context(in: q, framework: framework)
        for problem in item.kind.behaviour.problems(in: context) {
            add(problem.message, field: problem.field)
        }
        return problems
    }

    /// "only rating items can be reverse-keyed": which kinds a field belongs to.
    static func misplaced(_ field: String, in type: ItemType) -> String {
        if field == Item.CodingKeys.reverse.rawValue { return "only rating items can be reverse-keyed" }
        let owners = ItemType.allCases.filter { $0.behaviour.ownFields.map(\.rawValue).contains(field) }
        let names = owners.map { "\($0.rawValue) items" }.joined(separator: " and ")
        return "only \(names) have '\(field)'; a \(type.rawValue) item does not use it"
    }

    /// A source is `<seed file>#<section heading>`. When it names one of the framework's
    /// source chapters the heading must be one of that chapter's, to catch typos; a
    /// trainer's own material may be cited freely.
    private func checkSource(_ source: String, at: String, file: String) -> [ValidationProblem] {
        if source.trimmed.isEmpty {
            return [
                ValidationProblem(
                    file: file, location: at,
                    message:
                        "missing; expected where the item comes from, such as \"000_83894cee2ca02c78.txt#Listening "
                        + "to Customers\""
                )
            ]
        }
        return framework.checkCitation(source).map { [ValidationProblem(file: file, location: at, message: $0)] } ?? []
    }

    static func isIdentifier(_ text: String, allowingCaps: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "-"
                || (allowingCaps && ((s >= "A" && s <= "Z") || s == "_" || s == "."))
        } && text.count <= 64
    }
}
