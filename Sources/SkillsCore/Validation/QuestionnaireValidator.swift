import Foundation

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

    public func load(path: String) throws -> Questionnaire {
        try load(data: JSONFile.read(path), file: path)
    }

    public func check(data: Data, file: String) -> (Questionnaire?, [ValidationProblem]) {
        guard String(data: data, encoding: .utf8) != nil else {
            return (
                nil,
                [ValidationProblem(file: file, location: "(file)", message: "is not UTF-8 text; expected a JSON file")]
            )
        }
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data)
        } catch {
            let reason =
                (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error.localizedDescription)"
            return (nil, [ValidationProblem(file: file, location: "(file)", message: "not valid JSON: \(reason)")])
        }
        var problems = UnknownFields.check(raw, file: file)
        if let format = (raw as? [String: Any])?["format"] as? Int, format > Questionnaire.currentFormat {
            problems.append(
                ValidationProblem(
                    file: file, location: "format",
                    message:
                        "format \(format) is newer than this version of skills understands (\(Questionnaire.currentFormat)); update skills"
                ))
            return (nil, problems)
        }
        let decoder = JSONDecoder()
        let questionnaire: Questionnaire
        do {
            questionnaire = try decoder.decode(Questionnaire.self, from: data)
        } catch let error as DecodingError {
            let (path, message) = JSONFile.locate(error)
            return (nil, problems + [ValidationProblem(file: file, location: path ?? "(file)", message: message)])
        } catch {
            return (nil, problems + [ValidationProblem(file: file, location: "(file)", message: "\(error)")])
        }
        problems += check(questionnaire, file: file)
        return (withRubricScales(questionnaire), problems)
    }

    /// Level items are answered on the rubric's levels: 1 for the lowest, labelled with the
    /// level names. Filling that scale in once here lets every later step treat them as
    /// ratings for reading answers.
    public func withRubricScales(_ questionnaire: Questionnaire) -> Questionnaire {
        var filled = questionnaire
        let scale = RatingScale(min: 1, max: max(1, framework.levels.count), labels: framework.levels.map(\.name))
        for index in filled.items.indices where filled.items[index].type == .level && filled.items[index].scale == nil {
            filled.items[index].scale = scale
        }
        return filled
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
        if let scale = q.scale { problems += check(scale, at: "scale", file: file) }
        if q.items.isEmpty { add("items", "the questionnaire has no items; expected at least one") }
        if !q.items.isEmpty && q.scoredItems.isEmpty {
            add("items", "only reflections; expected at least one rating or choice item to score")
        }

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
                    "unknown area '\(area)'\(Suggestion.hint(for: area, in: framework.areaIDs)); expected one of \(framework.areaIDs.joined(separator: ", "))",
                    field: "area")
            }
        } else if item.type != .reflection {
            add(
                "missing; a \(item.type.rawValue) item must name its skill area (\(framework.areaIDs.joined(separator: ", ")))",
                field: "area")
        }
        for action in item.actions ?? [] {
            guard let found = framework.action(action) else {
                let known = framework.areas.flatMap { $0.actions.map(\.id) }
                add(
                    "unknown development action '\(action)'\(Suggestion.hint(for: action, in: known)); expected an action id from the framework (see 'skills rubric')",
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

        switch item.type {
        case .rating:
            if let scale = item.scale {
                problems += check(scale, at: "\(at).scale", file: file)
            } else if q.scale == nil {
                add("no scale; expected a 'scale' on the item or at the top of the questionnaire", field: "scale")
            }
            if item.options != nil {
                add(
                    "a rating item has no options; use \"type\": \"choice\" for a multiple-choice question",
                    field: "options")
            }
            if item.explanation != nil { add("only choice items have an explanation", field: "explanation") }
        case .choice:
            problems += checkOptions(item, at: at, file: file)
            if item.reverse != nil { add("only rating items can be reverse-keyed", field: "reverse") }
            if item.scale != nil { add("a choice item has options, not a scale", field: "scale") }
            if (item.explanation ?? "").trimmed.isEmpty {
                add(
                    "missing; expected an explanation of the best answer, shown when it is missed", field: "explanation"
                )
            }
        case .level:
            if item.scale != nil {
                add("a level item is answered on the rubric's levels; remove 'scale'", field: "scale")
            }
            if item.reverse != nil { add("only rating items can be reverse-keyed", field: "reverse") }
            if item.options != nil {
                add("a level item is answered on the rubric's levels and has no options", field: "options")
            }
            if item.explanation != nil { add("only choice items have an explanation", field: "explanation") }
        case .reflection:
            if item.reverse != nil {
                add("only rating items can be reverse-keyed; reflections are never scored", field: "reverse")
            }
            if item.options != nil { add("a reflection is free text and has no options", field: "options") }
            if item.scale != nil { add("a reflection is free text and has no scale", field: "scale") }
            if item.explanation != nil { add("only choice items have an explanation", field: "explanation") }
            if item.actions != nil { add("reflections are not scored, so they link to no actions", field: "actions") }
        }
        return problems
    }

    private func checkOptions(_ item: Item, at: String, file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        let options = item.options ?? []
        if options.count < 2 || options.count > OptionLetters.maximumOptions {
            problems.append(
                ValidationProblem(
                    file: file, location: "\(at).options",
                    message: "\(options.count) options; expected 2 to \(OptionLetters.maximumOptions)"))
        }
        if !options.isEmpty && item.correctOptions.isEmpty {
            problems.append(
                ValidationProblem(
                    file: file, location: "\(at).options",
                    message: "no option is marked \"correct\": true; expected at least one"))
        }
        if !options.isEmpty && item.correctOptions.count == options.count && options.count > 1 {
            problems.append(
                ValidationProblem(
                    file: file, location: "\(at).options",
                    message:
                        "every option is correct, so the question cannot tell anyone apart; expected at least one wrong option"
                ))
        }
        var texts: [String: Int] = [:]
        for (j, option) in options.enumerated() {
            let where_ = "\(at).options[\(j)]"
            if option.text.trimmed.isEmpty {
                problems.append(
                    ValidationProblem(
                        file: file, location: where_ + ".text", message: "missing or empty; expected the option's text")
                )
            } else if let first = texts[option.text.trimmed.lowercased()] {
                problems.append(
                    ValidationProblem(
                        file: file, location: where_ + ".text",
                        message: "same text as options[\(first)]; expected distinct options"))
            } else {
                texts[option.text.trimmed.lowercased()] = j
            }
        }
        return problems
    }

    private func check(_ scale: RatingScale, at: String, file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if scale.max <= scale.min {
            problems.append(
                ValidationProblem(
                    file: file, location: at, message: "max \(scale.max) must be greater than min \(scale.min)"))
        } else if scale.max - scale.min > 10 {
            problems.append(
                ValidationProblem(
                    file: file, location: at,
                    message:
                        "\(scale.max - scale.min + 1) points from \(scale.min) to \(scale.max); expected at most 11"))
        } else if scale.labels.count != scale.max - scale.min + 1 {
            problems.append(
                ValidationProblem(
                    file: file, location: "\(at).labels",
                    message:
                        "\(scale.labels.count) labels for a \(scale.min) to \(scale.max) scale; expected \(scale.max - scale.min + 1), one per point"
                ))
        }
        for (i, label) in scale.labels.enumerated() where label.trimmed.isEmpty {
            problems.append(
                ValidationProblem(
                    file: file, location: "\(at).labels[\(i)]", message: "empty label; expected text such as \"Agree\"")
            )
        }
        return problems
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
                        "missing; expected where the item comes from, such as \"000_83894cee2ca02c78.txt#Listening to Customers\""
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

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
